//! Timing of typical ASL JSONata expressions: a filter, an aggregate, a string
//! concatenation and an object constructor over `$states.input`. Prints ns per
//! evaluation (parse excluded); run with `cargo bench -p engine-core --bench jsonata_bench`.
//! BENCH_MS sets the time spent per expression.

use engine_core::json::parse_value;
use engine_core::jsonata::{Environment, Expression};
use std::hint::black_box;
use std::time::Duration;

#[path = "support/timing.rs"]
mod timing;

/// The expressions timed, also used by the Node comparison script (see the report).
pub const EXPRESSIONS: [(&str, &str); 4] = [
    ("filter", "$states.input.items[price > 10]"),
    ("sum", "$sum($states.input.items.price)"),
    ("concat", "\"Hello \" & $states.input.name"),
    (
        "object",
        "{\"id\": $states.input.id, \"total\": $sum($states.input.items.price), \"names\": $states.input.items.name}",
    ),
];

/// Times `f` and prints its mean (returned).
fn time(name: &str, budget: Duration, f: impl FnMut()) -> f64 {
    let (ns, calls) = timing::mean_ns(budget, f);
    println!("{name:<60} {ns:>10.1} ns/eval  ({calls} iterations)");
    ns
}

fn main() {
    let budget = timing::budget(700);
    let states = parse_value(
        r#"{"input": {"id": "order-17", "name": "Ada",
            "items": [{"name": "pen", "price": 3}, {"name": "book", "price": 12.5},
                      {"name": "lamp", "price": 40}, {"name": "cup", "price": 8},
                      {"name": "desk", "price": 120}]},
            "context": {"Execution": {"Id": "arn:x", "Name": "x"}}}"#,
    )
    .expect("bench input");
    let mut env = Environment::new();
    env.bind("states", states);
    for (name, src) in EXPRESSIONS {
        let expr = Expression::parse(src).expect("bench expression parses");
        assert!(expr
            .evaluate(None, &mut env)
            .expect("bench expression evaluates")
            .is_some());
        time(&format!("{name}: {src}"), budget, || {
            black_box(expr.evaluate(None, black_box(&mut env)).ok());
        });
    }
}
