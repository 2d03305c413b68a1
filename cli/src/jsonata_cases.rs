//! JSONata test-suite case files for `statelab test`: a file whose case (or every case
//! of its array) has `expr` or `expr-file` is run by the JSONata engine. Datasets are
//! read from the nearest `datasets/` folder above the file.

use engine_core::json::parse_value;
use engine_core::jsonata::conformance::{file_cases, run_case, CaseFile, Outcome};
use std::path::{Path, PathBuf};

/// One case's name (`group/caseNNN` or `group/caseNNN[i]`), group and outcome.
pub struct Ran {
    pub name: String,
    pub group: String,
    pub outcome: Outcome,
}

fn datasets_dir(file: &Path) -> Option<PathBuf> {
    file.ancestors()
        .skip(1)
        .map(|a| a.join("datasets"))
        .find(|d| d.is_dir())
}

/// The cases of `file` when it is a JSONata case file, with `run` deciding per name
/// whether to run one (`false` = skipped, reported as `None`).
pub fn run_file(file: &Path, run: &dyn Fn(&str) -> bool) -> Option<Vec<(Ran, bool)>> {
    let text = std::fs::read_to_string(file).ok()?;
    let value = parse_value(&text).ok()?;
    let cases = file_cases(&value)?;
    let path = file.to_string_lossy();
    let place = CaseFile::of(&path);
    let group = place.group.to_string();
    let folder = file.parent().map(Path::to_path_buf).unwrap_or_default();
    let datasets = datasets_dir(file);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    let mut out = Vec::new();
    for (index, case) in cases {
        let name = place.case_name(index);
        if !run(&name) {
            out.push((
                Ran {
                    name,
                    group: group.clone(),
                    outcome: Outcome::Pass,
                },
                false,
            ));
            continue;
        }
        let outcome = run_case(
            case,
            &|f| std::fs::read_to_string(folder.join(f)).ok(),
            &|d| {
                let text =
                    std::fs::read_to_string(datasets.as_ref()?.join(format!("{d}.json"))).ok()?;
                parse_value(&text).ok()
            },
            now,
        );
        out.push((
            Ran {
                name,
                group: group.clone(),
                outcome,
            },
            true,
        ));
    }
    Some(out)
}
