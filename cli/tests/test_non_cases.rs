//! `statelab test` on a JSONata suite folder counts the suite's cases and ignores the
//! dataset files beside them (JSON, but not cases), so the summary counts only cases.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `STATELAB_SHARED`, else a `shared/` folder beside an ancestor of the crate.
fn shared() -> PathBuf {
    if let Ok(p) = std::env::var("STATELAB_SHARED") {
        return PathBuf::from(p);
    }
    let mut dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    loop {
        if dir.join("shared/conformance/jsonata").is_dir() {
            return dir.join("shared");
        }
        assert!(dir.pop(), "shared corpus not found: set STATELAB_SHARED or place shared/ beside the repository");
    }
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(from, to).unwrap();
}

#[test]
fn dataset_files_are_not_counted_as_cases() {
    let suite = shared().join("conformance/jsonata");
    let root = std::env::temp_dir().join(format!("statelab-non-cases-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    // Two suite cases that read dataset5, the dataset itself and one more dataset.
    for case in ["case000.json", "case001.json"] {
        copy(&suite.join("groups/array-constructor").join(case), &root.join("groups/array-constructor").join(case));
    }
    for d in ["dataset5.json", "dataset0.json"] {
        copy(&suite.join("datasets").join(d), &root.join("datasets").join(d));
    }
    let out = Command::new(env!("CARGO_BIN_EXE_statelab")).arg("test").arg(&root).output().expect("statelab runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let _ = std::fs::remove_dir_all(&root);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("\n2 passed, 0 failed"), "{text}");
    assert!(text.contains("2 other JSON file(s) ignored (not case files)"), "{text}");
    assert!(!text.contains("FAIL"), "{text}");
}

#[test]
fn a_broken_case_file_still_fails() {
    let root = std::env::temp_dir().join(format!("statelab-broken-case-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).unwrap();
    std::fs::write(root.join("broken.json"), "{\"definition\": ").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_statelab")).arg("test").arg(&root).output().expect("statelab runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let _ = std::fs::remove_dir_all(&root);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("FAIL") && text.contains("0 passed, 1 failed"), "{text}");
}
