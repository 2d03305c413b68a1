//! Hostile text must give errors, never panics: random strings over the grammar's
//! characters (multi-byte ones included) through every compiler, and the compiled
//! results run against a small document.

use engine_core::choice::ChoiceRule;
use engine_core::intrinsic::Intrinsic;
use engine_core::json::parse_value;
use engine_core::path::{CompiledPath, CompiledResultPath, Scope, Template};
use engine_core::rng::Rng;
use engine_core::{Map, Value};

const ALPHABET: &[&str] = &[
    "$", "$$", ".", "..", "[", "]", "*", "?", "(", ")", "@", "'", "\"", "\\", ",", ":", "-", "1", "0", "a", "b",
    " ", "==", "<", ">=", "!", "&&", "||", "=~", "/", "i", "é", "😀", "States.", "Format", "Array", "{}", "{", "}",
    "true", "null", "in", "size",
];

#[test]
fn random_text_never_panics() {
    let mut rng = Rng::seeded(42);
    let input = parse_value(r#"{"a": [1, {"b": "x"}, [2, 3]], "b": {"a": 1.5}, "é": "😀"}"#).unwrap();
    let ctx = Value::object();
    let vars = Map::default();
    let scope = Scope { input: &input, context: &ctx, variables: &vars };
    for _ in 0..20_000 {
        let len = rng.int_in(1, 12) as usize;
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(ALPHABET[rng.int_in(0, ALPHABET.len() as i64 - 1) as usize]);
        }
        if let Ok(p) = CompiledPath::compile(&text) {
            let _ = p.select(&scope);
            let _ = p.try_select(&scope);
            let _ = p.select_for_field(&scope, "f");
        }
        if let Ok(r) = CompiledResultPath::compile(&text) {
            let _ = r.apply(input.clone(), Value::Null);
        }
        let call = format!("States.Format({text})");
        for candidate in [&text, &call] {
            if let Ok(i) = Intrinsic::compile(candidate) {
                let _ = i.evaluate(&scope, &mut rng);
            }
        }
        let template = Value::from(Map::from_iter([("k.$".into(), Value::String(text.clone()))]));
        if let Ok(t) = Template::compile(&template) {
            let _ = t.apply(&scope, &mut rng);
        }
        let rule = Value::from(Map::from_iter([
            ("Variable".into(), Value::String(text.clone())),
            ("StringMatches".into(), Value::String(text.clone())),
        ]));
        if let Ok(r) = ChoiceRule::compile(&rule) {
            let _ = r.matches(&scope);
        }
        let _ = engine_core::choice::parse_timestamp(&text);
        let stamp: String = "2016-08-18T17:33:00.5+01:00".chars().take(len * 2).chain(text.chars()).collect();
        let _ = engine_core::choice::parse_timestamp(&stamp);
    }
}
