//! Timing of the hot paths the interpreter runs per state: a compiled path select, a
//! Parameters template apply, an intrinsic call, a ResultPath merge and a Choice rule.
//! Prints ns/op; run with `cargo bench -p engine-core --bench path_bench`.

use engine_core::choice::ChoiceRule;
use engine_core::intrinsic::Intrinsic;
use engine_core::json::parse_value;
use engine_core::path::{CompiledPath, CompiledResultPath, Scope, Template};
use engine_core::rng::Rng;
use engine_core::{Map, Value};
use std::hint::black_box;
use std::time::Duration;

#[path = "support/timing.rs"]
mod timing;

/// Times `f` and prints its mean.
fn time(name: &str, budget: Duration, f: impl FnMut()) {
    let (ns, calls) = timing::mean_ns(budget, f);
    println!("{name:<40} {ns:>10.1} ns/op  ({calls} iterations)");
}

fn main() {
    let budget = timing::budget(700);
    // The input and Parameters of the pass_chain_1000 workload.
    let input = parse_value(
        r#"{"data": {"a": 1, "items": [10, 20, 30], "user": {"name": "ada", "tags": ["x", "y"]}},
            "acc": {"step": -1}, "counter": {"v": 3}, "text": "hello", "threshold": 5,
            "value": {"s": 7, "f": false}}"#,
    )
    .expect("bench input");
    let ctx = parse_value(r#"{"Execution": {"Id": "arn:x", "Name": "x"}}"#).expect("bench context");
    let vars = Map::default();
    let scope = Scope { input: &input, context: &ctx, variables: &vars };
    let mut rng = Rng::seeded(1);

    let path = CompiledPath::compile("$.data.user.name").expect("path");
    time("select $.data.user.name", budget, || {
        black_box(path.select(black_box(&scope)).ok());
    });
    let borrowed = CompiledPath::compile("$.data.items[1]").expect("path");
    time("select_cow $.data.items[1] (no clone)", budget, || {
        black_box(borrowed.select_cow(black_box(&scope)).ok());
    });
    let wildcard = CompiledPath::compile("$.data.user.tags[*]").expect("path");
    time("select $.data.user.tags[*]", budget, || {
        black_box(wildcard.select(black_box(&scope)).ok());
    });

    let template = Template::compile(
        &parse_value(
            r#"{"step": 0, "prev.$": "$.acc.step", "a.$": "$.data.a", "item.$": "$.data.items[1]",
                "user.$": "$.data.user.name", "tags.$": "$.data.user.tags"}"#,
        )
        .expect("template"),
    )
    .expect("template compiles");
    time("template apply (pass_chain Parameters)", budget, || {
        black_box(template.apply(black_box(&scope), &mut rng).ok());
    });

    let add = Intrinsic::compile("States.MathAdd($.counter.v, 1)").expect("intrinsic");
    time("intrinsic States.MathAdd($.counter.v, 1)", budget, || {
        black_box(add.evaluate(black_box(&scope), &mut rng).ok());
    });
    let format =
        Intrinsic::compile("States.Format('round {} of {}: {}', States.MathAdd($.counter.v, 1), 10, $.text)")
            .expect("intrinsic");
    time("intrinsic States.Format(nested MathAdd)", budget, || {
        black_box(format.evaluate(black_box(&scope), &mut rng).ok());
    });

    let result_path = CompiledResultPath::compile("$.acc").expect("result path");
    let result = parse_value(r#"{"step": 0, "a": 1}"#).expect("result");
    time("ResultPath $.acc (incl. input clone)", budget, || {
        black_box(result_path.apply(input.clone(), result.clone()).ok());
    });
    time("input clone alone (baseline)", budget, || {
        black_box((input.clone(), result.clone()));
    });

    let rule = ChoiceRule::compile(
        &parse_value(
            r#"{"And": [{"Variable": "$.value.s", "NumericGreaterThanEqualsPath": "$.threshold"},
                        {"Not": {"Variable": "$.value.f", "BooleanEquals": true}}], "Next": "High"}"#,
        )
        .expect("rule"),
    )
    .expect("rule compiles");
    time("choice rule (map_2500 And/Not)", budget, || {
        black_box(rule.matches(black_box(&scope)).ok());
    });
    let _ = Value::Null;
}
