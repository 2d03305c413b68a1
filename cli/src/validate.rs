//! `statelab validate FILE... [--format human|json]`: every problem of each definition, as a
//! compiler prints them or as ValidateStateMachineDefinition's JSON.

use engine_core::asl::{codes, validate, Diagnostic, Severity};
use engine_core::import::looks_like_json;
use engine_core::json::tree::{parse_document_bytes, parse_yaml_document};
use engine_core::json::write_compact;
use engine_core::{Map, Value};
use std::io::{Read, Write};
use std::process::ExitCode;

pub const HELP: &str = "\
statelab validate FILE... [--format human|json]

Checks each Amazon States Language definition (JSON, or YAML: a .yaml/.yml file or a
text that does not start with `{`; `-` reads standard input) and
reports every problem at once: JSON syntax, fields per state type and query language,
values and ranges, transitions, reachability, paths and intrinsic functions.

--format human   file:line:col: error[CODE]: message, the line, and a caret (default)
--format json    {\"result\": \"OK\"|\"FAIL\", \"diagnostics\": [{\"severity\", \"code\",
                 \"message\", \"location\", \"line\", \"column\"}]}, one object per file
                 and line (YAML reports give the location as a pointer only)

Exit status: 0 when no file has errors (warnings are fine), 1 when one has, 2 when a
file cannot be read or the arguments are wrong.
";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Human,
    Json,
}

pub fn main(args: &[String]) -> ExitCode {
    let mut format = Format::Human;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--help" | "-h" => {
                print!("{HELP}");
                return ExitCode::SUCCESS;
            }
            "--format" => match it.next().map(String::as_str) {
                Some("json") => format = Format::Json,
                Some("human") => format = Format::Human,
                other => return usage(&format!("--format takes 'human' or 'json', not {other:?}")),
            },
            "--format=json" => format = Format::Json,
            "--format=human" => format = Format::Human,
            "-" => files.push(a.clone()),
            flag if flag.starts_with('-') => return usage(&format!("unknown option '{flag}'")),
            _ => files.push(a.clone()),
        }
    }
    if files.is_empty() {
        return usage("no FILE given");
    }
    let mut status = 0u8;
    for file in &files {
        let bytes = match read(file) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("statelab validate: cannot read {file}: {e}");
                status = 2;
                continue;
            }
        };
        let checked = check(file, &bytes);
        if checked.diagnostics.iter().any(Diagnostic::is_error) {
            status = status.max(1);
        }
        let report = match format {
            Format::Human => human(file, &checked),
            Format::Json => write_compact(&json(file, &checked)) + "\n",
        };
        // A closed pipe (`| head`) ends the output, not the process with a panic.
        if std::io::stdout()
            .lock()
            .write_all(report.as_bytes())
            .is_err()
        {
            break;
        }
    }
    ExitCode::from(status)
}

/// A file's diagnostics and the text their line:column refer to. For YAML that read
/// fine, positions are in the converted JSON, so reports give pointers only.
struct Checked {
    text: String,
    diagnostics: Vec<Diagnostic>,
    positions: bool,
}

fn is_yaml(file: &str, bytes: &[u8]) -> bool {
    let lower = file.to_ascii_lowercase();
    if lower.ends_with(".yaml") || lower.ends_with(".yml") {
        return true;
    }
    !lower.ends_with(".json") && !looks_like_json(&String::from_utf8_lossy(bytes))
}

fn check(file: &str, bytes: &[u8]) -> Checked {
    if !is_yaml(file, bytes) {
        let doc = parse_document_bytes(bytes);
        let diagnostics = validate(&doc);
        return Checked {
            text: doc.text().to_string(),
            diagnostics,
            positions: true,
        };
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    match parse_yaml_document(&text) {
        Ok(doc) => Checked {
            text,
            diagnostics: validate(&doc),
            positions: false,
        },
        Err(e) => {
            let diagnostic = Diagnostic {
                severity: Severity::Error,
                code: codes::INVALID_YAML,
                message: e.message,
                pointer: String::new(),
                span: e.span,
                line: e.at.line,
                column: e.at.column,
            };
            Checked {
                text,
                diagnostics: vec![diagnostic],
                positions: true,
            }
        }
    }
}

fn usage(message: &str) -> ExitCode {
    eprintln!("statelab validate: {message}\n\n{HELP}");
    ExitCode::from(2)
}

fn read(file: &str) -> std::io::Result<Vec<u8>> {
    if file == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf)?;
        return Ok(buf);
    }
    std::fs::read(file)
}

/// Compiler-style report: a header line per diagnostic, the source line, a caret under
/// the span, and a closing count.
fn human(file: &str, checked: &Checked) -> String {
    let mut out = String::new();
    let (text, diagnostics) = (checked.text.as_str(), checked.diagnostics.as_slice());
    for d in diagnostics {
        let severity = if d.is_error() { "error" } else { "warning" };
        if !checked.positions {
            let at = if d.pointer.is_empty() {
                "the document"
            } else {
                d.pointer.as_str()
            };
            out.push_str(&format!(
                "{file}: {severity}[{}] at {at}: {}\n",
                d.code, d.message
            ));
            continue;
        }
        out.push_str(&format!(
            "{file}:{}:{}: {severity}[{}]: {}\n",
            d.line, d.column, d.code, d.message
        ));
        let line_start = text[..d.span.start.min(text.len())]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        let line = text[line_start..line_end].trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let start = d.span.start.clamp(line_start, line_start + line.len());
        let end = d.span.end.clamp(start, line_start + line.len());
        out.push_str(&excerpt(line, start - line_start, end - line_start));
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    if diagnostics.is_empty() {
        out.push_str(&format!("{file}: OK\n"));
    } else {
        out.push_str(&format!(
            "{file}: {errors} error(s), {warnings} warning(s)\n"
        ));
    }
    out
}

/// Widest source excerpt shown, in characters: minified definitions are one long line.
const MAX_EXCERPT: usize = 120;

/// The source line and a caret line under bytes `start..end` of it; a long line is cut to
/// a window around the caret, marked with `…`.
fn excerpt(line: &str, start: usize, end: usize) -> String {
    let chars_before = line[..start].chars().count();
    let width = line[start..end].chars().count().clamp(1, MAX_EXCERPT / 2);
    let total = line.chars().count();
    let (from, to) = if total <= MAX_EXCERPT {
        (0, total)
    } else {
        let from = chars_before.saturating_sub(MAX_EXCERPT / 3);
        (from, (from + MAX_EXCERPT).min(total))
    };
    let shown: String = line.chars().skip(from).take(to - from).collect();
    let lead = if from > 0 { "…" } else { "" };
    let tail = if to < total { "…" } else { "" };
    // Keep tabs in the margin so the caret lines up however tabs are shown.
    let margin: String = line
        .chars()
        .skip(from)
        .take(chars_before - from)
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    let pad = if from > 0 { " " } else { "" };
    format!(
        "    {lead}{shown}{tail}\n    {pad}{margin}{}\n",
        "^".repeat(width)
    )
}

/// ValidateStateMachineDefinition's shape, plus the file and each diagnostic's line:column.
fn json(file: &str, checked: &Checked) -> Value {
    let diagnostics = &checked.diagnostics;
    let failed = diagnostics.iter().any(Diagnostic::is_error);
    let list = diagnostics
        .iter()
        .map(|d| {
            let mut m = Map::default();
            m.insert("severity".into(), Value::from(d.severity.name()));
            m.insert("code".into(), Value::from(d.code));
            m.insert("message".into(), Value::from(d.message.as_str()));
            m.insert("location".into(), Value::from(d.pointer.as_str()));
            if checked.positions {
                m.insert("line".into(), Value::from(i64::from(d.line)));
                m.insert("column".into(), Value::from(i64::from(d.column)));
            }
            Value::from(m)
        })
        .collect();
    let mut m = Map::default();
    m.insert("file".into(), Value::from(file));
    m.insert(
        "result".into(),
        Value::from(if failed { "FAIL" } else { "OK" }),
    );
    m.insert("diagnostics".into(), Value::array(list));
    Value::from(m)
}
