//! The JSONata reference test suite (../shared/conformance/jsonata): every case is a
//! named test `group/caseNNN` (or `group/caseNNN[i]` inside an array file). Cases
//! listed in tests/jsonata_skips.txt are ignored, each with its reason.

use engine_core::json::{parse_value, write_compact};
use engine_core::jsonata::conformance::{file_cases, run_case, CaseFile, Outcome};
use libtest_mimic::{Arguments, Failed, Trial};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn suite_dir() -> PathBuf {
    if let Ok(d) = std::env::var("JSONATA_SUITE") {
        return PathBuf::from(d);
    }
    // The shared folder sits beside the repository (or beside the worktrees' parent).
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|a| a.join("shared/conformance/jsonata"))
        .find(|p| p.is_dir())
        .unwrap_or_default()
}

fn skips() -> HashMap<String, String> {
    include_str!("jsonata_skips.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (name, reason) = l.split_once('#')?;
            Some((name.trim().to_string(), reason.trim().to_string()))
        })
        .collect()
}

fn main() {
    let args = Arguments::from_args();
    let dir = suite_dir();
    let skips = skips();
    let mut datasets = HashMap::new();
    if let Ok(entries) = std::fs::read_dir(dir.join("datasets")) {
        for e in entries.flatten() {
            let p = e.path();
            let name = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            // Kept as text: the engine's default `Value` is not `Send` (it shares through
            // `Rc`), so each case's thread parses the datasets it reads.
            if let Ok(text) = std::fs::read_to_string(&p) {
                if parse_value(&text).is_ok() {
                    datasets.insert(name, text);
                }
            }
        }
    }
    let datasets = Arc::new(datasets);
    let mut files: Vec<PathBuf> = Vec::new();
    if let Ok(groups) = std::fs::read_dir(dir.join("groups")) {
        for g in groups.flatten() {
            if let Ok(cases) = std::fs::read_dir(g.path()) {
                files.extend(
                    cases
                        .flatten()
                        .map(|c| c.path())
                        .filter(|p| p.extension().is_some_and(|e| e == "json")),
                );
            }
        }
    }
    files.sort();
    let mut trials = Vec::new();
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let Ok(v) = parse_value(&text) else { continue };
        let Some(cases) = file_cases(&v) else {
            continue;
        };
        let path = file.to_string_lossy();
        let place = CaseFile::of(&path);
        for (index, case) in cases {
            let name = place.case_name(index);
            let case = write_compact(case);
            let datasets = datasets.clone();
            let folder = file.parent().map(Path::to_path_buf).unwrap_or_default();
            let skipped = skips.contains_key(&name);
            let trial =
                Trial::test(name, move || run(case, folder, datasets)).with_ignored_flag(skipped);
            trials.push(trial);
        }
    }
    libtest_mimic::run(&args, trials).exit();
}

fn run(case: String, folder: PathBuf, datasets: Arc<HashMap<String, String>>) -> Result<(), Failed> {
    // Deep recursion cases need more stack than a test thread's default.
    let worker = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_millis() as i64)
                .unwrap_or(0);
            let case = parse_value(&case).map_err(|e| e.to_string());
            let case = match case {
                Ok(case) => case,
                Err(why) => return Outcome::Fail(why),
            };
            run_case(
                &case,
                &|f| std::fs::read_to_string(folder.join(f)).ok(),
                &|name| datasets.get(name).and_then(|text| parse_value(text).ok()),
                now,
            )
        });
    match worker.map_err(|e| e.to_string())?.join() {
        Ok(Outcome::Pass) => Ok(()),
        Ok(Outcome::Fail(why)) => Err(why.into()),
        Err(_) => Err("panicked".into()),
    }
}
