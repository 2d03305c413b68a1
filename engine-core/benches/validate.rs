//! Parse + validate (which builds the state graph) of a generated 1,000-state definition
//! and of the largest recorded AWS definition. Prints ns per run; goal: under 5 ms for
//! 1,000 states. Run with `cargo bench -p engine-core --bench validate`.

use engine_core::asl::validate;
use engine_core::graph::StateGraph;
use engine_core::json::tree::parse_document;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[path = "support/timing.rs"]
mod timing;

/// Run `f` for about `budget` after a warm-up; print the mean and the fastest run (the
/// fastest is the steadier figure on a shared machine) and return the fastest, in ns.
fn time(name: &str, budget: Duration, mut f: impl FnMut()) -> f64 {
    // BENCH_ONLY=validate (say) times only the matching runs, for profiling one phase.
    if std::env::var("BENCH_ONLY").is_ok_and(|only| !name.contains(&only)) {
        return 1.0;
    }
    for _ in 0..5 {
        f();
    }
    let mut runs: u64 = 0;
    let mut best = f64::MAX;
    let start = Instant::now();
    while start.elapsed() < budget {
        let one = Instant::now();
        f();
        best = best.min(one.elapsed().as_nanos() as f64);
        runs += 1;
    }
    let mean = start.elapsed().as_nanos() as f64 / runs as f64;
    println!(
        "{name:<44} best {best:>11.0} ns ({:.3} ms)  mean {:.3} ms  ({runs} runs)",
        best / 1e6,
        mean / 1e6
    );
    best
}

/// A machine of `n` states in a chain, cycling through the state types with the fields
/// people write: Task with Retry/Catch/Parameters/ResultSelector, Choice with rules,
/// Pass with a template, Wait, and a Parallel and a Map every 50 states.
fn generated(n: usize) -> String {
    let mut states = Vec::new();
    let name = |i: usize| format!("State{i:04}");
    let last = n - 1;
    for i in 0..n {
        let next = if i == last {
            "\"End\": true".to_string()
        } else {
            format!("\"Next\": \"{}\"", name(i + 1))
        };
        let body = match i % 5 {
            _ if i == last => "\"Type\": \"Succeed\"".to_string(),
            0 => format!(
                "\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"Parameters\": {{\"FunctionName\": \"f{i}\", \"Payload.$\": \"$.payload\", \"id.$\": \"$$.Execution.Id\", \"msg.$\": \"States.Format('step {{}}', $.n)\"}}, \"ResultSelector\": {{\"body.$\": \"$.Payload.body\"}}, \"ResultPath\": \"$.r{i}\", \"TimeoutSeconds\": 30, \"HeartbeatSeconds\": 10, \"Retry\": [{{\"ErrorEquals\": [\"States.Timeout\"], \"IntervalSeconds\": 2, \"MaxAttempts\": 3, \"BackoffRate\": 2.0}}, {{\"ErrorEquals\": [\"States.ALL\"]}}], \"Catch\": [{{\"ErrorEquals\": [\"States.ALL\"], \"ResultPath\": \"$.error\", \"Next\": \"{}\"}}], {next}",
                name(last)
            ),
            1 => format!(
                "\"Type\": \"Choice\", \"Choices\": [{{\"Variable\": \"$.n\", \"NumericGreaterThan\": {i}, \"Next\": \"{}\"}}, {{\"And\": [{{\"Variable\": \"$.s\", \"StringMatches\": \"a*\"}}, {{\"Not\": {{\"Variable\": \"$.t\", \"IsNull\": true}}}}], \"Next\": \"{}\"}}], \"Default\": \"{}\"",
                name(i + 1), name(i + 1), name(i + 1)
            ),
            2 if i % 50 == 2 => format!(
                "\"Type\": \"Parallel\", \"Branches\": [{{\"StartAt\": \"B{i}a\", \"States\": {{\"B{i}a\": {{\"Type\": \"Pass\", \"End\": true}}}}}}, {{\"StartAt\": \"B{i}b\", \"States\": {{\"B{i}b\": {{\"Type\": \"Wait\", \"Seconds\": 1, \"End\": true}}}}}}], {next}"
            ),
            2 if i % 50 == 27 => format!(
                "\"Type\": \"Map\", \"ItemsPath\": \"$.items\", \"ItemSelector\": {{\"v.$\": \"$$.Map.Item.Value\"}}, \"MaxConcurrency\": 10, \"ItemProcessor\": {{\"ProcessorConfig\": {{\"Mode\": \"INLINE\"}}, \"StartAt\": \"M{i}\", \"States\": {{\"M{i}\": {{\"Type\": \"Pass\", \"End\": true}}}}}}, {next}"
            ),
            2 | 3 => format!("\"Type\": \"Pass\", \"Parameters\": {{\"n.$\": \"$.n\", \"list.$\": \"States.Array($.a, $.b)\", \"fixed\": [1, 2, 3]}}, \"ResultPath\": \"$.p{i}\", {next}"),
            _ => format!("\"Type\": \"Wait\", \"SecondsPath\": \"$.delay\", {next}"),
        };
        states.push(format!("    \"{}\": {{{body}}}", name(i)));
    }
    format!("{{\n  \"Comment\": \"generated\",\n  \"StartAt\": \"{}\",\n  \"States\": {{\n{}\n  }}\n}}\n", name(0), states.join(",\n"))
}

fn largest_corpus_definition() -> Option<(String, String)> {
    let mut dir = Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf();
    let shared: PathBuf = loop {
        if !dir.pop() {
            return None;
        }
        if dir.join("shared/conformance").is_dir() {
            break dir.join("shared/conformance/localstack/cases");
        }
    };
    let mut best: Option<(String, String)> = None;
    for entry in std::fs::read_dir(shared).ok()?.flatten() {
        let text = std::fs::read_to_string(entry.path()).ok()?;
        let doc = parse_document(&text);
        let Some(id) = doc.resolve("/definition") else {
            continue;
        };
        let span = doc.node(id).span;
        let def = text[span.start..span.end].to_string();
        if best.as_ref().is_none_or(|(_, b)| def.len() > b.len()) {
            best = Some((entry.file_name().to_string_lossy().into_owned(), def));
        }
    }
    best
}

fn run(label: &str, text: &str, budget: Duration) {
    let doc = parse_document(text);
    let diagnostics = validate(&doc);
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    println!(
        "{label}: {} bytes, {errors} errors, {} warnings",
        text.len(),
        diagnostics.len() - errors
    );
    let parse = time(&format!("{label}: parse"), budget, || {
        black_box(parse_document(black_box(text)));
    });
    time(
        &format!("{label}: validate (graph included)"),
        budget,
        || {
            black_box(validate(black_box(&doc)));
        },
    );
    let value = doc.to_value(doc.root().expect("a root"));
    time(&format!("{label}: graph alone"), budget, || {
        black_box(StateGraph::from_definition(black_box(&value)));
    });
    let total = time(&format!("{label}: parse + validate"), budget, || {
        black_box(validate(&parse_document(black_box(text))));
    });
    println!("{label}: parse share {:.0}%", 100.0 * parse / total);
}

fn main() {
    let budget = timing::budget(1500);
    run("1000 states", &generated(1000), budget);
    if let Some((name, def)) = largest_corpus_definition() {
        println!("largest corpus definition: {name}");
        run("largest corpus", &def, budget);
    }
}
