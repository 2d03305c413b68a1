//! The lossless document tree on a generated 1,000-state definition and on the largest
//! definition of the corpus: parse, rewrite, an edit (rename a state) with its undo, the
//! visual editor's insert, field and delete operations, the YAML reader, and parse +
//! validate. Plain timing loops printing ns/op (median and best).
//!
//! `cargo bench -p engine-core --bench doc_tree`

use std::hint::black_box;
use std::time::{Duration, Instant};

use engine_core::asl::{edit, validate};
use engine_core::export::to_yaml;
use engine_core::json::parse_value;
use engine_core::json::tree::{parse_document, yaml_to_json, Document, Edit, Style};

#[path = "../tests/common/mod.rs"]
mod common;
#[path = "../tests/support/doc_gen.rs"]
mod doc_gen;

/// The median and the fastest of `runs` runs of `f` (after one warm-up). On a shared
/// machine the fastest run is the one least disturbed by other work.
fn median(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    f();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[runs / 2], times[0])
}

fn report(what: &str, bytes: usize, (median, best): (Duration, Duration)) {
    let mb_per_s = bytes as f64 / best.as_secs_f64() / 1e6;
    println!(
        "{what:<46} median {:>11} ns/op, best {:>11} ns/op ({:.3} ms, {mb_per_s:.0} MB/s)",
        median.as_nanos(),
        best.as_nanos(),
        best.as_secs_f64() * 1e3
    );
}

/// The largest definition in the corpus, pretty-printed, and where it came from.
fn largest_corpus_definition() -> (String, String) {
    let shared = common::shared_dir();
    let mut best = (String::new(), String::new());
    for dir in ["conformance/localstack/cases", "examples"] {
        for entry in std::fs::read_dir(shared.join(dir))
            .into_iter()
            .flatten()
            .flatten()
        {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let Ok(case) = parse_value(&text) else {
                continue;
            };
            let definition = case.get("definition").cloned().unwrap_or(case);
            let pretty = engine_core::json::write_pretty(&definition);
            if definition.get("States").is_some() && pretty.len() > best.0.len() {
                best = (pretty, entry.file_name().to_string_lossy().into_owned());
            }
        }
    }
    best
}

fn bench(name: &str, text: &str, rename: &str) {
    println!("{name}: {} bytes", text.len());
    report(
        "  parse_document",
        text.len(),
        median(50, || {
            black_box(parse_document(black_box(text)));
        }),
    );
    let doc = parse_document(text);
    assert!(doc.syntax_errors().is_empty());
    report(
        "  parse_document + asl::validate",
        text.len(),
        median(30, || {
            let doc = parse_document(black_box(text));
            black_box(validate(&doc));
        }),
    );
    report(
        "  to_value (root)",
        text.len(),
        median(50, || {
            black_box(doc.to_value(doc.root().unwrap()));
        }),
    );
    report(
        "  reformat (two spaces)",
        text.len(),
        median(50, || {
            black_box(doc.reformat(&Style::pretty("  ")));
        }),
    );
    let edit = Edit::RenameState {
        pointer: format!("/States/{rename}"),
        name: "Renamed state".into(),
    };
    report(
        "  rename a state + undo (each reparses)",
        text.len(),
        median(30, || {
            let mut d = doc.clone();
            let undo = d.apply(&edit).unwrap();
            d.apply(&undo).unwrap();
            black_box(d);
        }),
    );
    // The visual editor's operations: computing the edit (each step reparses a copy) and
    // applying it, as a drop on the canvas does.
    let state = format!("/States/{rename}");
    let pass = edit::find_template("Pass").unwrap();
    let operations: [(&str, &dyn Fn(&Document) -> Option<Edit>); 3] = [
        ("  asl::edit insert a Pass at the start + apply", &|d| {
            edit::insert_template(d, pass, &edit::Position::Start(String::new()))
                .ok()
                .map(|c| c.edit)
        }),
        ("  asl::edit set a state's Comment + apply", &|d| {
            edit::set_field(d, &format!("{state}/Comment"), "\"c\"")
                .ok()
                .map(|c| c.edit)
        }),
        (
            "  asl::edit delete a state (rewired) + apply",
            &|d| match edit::delete_states(d, &[state.clone()], &[]).ok()? {
                edit::Outcome::Done(c) => Some(c.edit),
                edit::Outcome::Ask(_) => None,
            },
        ),
    ];
    for (what, operation) in operations {
        if operation(&doc).is_none() {
            continue;
        }
        report(
            what,
            text.len(),
            median(30, || {
                let mut d = doc.clone();
                let change = operation(&d).unwrap();
                black_box(d.apply(&change).unwrap());
            }),
        );
    }
    let yaml = to_yaml(&doc.to_value(doc.root().unwrap()));
    report(
        "  yaml_to_json (the same definition as YAML)",
        yaml.len(),
        median(30, || {
            black_box(yaml_to_json(black_box(&yaml)).unwrap());
        }),
    );
}

fn main() {
    let generated = doc_gen::state_machine(1000, 7);
    bench("generated 1,000-state definition", &generated, "S500");
    let (largest, file) = largest_corpus_definition();
    let doc = parse_document(&largest);
    let states = doc.resolve("/States").unwrap();
    let first = doc.members(states)[0].key.clone();
    bench(
        &format!("largest corpus definition ({file})"),
        &largest,
        &first.replace('~', "~0").replace('/', "~1"),
    );
}
