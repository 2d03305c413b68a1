//! Seeded random mutations of real definitions, and hostile inputs: the validator never
//! panics and every diagnostic points inside the text it was given.

use engine_core::asl::validate;
use engine_core::json::tree::parse_document;
use engine_core::json::{parse_value, write_compact};
use engine_core::rng::Rng;
use engine_core::Value;
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
    // MUTATIONS=200000 (and a SEED) for a longer search; the default keeps the suite quick.
    let rounds = std::env::var("MUTATIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(6000);
    let seed = std::env::var("SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x05EE_DA51);
    let mut rng = Rng::seeded(seed);
    for round in 0..rounds {
        let seed = &seeds[round % seeds.len()];
        let text = mutate(&mut rng, seed);
        check(&text);
    }
}

/// Values and keys that ASL fields take or refuse.
const KEYS: &[&str] = &[
    "Type",
    "Next",
    "End",
    "Default",
    "Choices",
    "Branches",
    "ItemProcessor",
    "Iterator",
    "Retry",
    "Catch",
    "ErrorEquals",
    "Parameters",
    "ResultSelector",
    "ResultPath",
    "InputPath",
    "OutputPath",
    "Assign",
    "Output",
    "Arguments",
    "QueryLanguage",
    "Variable",
    "And",
    "Or",
    "Not",
    "StringEquals",
    "TimestampEquals",
    "Seconds",
    "Timestamp",
    "ItemBatcher",
    "ProcessorConfig",
    "MaxConcurrency",
    "x.$",
    "StartAt",
    "States",
    "Condition",
];
const VALUES: &[&str] = &[
    "null",
    "true",
    "0",
    "-1",
    "1.5",
    "1e309",
    "\"\"",
    "\"$\"",
    "\"$.a[\"",
    "\"$$.Execution\"",
    "\"States.ALL\"",
    "\"States.Format('{}')\"",
    "\"{% 1 %}\"",
    "\"JSONata\"",
    "\"Parallel\"",
    "\"Map\"",
    "\"Choice\"",
    "[]",
    "{}",
    "[{}]",
    "{\"StartAt\": \"Z\", \"States\": {}}",
];

/// Replace, delete or re-key one member or item of a JSON value, chosen at random.
fn mutate_structure(rng: &mut Rng, v: &mut Value, depth: usize) {
    let pick = |rng: &mut Rng, n: usize| rng.int_in(0, n as i64 - 1) as usize;
    if depth > 0 && rng.int_in(0, 3) > 0 {
        match v {
            Value::Object(m) if !m.is_empty() => {
                let i = pick(rng, m.len());
                if let Some((_, child)) = engine_core::shared::Shared::make_mut(m).get_index_mut(i) {
                    return mutate_structure(rng, child, depth - 1);
                }
            }
            Value::Array(items) if !items.is_empty() => {
                let i = pick(rng, items.len());
                if let Some(child) = engine_core::shared::Shared::make_mut(items).get_mut(i) {
                    return mutate_structure(rng, child, depth - 1);
                }
            }
            _ => {}
        }
    }
    match v {
        Value::Object(m) if !m.is_empty() && rng.int_in(0, 2) > 0 => {
            let m = engine_core::shared::Shared::make_mut(m);
            let i = pick(rng, m.len());
            let removed = m.shift_remove_index(i);
            if rng.int_in(0, 1) == 0 {
                let key: engine_core::Key = KEYS[pick(rng, KEYS.len())].into();
                m.insert(key, removed.map(|(_, v)| v).unwrap_or(Value::Null));
            }
        }
        other => *other = parse_value(VALUES[pick(rng, VALUES.len())]).unwrap(),
    }
}

#[test]
fn random_structural_edits_of_the_rule_cases_never_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/validate_cases");
    let mut seeds: Vec<Value> = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let case = parse_value(&std::fs::read_to_string(entry.path()).unwrap()).unwrap();
        if let Some(def) = case.get("definition") {
            seeds.push(def.clone());
        }
    }
    seeds.sort_by_key(write_compact);
    let rounds = std::env::var("MUTATIONS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(6000);
    let mut rng = Rng::seeded(
        std::env::var("SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0xA51),
    );
    for round in 0..rounds {
        let mut v = seeds[round % seeds.len()].clone();
        for _ in 0..rng.int_in(1, 4) {
            mutate_structure(&mut rng, &mut v, 8);
        }
        check(&write_compact(&v));
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
fn a_chain_of_20000_states_validates_without_exhausting_the_stack() {
    // Test threads have 2 MiB of stack, the browser's WebAssembly 1 MiB: any walk that
    // recursed once per state would overflow here.
    let mut states: Vec<String> = (0..20_000)
        .map(|i| format!("\"S{i}\": {{\"Type\": \"Pass\", \"Next\": \"S{}\"}}", i + 1))
        .collect();
    states.push("\"S20000\": {\"Type\": \"Succeed\"}".into());
    let text = format!(
        "{{\"StartAt\": \"S0\", \"States\": {{{}}}}}",
        states.join(", ")
    );
    let errors: Vec<_> = validate(&parse_document(&text))
        .into_iter()
        .filter(|d| d.is_error())
        .collect();
    assert!(errors.is_empty(), "{:?}", errors.first());
    // The same chain closed into a loop: no terminal state, and one loop with no exit.
    let looped = text.replace(
        "\"S20000\": {\"Type\": \"Succeed\"}",
        "\"S20000\": {\"Type\": \"Pass\", \"Next\": \"S0\"}",
    );
    let codes: Vec<&str> = validate(&parse_document(&looped))
        .iter()
        .map(|d| d.code)
        .collect();
    assert_eq!(codes, ["MISSING_END_STATE", "LOOP_WITHOUT_EXIT"]);
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
