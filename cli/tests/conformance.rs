//! Runs the AWS-recorded conformance corpus and the examples through `statelab test`,
//! with the skip list beside this file (every skip carries its reason).

use std::path::PathBuf;
use std::process::Command;

/// `STATELAB_SHARED`, else a `shared/` folder beside an ancestor of the crate.
fn shared() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("STATELAB_SHARED") {
        return Some(PathBuf::from(p));
    }
    let mut dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    loop {
        let candidate = dir.join("shared");
        if candidate.join("conformance").is_dir() {
            return Some(candidate);
        }
        if !dir.pop() {
            return None;
        }
    }
}

fn run_cases(path: PathBuf) -> (bool, String) {
    let skips = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/conformance-skips.txt");
    let out = Command::new(env!("CARGO_BIN_EXE_statelab"))
        .arg("test")
        .arg(&path)
        .arg("--skip-list")
        .arg(&skips)
        .arg("--quiet")
        .output()
        .expect("the statelab binary runs");
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn localstack_conformance_cases() {
    let Some(shared) = shared() else {
        panic!("shared corpus not found: set STATELAB_SHARED or place shared/ beside the repository");
    };
    let (ok, report) = run_cases(shared.join("conformance/localstack/cases"));
    println!("{report}");
    assert!(ok, "conformance failures (see the report above)");
}

#[test]
fn example_cases() {
    let Some(shared) = shared() else {
        panic!("shared corpus not found: set STATELAB_SHARED or place shared/ beside the repository");
    };
    let (ok, report) = run_cases(shared.join("examples"));
    println!("{report}");
    assert!(ok, "example failures (see the report above)");
}
