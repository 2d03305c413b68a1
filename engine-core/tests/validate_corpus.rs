//! Every definition AWS executed (the recorded LocalStack cases) and every gallery example
//! validates with zero errors. Definitions with stand-in values (`definition_has_stand_ins`)
//! may only draw errors located at a stand-in.

use engine_core::asl::{validate, Diagnostic};
use engine_core::json::tree::{parse_document, Document};
use std::path::{Path, PathBuf};

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared");

fn shared() -> PathBuf {
    // The repository sits beside `shared` (/work/main, /work/wt/<name>): walk up to find it.
    let mut dir = Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf();
    while dir.pop() {
        let candidate = dir.join("shared");
        if candidate.join("conformance").is_dir() {
            return candidate;
        }
    }
    PathBuf::from(SHARED)
}

/// The text of the `definition` member of a case file, as written there.
fn definition_text(case: &Document) -> Option<String> {
    let id = case.resolve("/definition")?;
    let span = case.node(id).span;
    Some(case.text()[span.start..span.end].to_string())
}

fn errors(text: &str) -> Vec<Diagnostic> {
    validate(&parse_document(text))
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect()
}

fn show(name: &str, errs: &[Diagnostic]) -> String {
    let lines: Vec<String> = errs
        .iter()
        .map(|d| format!("  {} {} {}", d.code, d.pointer, d.message))
        .collect();
    format!("{name}:\n{}", lines.join("\n"))
}

/// A stand-in placed by the corpus extractor (see the corpus README).
fn at_stand_in(def: &Document, d: &Diagnostic) -> bool {
    let Some(id) = def.resolve(&d.pointer) else {
        return false;
    };
    let span = def.node(id).span;
    let text = &def.text()[span.start..span.end];
    text.contains("111111111111") || text.contains("<unresolved:")
}

#[test]
fn every_recorded_aws_definition_validates() {
    let dir = shared().join("conformance/localstack/cases");
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus present")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        let text = std::fs::read_to_string(&path).unwrap();
        let case = parse_document(&text);
        let stand_ins = case.resolve("/definition_has_stand_ins").is_some_and(|id| {
            matches!(
                case.node(id).kind,
                engine_core::json::tree::NodeKind::Bool(true)
            )
        });
        let def_text = definition_text(&case).expect("case has a definition");
        let def = parse_document(&def_text);
        let mut errs = errors(&def_text);
        if stand_ins {
            errs.retain(|d| !at_stand_in(&def, d));
        }
        checked += 1;
        if !errs.is_empty() {
            failures.push(show(&path.file_name().unwrap().to_string_lossy(), &errs));
        }
    }
    assert!(checked > 800, "only {checked} cases found");
    assert!(
        failures.is_empty(),
        "{} of {checked} definitions drew errors:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_example_validates() {
    let dir = shared().join("examples");
    let mut failures = Vec::new();
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("examples present").flatten() {
        let path = entry.path();
        if !path.to_string_lossy().ends_with(".asl.json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        checked += 1;
        let errs = errors(&text);
        if !errs.is_empty() {
            failures.push(show(&path.display().to_string(), &errs));
        }
    }
    assert!(checked >= 6, "only {checked} examples found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
