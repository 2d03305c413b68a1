//! Choice rules against AWS's recordings: every case with a Choice state (the
//! `choice_operators` category holds one rule per case, and the Pass state it leads to
//! names the branch in the output) is run through the small chain runner; the branch
//! taken must give the recorded output, and where a history was recorded, the same
//! states must be entered. Cases the runner cannot decide are skipped with the reason.

mod common;

use common::chain::{run_case, skip_reason};
use common::*;
use libtest_mimic::{Arguments, Trial};

fn main() {
    let args = Arguments::from_args();
    let mut trials = Vec::new();
    for case in load_cases() {
        if !case.has_feature("state:Choice") {
            continue;
        }
        let name = format!("{}::{}", case.category(), case.file.trim_end_matches(".json"));
        match skip_reason(&case) {
            Some(reason) => trials.push(Trial::test(name, || Ok(())).with_kind(reason).with_ignored_flag(true)),
            None => {
                let case = case.portable();
                trials.push(Trial::test(name, move || run_case(&case.case())))
            }
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
