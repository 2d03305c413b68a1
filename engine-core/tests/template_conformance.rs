//! Recorded AWS executions that only need this layer: chains of Pass, Fail and Succeed
//! states in JSONPath mode. Each case file is one named test; cases that need the
//! interpreter (Task, Map, …), JSONata or variables are listed as skipped with the reason,
//! and cases with Choice states run in `choice_conformance`.

mod common;

use common::chain::{run_case, skip_reason};
use common::*;
use libtest_mimic::{Arguments, Trial};

fn main() {
    let args = Arguments::from_args();
    let mut trials = Vec::new();
    for case in load_cases() {
        if case.has_feature("state:Choice") {
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
