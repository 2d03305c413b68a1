//! Data-driven validation cases: `tests/validate_cases/*.json`, one test per file.
//!
//! A case is `{"definition": <ASL>, "diagnostics": [["CODE", "/pointer"], ...]}` (or
//! `"text": "<raw text>"` instead of `definition`, for syntax errors). The diagnostics,
//! warnings included, must match as a multiset. Expected values come from the ASL
//! specification and the AWS developer guide (each file's `"source"` says where).

use engine_core::asl::validate;
use engine_core::json::tree::{parse_document, NodeKind};
use libtest_mimic::{Arguments, Failed, Trial};
use std::path::Path;

fn run(path: &Path) -> Result<(), Failed> {
    let file = std::fs::read_to_string(path).map_err(|e| format!("read: {e}"))?;
    let case = parse_document(&file);
    if !case.syntax_errors().is_empty() {
        return Err(format!("case file is not JSON: {:?}", case.syntax_errors()).into());
    }
    let text = if let Some(id) = case.resolve("/text") {
        match &case.node(id).kind {
            NodeKind::String { decoded } => decoded.clone(),
            _ => return Err("`text` must be a string".into()),
        }
    } else {
        let id = case
            .resolve("/definition")
            .ok_or("case has neither `definition` nor `text`")?;
        let span = case.node(id).span;
        file[span.start..span.end].to_string()
    };
    let mut want: Vec<(String, String)> = Vec::new();
    let list = case
        .resolve("/diagnostics")
        .ok_or("case has no `diagnostics`")?;
    let NodeKind::Array(items) = &case.node(list).kind else {
        return Err("`diagnostics` must be an array".into());
    };
    for i in 0..items.len() {
        let code = case
            .resolve(&format!("/diagnostics/{i}/0"))
            .map(|id| case.to_value(id));
        let pointer = case
            .resolve(&format!("/diagnostics/{i}/1"))
            .map(|id| case.to_value(id));
        match (
            code.as_ref().and_then(|v| v.as_str()),
            pointer.as_ref().and_then(|v| v.as_str()),
        ) {
            (Some(c), Some(p)) => want.push((c.to_string(), p.to_string())),
            _ => return Err(format!("diagnostics[{i}] must be [code, pointer]").into()),
        }
    }
    let doc = parse_document(&text);
    let got_full = validate(&doc);
    let mut got: Vec<(String, String)> = got_full
        .iter()
        .map(|d| (d.code.to_string(), d.pointer.clone()))
        .collect();
    want.sort();
    got.sort();
    if want != got {
        let detail: Vec<String> = got_full
            .iter()
            .map(|d| {
                format!(
                    "  {}:{} {} {} — {}",
                    d.line, d.column, d.code, d.pointer, d.message
                )
            })
            .collect();
        return Err(format!("expected {want:?}\n     got {got:?}\n{}", detail.join("\n")).into());
    }
    for d in &got_full {
        if d.line == 0 || d.column == 0 || d.span.end > text.len() {
            return Err(format!("{} at {} has no valid location", d.code, d.pointer).into());
        }
    }
    Ok(())
}

/// Every code has a snippet in CODES.md and a case here (two are exercised elsewhere:
/// `INVALID_YAML` by the CLI's YAML tests, `TOO_DEEPLY_NESTED` by the robustness tests).
fn every_code_is_documented_and_cased(cases: &[std::path::PathBuf]) -> Result<(), Failed> {
    let table =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/asl/CODES.md"))
            .map_err(|e| e.to_string())?;
    let texts: Vec<String> = cases
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    for code in engine_core::asl::codes::ALL {
        if !table.contains(&format!("| `{code}` |")) {
            return Err(format!("{code} has no row in CODES.md").into());
        }
        let quoted = format!("\"{code}\"");
        if !matches!(*code, "INVALID_YAML" | "TOO_DEEPLY_NESTED")
            && !texts.iter().any(|t| t.contains(&quoted))
        {
            return Err(format!("{code} has no case in tests/validate_cases").into());
        }
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/validate_cases");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("case folder")
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    let all = paths.clone();
    let mut trials: Vec<Trial> = paths
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            Trial::test(name, move || run(&p))
        })
        .collect();
    trials.push(Trial::test(
        "every_code_is_documented_and_cased",
        move || every_code_is_documented_and_cased(&all),
    ));
    libtest_mimic::run(&args, trials).exit();
}
