//! A generated definition of about `n` states, built from a fixed cycle of five blocks
//! (a Task chain; a Choice whose second rule loops back through a Wait; a Task with a
//! Catcher to a Fail; a Parallel of three two-Task branches; a Map of a three-Task
//! processor). scripts/bench-paste.mjs generates the same machine for the browser.

use std::fmt::Write;

/// The definition's JSON text with exactly `n` states (nested ones included), `n >= 1`.
pub fn definition(n: usize) -> String {
    let mut states: Vec<(String, String)> = Vec::new();
    let mut count = 0;
    let mut prev: Option<String> = None;
    let mut k = 0;
    // Blocks of at most 7 states while they fit, then single Tasks. The last state of
    // each block is left open, to be closed by the `Next` (or `End`) that follows it.
    while n - count >= 7 {
        let (block, first, last, size) = block(k);
        if let Some(p) = prev.take() {
            link(&mut states, &p, &first);
        }
        states.extend(block);
        count += size;
        prev = Some(last);
        k += 1;
    }
    while count < n {
        let name = format!("Tail{count}");
        if let Some(p) = prev.take() {
            link(&mut states, &p, &name);
        }
        states.push((name.clone(), task("")));
        prev = Some(name);
        count += 1;
    }
    if let Some(p) = prev {
        end(&mut states, &p);
    }
    let mut out = format!("{{\"StartAt\": \"{}\", \"States\": {{", states[0].0);
    for (i, (name, body)) in states.iter().enumerate() {
        let _ = write!(out, "{}\n\"{name}\": {body}", if i > 0 { "," } else { "" });
    }
    out.push_str("}}");
    out
}

fn task(extra: &str) -> String {
    format!("{{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\"{extra}")
}

/// Closes the open object of `name` with a `Next`.
fn link(states: &mut [(String, String)], name: &str, next: &str) {
    if let Some((_, body)) = states.iter_mut().find(|(n, _)| n == name) {
        let _ = write!(body, ", \"Next\": \"{next}\"}}");
    }
}

fn end(states: &mut [(String, String)], name: &str) {
    if let Some((_, body)) = states.iter_mut().find(|(n, _)| n == name) {
        body.push_str(", \"End\": true}");
    }
}

/// A branch or processor: a chain of `len` Tasks named `{prefix}{i}`.
fn chain_machine(prefix: &str, len: usize) -> String {
    let mut s = format!("{{\"StartAt\": \"{prefix}0\", \"States\": {{");
    for i in 0..len {
        let tail = if i + 1 < len {
            format!(", \"Next\": \"{prefix}{}\"}}", i + 1)
        } else {
            ", \"End\": true}".to_string()
        };
        let _ = write!(
            s,
            "{}\"{prefix}{i}\": {}{tail}",
            if i > 0 { ", " } else { "" },
            task("")
        );
    }
    s.push_str("}}");
    s
}

type Block = (Vec<(String, String)>, String, String, usize);

fn block(k: usize) -> Block {
    match k % 5 {
        0 => {
            let names: Vec<String> = (0..3).map(|i| format!("Step{k}_{i}")).collect();
            let mut states = Vec::new();
            for i in 0..3 {
                let body = if i < 2 {
                    task(&format!(", \"Next\": \"{}\"}}", names[i + 1]))
                } else {
                    task("")
                };
                states.push((names[i].clone(), body));
            }
            (states, names[0].clone(), names[2].clone(), 3)
        }
        1 => {
            let c = format!("Decide{k}");
            let r = |i: usize| format!("Route{k}_{i}");
            let (w, j) = (format!("Pause{k}"), format!("Join{k}"));
            let choice = format!(
                "{{\"Type\": \"Choice\", \"Choices\": [{{\"Variable\": \"$.n\", \"NumericEquals\": 0, \"Next\": \"{}\"}}, {{\"Variable\": \"$.s\", \"StringMatches\": \"retry*\", \"Next\": \"{}\"}}], \"Default\": \"{}\"}}",
                r(0), r(1), r(2)
            );
            let pass = |next: &str| format!("{{\"Type\": \"Pass\", \"Next\": \"{next}\"}}");
            let states = vec![
                (c.clone(), choice),
                (r(0), pass(&j)),
                (r(1), pass(&w)),
                (r(2), pass(&j)),
                (
                    w.clone(),
                    format!("{{\"Type\": \"Wait\", \"Seconds\": 5, \"Next\": \"{c}\"}}"),
                ),
                (j.clone(), "{\"Type\": \"Pass\"".to_string()),
            ];
            (states, c, j, 6)
        }
        2 => {
            let (t, f, p) = (
                format!("Call{k}"),
                format!("Failed{k}"),
                format!("After{k}"),
            );
            let states = vec![
                (
                    t.clone(),
                    task(&format!(", \"Retry\": [{{\"ErrorEquals\": [\"States.Timeout\"], \"MaxAttempts\": 2}}], \"Catch\": [{{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"{f}\"}}], \"Next\": \"{p}\"}}")),
                ),
                (f, "{\"Type\": \"Fail\", \"Error\": \"CallFailed\"}".to_string()),
                (p.clone(), "{\"Type\": \"Pass\"".to_string()),
            ];
            (states, t, p.clone(), 3)
        }
        3 => {
            let p = format!("Fan{k}");
            let branches: Vec<String> = (0..3)
                .map(|b| chain_machine(&format!("Fan{k}_{b}_"), 2))
                .collect();
            let body = format!(
                "{{\"Type\": \"Parallel\", \"Branches\": [{}]",
                branches.join(", ")
            );
            (vec![(p.clone(), body)], p.clone(), p, 7)
        }
        _ => {
            let m = format!("Each{k}");
            let body = format!(
                "{{\"Type\": \"Map\", \"ItemsPath\": \"$.items\", \"ItemProcessor\": {}",
                chain_machine(&format!("Each{k}_"), 3)
            );
            (vec![(m.clone(), body)], m.clone(), m, 4)
        }
    }
}
