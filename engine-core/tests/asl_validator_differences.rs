//! Where npm `asl-validator` 4.x and this validator disagree on whether a definition is
//! valid, `asl_validator_differences.json` records the case, asl-validator's answer and why
//! ours is right; this test holds our side of each.

use engine_core::asl::validate;
use engine_core::json::tree::{parse_document, Document};
use engine_core::json::{parse_value, Value};
use std::path::{Path, PathBuf};

fn shared() -> PathBuf {
    let mut dir = Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf();
    while dir.pop() {
        if dir.join("shared/conformance").is_dir() {
            return dir.join("shared");
        }
    }
    panic!("shared reference folder not found");
}

/// The `definition` member of a JSON file, as written there.
fn definition_in(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc: Document = parse_document(&text);
    let id = doc
        .resolve("/definition")
        .unwrap_or_else(|| panic!("{} has no definition", path.display()));
    let span = doc.node(id).span;
    text[span.start..span.end].to_string()
}

#[test]
fn our_side_of_every_recorded_disagreement_holds() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/asl_validator_differences.json");
    let file = parse_value(&std::fs::read_to_string(path).unwrap()).unwrap();
    let entries = file
        .get("differences")
        .and_then(Value::as_array)
        .expect("differences");
    assert!(!entries.is_empty());
    for e in entries.iter() {
        let source = e.get("definition").and_then(Value::as_str).unwrap();
        let text = if let Some(name) = source.strip_prefix("corpus:") {
            definition_in(&shared().join("conformance/localstack/cases").join(name))
        } else if let Some(name) = source.strip_prefix("case:") {
            let p = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/validate_cases")
                .join(format!("{name}.json"));
            let case = parse_value(&std::fs::read_to_string(&p).unwrap()).unwrap();
            match case.get("text").and_then(Value::as_str) {
                Some(t) => t.to_string(),
                None => definition_in(&p),
            }
        } else {
            panic!("unknown source {source}");
        };
        let ours = e.get("ours").unwrap();
        let theirs_valid = e
            .get("asl_validator")
            .and_then(|a| a.get("valid"))
            .and_then(Value::as_bool);
        let want_valid = ours.get("valid").and_then(Value::as_bool).unwrap();
        assert_ne!(
            Some(want_valid),
            theirs_valid,
            "{source}: an entry must be a disagreement"
        );
        assert!(
            e.get("justification")
                .and_then(Value::as_str)
                .is_some_and(|j| j.len() > 20),
            "{source}: justify it"
        );
        let diagnostics = validate(&parse_document(&text));
        let errors: Vec<&str> = diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.code)
            .collect();
        assert_eq!(
            errors.is_empty(),
            want_valid,
            "{source}: our errors {errors:?}"
        );
        for code in ours
            .get("codes")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let code = code.as_str().unwrap();
            assert!(
                errors.contains(&code),
                "{source}: expected {code} among {errors:?}"
            );
        }
    }
}
