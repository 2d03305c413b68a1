//! Mermaid flowchart text of a definition: one node per state, `Next`, `Default`, Choice
//! rule and `Catch` edges, and a subgraph per Parallel branch and Map item processor.
//!
//! Node ids are generated (`s0`, `s1`, ...), so state names never reach Mermaid's syntax;
//! names appear only inside quoted labels, where `"`, `#`, `<`, `>`, `&`, `` ` `` and `|`
//! are written as Mermaid's `#code;` entities.

use crate::json::write_compact;
use crate::Value;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

const MAX_DEPTH: usize = 64;
const MAX_LABEL_CHARS: usize = 48;

/// The definition as a Mermaid `flowchart TD`.
pub fn to_mermaid(definition: &Value) -> String {
    let mut writer = Writer {
        out: String::from("flowchart TD\n"),
        next_id: 0,
    };
    writer
        .out
        .push_str("  s_start((\"Start\"))\n  s_end((\"End\"))\n");
    let scope = writer.scope(definition, 1, 0);
    if let Some(start) = scope.start {
        writer.out.push_str(&format!("  s_start --> {start}\n"));
    }
    for id in scope.terminals {
        writer.out.push_str(&format!("  {id} --> s_end\n"));
    }
    writer.out
}

struct Writer {
    out: String,
    next_id: usize,
}

/// What a machine scope exposes to its parent.
struct Scope {
    start: Option<String>,
    terminals: Vec<String>,
}

impl Writer {
    fn scope(&mut self, machine: &Value, indent: usize, depth: usize) -> Scope {
        let pad = "  ".repeat(indent);
        let Some(states) = machine.get("States").and_then(Value::as_object) else {
            return Scope {
                start: None,
                terminals: Vec::new(),
            };
        };
        let mut ids: Vec<(&str, String)> = Vec::new();
        for name in states.keys() {
            ids.push((name, format!("s{}", self.next_id)));
            self.next_id += 1;
        }
        let id_of = |name: &str| {
            ids.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, id)| id.clone())
        };
        let mut edges = Vec::new();
        let mut terminals = Vec::new();
        for ((name, state), (_, id)) in states.iter().zip(&ids) {
            let state_type = state.get("Type").and_then(Value::as_str).unwrap_or("");
            let label = escape_label(name);
            let shape = match state_type {
                "Choice" => format!("{{\"{label}\"}}"),
                "Succeed" | "Fail" => format!("([\"{label}\"])"),
                "Parallel" | "Map" => format!("[[\"{label}\"]]"),
                _ => format!("[\"{label}\"]"),
            };
            let _ = writeln!(self.out, "{pad}{id}{shape}");
            if depth < MAX_DEPTH {
                let branches: Vec<(String, &Value)> = match state_type {
                    "Parallel" => state
                        .get("Branches")
                        .and_then(Value::as_array)
                        .map(|b| {
                            b.iter()
                                .enumerate()
                                .map(|(i, m)| (format!("Branch {}", i + 1), m))
                                .collect()
                        })
                        .unwrap_or_default(),
                    "Map" => state
                        .get("ItemProcessor")
                        .or_else(|| state.get("Iterator"))
                        .map(|m| alloc::vec![(String::from("Item processor"), m)])
                        .unwrap_or_default(),
                    _ => Vec::new(),
                };
                for (i, (title, branch)) in branches.into_iter().enumerate() {
                    let _ = writeln!(
                        self.out,
                        "{pad}subgraph {id}_b{i}[\"{}\"]",
                        escape_label(&title)
                    );
                    let inner = self.scope(branch, indent + 1, depth + 1);
                    let _ = writeln!(self.out, "{pad}end");
                    if let Some(start) = inner.start {
                        edges.push(format!("{id} -.-> {start}"));
                    }
                }
            }
            let mut edge = |target: Option<&Value>, label: Option<String>, dotted: bool| {
                let Some(to) = target.and_then(Value::as_str).and_then(&id_of) else {
                    return;
                };
                let arrow = if dotted { "-.->" } else { "-->" };
                edges.push(match label {
                    Some(l) => format!("{id} {arrow}|\"{}\"| {to}", escape_label(&l)),
                    None => format!("{id} {arrow} {to}"),
                });
            };
            for (i, rule) in state
                .get("Choices")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .enumerate()
            {
                edge(rule.get("Next"), Some(rule_label(rule, i)), false);
            }
            edge(state.get("Default"), Some("Default".into()), false);
            edge(state.get("Next"), None, false);
            for catcher in state
                .get("Catch")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let errors: Vec<&str> = catcher
                    .get("ErrorEquals")
                    .and_then(Value::as_array)
                    .map(|e| e.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                edge(catcher.get("Next"), Some(errors.join(", ")), true);
            }
            let ends = state.get("End").and_then(Value::as_bool) == Some(true);
            if ends || matches!(state_type, "Succeed" | "Fail") {
                terminals.push(id.clone());
            }
        }
        for e in edges {
            let _ = writeln!(self.out, "{pad}{e}");
        }
        let start = machine
            .get("StartAt")
            .and_then(Value::as_str)
            .and_then(id_of);
        Scope { start, terminals }
    }
}

/// A Choice rule in short form: its JSONata `Condition`, or `Variable Operator value`.
fn rule_label(rule: &Value, index: usize) -> String {
    let label = if let Some(condition) = rule.get("Condition").and_then(Value::as_str) {
        String::from(condition)
    } else if let (Some(variable), Some(map)) = (
        rule.get("Variable").and_then(Value::as_str),
        rule.as_object(),
    ) {
        map.iter()
            .find(|(k, _)| {
                !matches!(
                    k.as_str(),
                    "Variable" | "Next" | "Comment" | "Assign" | "Output"
                )
            })
            .map(|(op, value)| format!("{variable} {op} {}", write_compact(value)))
            .unwrap_or_else(|| String::from(variable))
    } else if let Some(op) = ["And", "Or", "Not"]
        .into_iter()
        .find(|op| rule.get(op).is_some())
    {
        format!("{op} …")
    } else {
        format!("rule {}", index + 1)
    };
    shorten(&label)
}

fn shorten(text: &str) -> String {
    if text.chars().count() <= MAX_LABEL_CHARS {
        return text.into();
    }
    let mut short: String = text.chars().take(MAX_LABEL_CHARS - 1).collect();
    short.push('…');
    short
}

/// Text for inside a quoted Mermaid label.
fn escape_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' | '#' | '<' | '>' | '&' | '`' | '|' => {
                let _ = write!(out, "#{};", c as u32);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_value;

    #[test]
    fn states_edges_and_markers() {
        let def = parse_value(
            r#"{"StartAt":"Check","States":{
                "Check":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThan":5,"Next":"Big"}],"Default":"Small"},
                "Big":{"Type":"Task","Resource":"arn","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Oops"}],"End":true},
                "Small":{"Type":"Pass","Next":"Big"},
                "Oops":{"Type":"Fail"}}}"#,
        )
        .unwrap();
        let expected = "flowchart TD
  s_start((\"Start\"))
  s_end((\"End\"))
  s0{\"Check\"}
  s1[\"Big\"]
  s2[\"Small\"]
  s3([\"Oops\"])
  s0 -->|\"$.n NumericGreaterThan 5\"| s1
  s0 -->|\"Default\"| s2
  s1 -.->|\"States.ALL\"| s3
  s2 --> s1
  s_start --> s0
  s1 --> s_end
  s3 --> s_end
";
        assert_eq!(to_mermaid(&def), expected);
    }

    #[test]
    fn parallel_branches_and_map_processors_are_subgraphs() {
        let def = parse_value(
            r#"{"StartAt":"P","States":{
                "P":{"Type":"Parallel","Branches":[{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}],"Next":"M"},
                "M":{"Type":"Map","ItemProcessor":{"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}},"End":true}}}"#,
        )
        .unwrap();
        let expected = "flowchart TD
  s_start((\"Start\"))
  s_end((\"End\"))
  s0[[\"P\"]]
  subgraph s0_b0[\"Branch 1\"]
    s2([\"A\"])
  end
  s1[[\"M\"]]
  subgraph s1_b0[\"Item processor\"]
    s3[\"B\"]
  end
  s0 -.-> s2
  s0 --> s1
  s1 -.-> s3
  s_start --> s0
  s1 --> s_end
";
        assert_eq!(to_mermaid(&def), expected);
    }

    #[test]
    fn names_cannot_break_out_of_labels() {
        let def = parse_value(r#"{"StartAt":"a\"]; click x \"<img onerror=1>#|`","States":{"a\"]; click x \"<img onerror=1>#|`":{"Type":"Succeed"}}}"#).unwrap();
        let text = to_mermaid(&def);
        assert!(
            text.contains("s0([\"a#34;]; click x #34;#60;img onerror=1#62;#35;#124;#96;\"])"),
            "{text}"
        );
    }
}
