//! Any expression that parses, evaluated against a fixed ASL-shaped input with the AWS
//! functions on and small limits: it ends (a value, undefined or an error), never panics.
#![no_main]

use engine_core::json::parse_value;
use engine_core::jsonata::{Environment, Expression};
use libfuzzer_sys::fuzz_target;

const INPUT: &str = r#"{"items":[{"id":1,"price":12.5,"tags":["a","b"]},{"id":2,"price":3,"tags":[]}],
 "name":"Ada","when":"2024-05-01T10:00:00Z","nested":{"a":{"b":[1,2,[3,4]]}}}"#;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = core::str::from_utf8(data) else { return };
    let Ok(expression) = Expression::parse(src) else { return };
    let input = parse_value(INPUT).expect("the fixed input is JSON");
    let mut env = Environment::new();
    env.aws_functions = true;
    env.limits.depth = 100;
    env.limits.steps = 200_000;
    env.bind("states", input.clone());
    let _ = expression.evaluate(Some(&input), &mut env);
});
