//! Seeded random mutations of real definitions, and hostile inputs: the validator never
//! panics and every diagnostic points inside the text it was given.

use engine_core::asl::validate;
use engine_core::json::tree::parse_document;
use engine_core::rng::Rng;
use std::path::Path;

/// Validate `text` and check every location is usable.
fn check(text: &str) {
    for d in validate(&parse_document(text)) {
        assert!(
            d.span.start <= d.span.end && d.span.end <= text.len(),
            "{} span {:?} out of {}",
            d.code,
            d.span,
            text.len()
        );
        assert!(
            text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end),
            "{} span splits a character",
            d.code
        );
        assert!(
            d.line >= 1 && d.column >= 1,
            "{} has no line:column",
            d.code
        );
        assert!(
            d.pointer.is_empty() || d.pointer.starts_with('/'),
            "{} pointer {:?}",
            d.code,
            d.pointer
        );
    }
}

/// Pieces that tend to reach the validator's corners when spliced into a definition.
const PIECES: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    " ",
    "\n",
    "null",
    "true",
    "-1",
    "1.5",
    "1e400",
    "0",
    "\"Type\"",
    "\"Next\"",
    "\"End\"",
    "\"Choices\"",
    "\"Branches\"",
    "\"ItemProcessor\"",
    "\"Retry\"",
    "\"Catch\"",
    "\"States.ALL\"",
    "\"$.a[\"",
    "\"$$.Map.Item.Value\"",
    "\"States.Format('{}', $.x)\"",
    "\"States.Array(\"",
    "\"{% $states.input %}\"",
    "\"QueryLanguage\"",
    "\"JSONata\"",
    "\"a.$\"",
    "é",
    "😀",
    "\"Parallel\"",
    "\"Map\"",
    "\"Choice\"",
    "\"Wait\"",
    "\"And\"",
    "\"Not\"",
    "~1",
    "/",
];

fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut s = text.to_string();
    for _ in 0..rng.int_in(1, 6) {
        let len = s.len() as i64;
        let mut at = rng.int_in(0, len) as usize;
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        match rng.int_in(0, 3) {
            0 => {
                let piece = PIECES[rng.int_in(0, PIECES.len() as i64 - 1) as usize];
                s.insert_str(at, piece);
            }
            1 => {
                let mut end = (at + rng.int_in(1, 40) as usize).min(s.len());
                while !s.is_char_boundary(end) {
                    end += 1;
                }
                s.replace_range(at..end, "");
            }
            2 => {
                let mut end = (at + rng.int_in(1, 80) as usize).min(s.len());
                while !s.is_char_boundary(end) {
                    end += 1;
                }
                let copy = s[at..end].to_string();
                s.insert_str(at, &copy);
            }
            _ => s.truncate(at),
        }
    }
    s
}

#[test]
fn random_mutations_of_the_rule_cases_never_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/validate_cases");
    let mut seeds: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let doc = parse_document(&text);
        if let Some(id) = doc.resolve("/definition") {
            let span = doc.node(id).span;
            seeds.push(text[span.start..span.end].to_string());
        }
    }
    seeds.sort();
    assert!(seeds.len() > 50);
    let mut rng = Rng::seeded(0x05EE_DA51);
    for round in 0..6000 {
        let seed = &seeds[round % seeds.len()];
        let text = mutate(&mut rng, seed);
        check(&text);
    }
}

#[test]
fn hostile_inputs_are_diagnostics() {
    let deep_arrays = "[".repeat(10_000) + &"]".repeat(10_000);
    check(&deep_arrays);
    // 2,000 Parallel states nested in one another.
    let mut nested = String::from("{\"StartAt\": \"P\", \"States\": ");
    for _ in 0..2000 {
        nested.push_str("{\"P\": {\"Type\": \"Parallel\", \"End\": true, \"Branches\": [{\"StartAt\": \"P\", \"States\": ");
    }
    nested.push_str("{\"P\": {\"Type\": \"Succeed\"}}");
    for _ in 0..2000 {
        nested.push_str("}]}}");
    }
    nested.push('}');
    check(&nested);
    // 5,000 Choice rules nested under Not.
    let mut rule = String::from("{\"Variable\": \"$.x\", \"IsPresent\": true}");
    for _ in 0..5000 {
        rule = format!("{{\"Not\": {rule}}}");
    }
    let choice = format!(
        "{{\"StartAt\": \"C\", \"States\": {{\"C\": {{\"Type\": \"Choice\", \"Choices\": [{}], \"Default\": \"D\"}}, \"D\": {{\"Type\": \"Succeed\"}}}}}}",
        rule.replacen('{', "{\"Next\": \"D\", ", 1)
    );
    check(&choice);
    check("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": tru");
    check("");
    check("\u{feff}{}");
    check(&"x".repeat(1 << 20));
}

#[test]
fn deep_parallel_nesting_is_reported_not_walked() {
    let mut nested = String::from("{\"StartAt\": \"P\", \"States\": ");
    for i in 0..70 {
        nested.push_str(&format!("{{\"P{i}\": {{\"Type\": \"Parallel\", \"End\": true, \"Branches\": [{{\"StartAt\": \"P{}\", \"States\": ", i + 1));
    }
    nested.push_str("{\"P70\": {\"Type\": \"Succeed\"}}");
    for _ in 0..70 {
        nested.push_str("}]}}");
    }
    nested.push('}');
    let nested = nested.replacen("\"StartAt\": \"P\"", "\"StartAt\": \"P0\"", 1);
    let diagnostics = validate(&parse_document(&nested));
    let codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
    assert!(codes.contains(&"TOO_DEEPLY_NESTED"), "{codes:?}");
}
