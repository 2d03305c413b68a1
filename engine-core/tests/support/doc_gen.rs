//! Seeded generators of JSON text for the document-tree tests and benchmark: arbitrary
//! JSON in every lexical form, broken variants of it, and state machine definitions.

#![allow(dead_code)]

use engine_core::rng::Rng;

const WHITESPACE: &[&str] = &["", "", " ", "  ", "\n", "\r\n", "\t", "\n    "];
const KEYS: &[&str] = &[
    "a", "b", "Type", "Next", "é", "a/b", "m~n", "", "😀", "k\\\"q",
];
const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "-17",
    "1.0",
    "0.5",
    "1e3",
    "1E+3",
    "2.5e-7",
    "-0.0",
    "123456789012345678901234567890",
    "9223372036854775807",
    "9223372036854775808",
    "1.7976931348623157e308",
    "5e-324",
];
const STRING_PIECES: &[&str] = &[
    "a",
    "Z",
    " ",
    "é",
    "😀",
    "\\n",
    "\\\"",
    "\\\\",
    "\\/",
    "\\b",
    "\\f",
    "\\r",
    "\\t",
    "\\u00e9",
    "\\uD83D\\uDE00",
    "\\u0000",
    "\\ud800",
    "\\uDC00",
    "$.x",
    "States.Format",
    "\u{7f}",
    "\u{2028}",
];

fn pick<'a>(rng: &mut Rng, items: &[&'a str]) -> &'a str {
    items[rng.int_in(0, items.len() as i64 - 1) as usize]
}

fn string(rng: &mut Rng, out: &mut String) {
    out.push('"');
    for _ in 0..rng.int_in(0, 6) {
        out.push_str(pick(rng, STRING_PIECES));
    }
    out.push('"');
}

/// Valid JSON text, nested at most `max_depth` deep, with random white space, every
/// number form, escapes, non-ASCII text and duplicate keys.
pub fn json_text(rng: &mut Rng, max_depth: usize) -> String {
    let mut out = String::new();
    out.push_str(pick(rng, WHITESPACE));
    value(rng, max_depth, &mut out);
    out.push_str(pick(rng, WHITESPACE));
    out
}

fn value(rng: &mut Rng, depth: usize, out: &mut String) {
    let roll = if depth == 0 {
        rng.int_in(0, 4)
    } else {
        rng.int_in(0, 7)
    };
    match roll {
        0 => out.push_str("null"),
        1 => out.push_str(if rng.int_in(0, 1) == 0 {
            "true"
        } else {
            "false"
        }),
        2 => out.push_str(pick(rng, NUMBERS)),
        3 | 4 => string(rng, out),
        5 => container(rng, depth, out, false),
        _ => container(rng, depth, out, true),
    }
}

/// An array, or an object when `members`, of up to four values one level shallower.
fn container(rng: &mut Rng, depth: usize, out: &mut String, members: bool) {
    out.push(if members { '{' } else { '[' });
    let n = rng.int_in(0, 4);
    for i in 0..n {
        if i > 0 {
            out.push(',');
        }
        out.push_str(pick(rng, WHITESPACE));
        if members {
            out.push('"');
            out.push_str(pick(rng, KEYS));
            out.push('"');
            out.push_str(pick(rng, WHITESPACE));
            out.push(':');
            out.push_str(pick(rng, WHITESPACE));
        }
        value(rng, depth - 1, out);
        out.push_str(pick(rng, WHITESPACE));
    }
    if n == 0 {
        out.push_str(pick(rng, WHITESPACE));
    }
    out.push(if members { '}' } else { ']' });
}

const DAMAGE: &[&str] = &[
    "{", "}", "[", "]", ",", ":", "\"", "\\", "'", "/", "/*", "//", "\n", "\t", "\u{1}", "tru",
    "True", "01", "1.", "-", "x", "é", "😀", "\\u12", "\\q", "nul", "1e", ",,", "}}", "]]",
];

/// `text` damaged a few times: cut short, a piece removed, a piece inserted, a piece
/// repeated. Always on character boundaries.
pub fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut out = text.to_string();
    for _ in 0..rng.int_in(1, 3) {
        let at = boundary(&out, rng.int_in(0, out.len() as i64) as usize);
        match rng.int_in(0, 3) {
            0 => out.truncate(at),
            1 => {
                let end = boundary(&out, at + rng.int_in(1, 8) as usize);
                out.replace_range(at..end, "");
            }
            2 => out.insert_str(at, pick(rng, DAMAGE)),
            _ => {
                let end = boundary(&out, at + rng.int_in(1, 12) as usize);
                let piece = out[at..end].to_string();
                out.insert_str(end, &piece);
            }
        }
    }
    out
}

fn boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A pretty-printed state machine definition with `states` top-level states: Tasks with
/// Retry and Catch, Choices with nested And/Or/Not rules, Waits, Passes with Parameters,
/// Parallels with two branches and Maps with an ItemProcessor, ending in Succeed.
pub fn state_machine(states: usize, seed: u64) -> String {
    let mut rng = Rng::seeded(seed);
    let mut out =
        String::from("{\n  \"Comment\": \"generated\",\n  \"StartAt\": \"S0\",\n  \"States\": {\n");
    for i in 0..states {
        let next = if i + 1 == states {
            String::from("\"End\": true")
        } else {
            format!("\"Next\": \"S{}\"", i + 1)
        };
        let body = match rng.int_in(0, 5) {
            0 => format!(
                "\"Type\": \"Task\",\n      \"Resource\": \"arn:aws:states:::lambda:invoke\",\n      \"Parameters\": {{\"FunctionName\": \"f{i}\", \"Payload.$\": \"$\"}},\n      \"Retry\": [{{\"ErrorEquals\": [\"States.Timeout\"], \"IntervalSeconds\": 1, \"MaxAttempts\": 3, \"BackoffRate\": 2.0}}],\n      \"Catch\": [{{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"S{}\", \"ResultPath\": \"$.error\"}}],\n      {next}",
                states - 1
            ),
            1 if i + 2 < states => format!(
                "\"Type\": \"Choice\",\n      \"Choices\": [\n        {{\"And\": [{{\"Variable\": \"$.n\", \"NumericGreaterThan\": {i}}}, {{\"Not\": {{\"Variable\": \"$.s\", \"StringEquals\": \"x{i}\"}}}}], \"Next\": \"S{}\"}},\n        {{\"Variable\": \"$.b\", \"BooleanEquals\": true, \"Next\": \"S{}\"}}\n      ],\n      \"Default\": \"S{}\"",
                i + 1,
                i + 2,
                i + 1
            ),
            2 => format!("\"Type\": \"Wait\",\n      \"Seconds\": {},\n      {next}", rng.int_in(1, 60)),
            3 => format!(
                "\"Type\": \"Parallel\",\n      \"Branches\": [\n        {{\"StartAt\": \"B{i}a\", \"States\": {{\"B{i}a\": {{\"Type\": \"Pass\", \"End\": true}}}}}},\n        {{\"StartAt\": \"B{i}b\", \"States\": {{\"B{i}b\": {{\"Type\": \"Pass\", \"Result\": {{\"v\": 1.50}}, \"End\": true}}}}}}\n      ],\n      {next}"
            ),
            4 => format!(
                "\"Type\": \"Map\",\n      \"ItemsPath\": \"$.items\",\n      \"ItemProcessor\": {{\n        \"ProcessorConfig\": {{\"Mode\": \"INLINE\"}},\n        \"StartAt\": \"M{i}\",\n        \"States\": {{\"M{i}\": {{\"Type\": \"Pass\", \"End\": true}}}}\n      }},\n      {next}"
            ),
            _ => format!("\"Type\": \"Pass\",\n      \"Parameters\": {{\"k{i}.$\": \"$.v\", \"n\": 1e2}},\n      {next}"),
        };
        let comma = if i + 1 == states { "" } else { "," };
        out.push_str(&format!("    \"S{i}\": {{\n      {body}\n    }}{comma}\n"));
    }
    out.push_str("  }\n}\n");
    out
}
