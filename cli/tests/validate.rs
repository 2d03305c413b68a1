//! `statelab validate`: compiler-style and JSON reports, stdin, exit statuses.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn statelab(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_statelab"))
        .arg("validate")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("statelab runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn temp_file(name: &str, text: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("statelab-validate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

const VALID: &str = r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#;
// Line 4 names a state that does not exist: the caret goes under "B" (column 35); with
// no terminal state, `/States` (line 3) is reported too.
const MISSING_TARGET: &str = "{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": {\"Type\": \"Pass\", \"Next\": \"B\"}\n  }\n}\n";

#[test]
fn valid_file_exits_0_and_says_ok() {
    let file = temp_file("valid.json", VALID.as_bytes());
    let out = statelab(&[&file], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("{file}: OK")));
}

#[test]
fn human_report_names_file_line_column_code_and_draws_a_caret() {
    let file = temp_file("missing.json", MISSING_TARGET.as_bytes());
    let out = statelab(&[&file], b"");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let header = format!("{file}:4:35: error[MISSING_TRANSITION_TARGET]:");
    let at = lines
        .iter()
        .position(|l| l.starts_with(&header))
        .unwrap_or_else(|| panic!("no {header} in\n{text}"));
    assert_eq!(
        lines[at + 1],
        "        \"A\": {\"Type\": \"Pass\", \"Next\": \"B\"}"
    );
    let caret = lines[at + 2];
    assert_eq!(
        caret.find('^'),
        Some(4 + 34),
        "caret under the target in\n{text}"
    );
    assert_eq!(caret.trim(), "^^^");
}

#[test]
fn json_report_has_aws_shape() {
    let file = temp_file("missing2.json", MISSING_TARGET.as_bytes());
    let out = statelab(&["--format", "json", &file], b"");
    assert_eq!(out.status.code(), Some(1));
    let v = engine_core::json::parse_value(String::from_utf8(out.stdout).unwrap().trim()).unwrap();
    assert_eq!(v.get("result").and_then(|r| r.as_str()), Some("FAIL"));
    let list = v.get("diagnostics").and_then(|d| d.as_array()).unwrap();
    let codes: Vec<&str> = list
        .iter()
        .filter_map(|d| d.get("code").and_then(|s| s.as_str()))
        .collect();
    assert_eq!(codes, ["MISSING_END_STATE", "MISSING_TRANSITION_TARGET"]);
    let first = &list[1];
    assert_eq!(
        first.get("severity").and_then(|s| s.as_str()),
        Some("ERROR")
    );
    assert_eq!(
        first.get("location").and_then(|s| s.as_str()),
        Some("/States/A/Next")
    );
    assert_eq!(first.get("line").and_then(|s| s.as_i64()), Some(4));
    assert!(first.get("message").and_then(|s| s.as_str()).is_some());
}

#[test]
fn json_ok_result_with_warnings_exits_0() {
    let choice = r#"{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "D"}]}, "D": {"Type": "Succeed"}}}"#;
    let out = statelab(&["--format=json", "-"], choice.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let v = engine_core::json::parse_value(String::from_utf8(out.stdout).unwrap().trim()).unwrap();
    assert_eq!(v.get("result").and_then(|r| r.as_str()), Some("OK"));
    let d = &v.get("diagnostics").and_then(|d| d.as_array()).unwrap()[0];
    assert_eq!(d.get("severity").and_then(|s| s.as_str()), Some("WARNING"));
    assert_eq!(
        d.get("code").and_then(|s| s.as_str()),
        Some("CHOICE_WITHOUT_DEFAULT")
    );
}

#[test]
fn stdin_is_read_for_dash() {
    let out = statelab(&["-"], VALID.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("-: OK"));
}

#[test]
fn unreadable_file_exits_2_even_beside_a_valid_one() {
    let file = temp_file("valid2.json", VALID.as_bytes());
    let out = statelab(&[&file, "/definitely/not/here.json"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /definitely/not/here.json"));
}

#[test]
fn invalid_utf8_and_arrays_are_diagnostics_not_crashes() {
    let out = statelab(&["-"], b"{\"StartAt\": \"A\xff\", \"States\": {}}");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("error[INVALID_JSON_DESCRIPTION]"));
    let out = statelab(&["-"], b"[1, 2]");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("error[ROOT_NOT_OBJECT]"));
}

#[test]
fn bad_arguments_exit_2() {
    assert_eq!(statelab(&[], b"").status.code(), Some(2));
    assert_eq!(
        statelab(&["--format", "xml", "-"], b"").status.code(),
        Some(2)
    );
}

#[test]
fn long_lines_are_shown_as_a_window_around_the_caret() {
    // A minified definition is one line: the excerpt is cut, the caret still under "Nowhere".
    let padding: String = (0..40)
        .map(|i| {
            format!(
                "\"P{i}\": {{\"Type\": \"Pass\", \"Next\": \"P{}\"}}, ",
                i + 1
            )
        })
        .collect();
    let text = format!("{{\"StartAt\": \"P0\", \"States\": {{{padding}\"P40\": {{\"Type\": \"Pass\", \"Next\": \"Nowhere\"}}}}}}");
    let out = statelab(&["-"], text.as_bytes());
    let report = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = report.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("error[MISSING_TRANSITION_TARGET]"))
        .expect("reported");
    let (source, caret) = (lines[at + 1], lines[at + 2]);
    assert!(
        source.starts_with("    …") && source.chars().count() < 140,
        "{source}"
    );
    let column = caret.chars().position(|c| c == '^').unwrap();
    let under: String = source.chars().skip(column).take(9).collect();
    assert_eq!(under, "\"Nowhere\"");
}

#[test]
fn yaml_definitions_are_read_and_located_by_pointer() {
    let yaml = "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: B\n  C:\n    Type: Succeed\n";
    let file = temp_file("machine.yaml", yaml.as_bytes());
    let out = statelab(&[&file], b"");
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        report.contains(&format!(
            "{file}: error[MISSING_TRANSITION_TARGET] at /States/A/Next:"
        )),
        "{report}"
    );
    assert!(
        report.contains(&format!("{file}: error[UNREACHABLE_STATE] at /States/C:")),
        "{report}"
    );
    // From standard input, a text that does not start with `{` is read as YAML.
    let out = statelab(&["-"], b"StartAt: A\nStates:\n  A:\n    Type: Succeed\n");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn yaml_that_does_not_read_is_reported_at_its_own_line() {
    let file = temp_file(
        "broken.yml",
        b"StartAt: A\nStates:\n  A: {Type: Pass, End: true\n",
    );
    let out = statelab(&["--format", "json", &file], b"");
    assert_eq!(out.status.code(), Some(1));
    let v = engine_core::json::parse_value(String::from_utf8(out.stdout).unwrap().trim()).unwrap();
    let d = &v.get("diagnostics").and_then(|d| d.as_array()).unwrap()[0];
    assert_eq!(d.get("code").and_then(|s| s.as_str()), Some("INVALID_YAML"));
    assert_eq!(d.get("line").and_then(|s| s.as_i64()), Some(3));
}
