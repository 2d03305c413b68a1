//! Random sequences of the editor's operations on every gallery example and every
//! definition AWS executed (the recorded conformance cases). After each step: the text
//! parses, every change lies inside the region the operation is about (the state for a
//! field, the scope for a transition), inserting a Pass on an edge or renaming keeps a
//! valid machine valid, and the returned inverse restores the text byte for byte; at the
//! end, undoing every step gives back the original exactly.

mod common;

use engine_core::asl::edit::*;
use engine_core::asl::{validate, Diagnostic};
use engine_core::json::tree::{escape_token, parse_document, Document, Edit, EditError, NodeKind};
use engine_core::rng::Rng;

const STEPS: usize = 8;

struct Located {
    pointer: String,
    machine: String,
}

/// Every state of the machine with its scope's pointer.
fn states(doc: &Document) -> Vec<Located> {
    let mut found = Vec::new();
    let mut machines: Vec<String> = vec![String::new()];
    while let Some(machine) = machines.pop() {
        let Some(states) = doc.resolve(&format!("{machine}/States")) else {
            continue;
        };
        if !matches!(doc.node(states).kind, NodeKind::Object(_)) {
            continue;
        }
        for member in doc.members(states) {
            let pointer = format!("{machine}/States/{}", escape_token(&member.key));
            if let Some(branches) = doc.get(member.value, "Branches") {
                for i in 0..doc.items(branches).len() {
                    machines.push(format!("{pointer}/Branches/{i}"));
                }
            }
            for key in ["ItemProcessor", "Iterator"] {
                if doc.get(member.value, key).is_some() {
                    machines.push(format!("{pointer}/{key}"));
                }
            }
            found.push(Located {
                pointer,
                machine: machine.clone(),
            });
        }
    }
    found
}

/// The transition slots of the machine (existing ones) with their scope.
fn slots(doc: &Document, all: &[Located]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for s in all {
        let Some(node) = doc.resolve(&s.pointer) else {
            continue;
        };
        for key in ["Next", "Default"] {
            if doc.get(node, key).is_some_and(|n| doc.as_str(n).is_some()) {
                out.push((format!("{}/{key}", s.pointer), s.machine.clone()));
            }
        }
        for list in ["Choices", "Catch"] {
            if let Some(items) = doc.get(node, list) {
                for (i, &item) in doc.items(items).iter().enumerate() {
                    if doc.get(item, "Next").is_some() {
                        out.push((format!("{}/{list}/{i}/Next", s.pointer), s.machine.clone()));
                    }
                }
            }
        }
    }
    out
}

fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> Option<&'a T> {
    (!items.is_empty()).then(|| &items[(rng.next_u64() % items.len() as u64) as usize])
}

/// The pointer of the common scope of two machine pointers.
fn common_scope(a: &str, b: &str) -> String {
    let (mut x, mut y) = (a.to_string(), b.to_string());
    while !(y == x || y.starts_with(&format!("{x}/"))) {
        x = x
            .rsplit_once("/States/")
            .map(|(head, _)| head.to_string())
            .unwrap_or_default();
        let _ = &mut y;
    }
    x
}

/// One random operation: its result, the region it may touch, and whether a valid
/// machine must stay valid.
fn random_step(doc: &Document, rng: &mut Rng) -> Option<(Result<Change, EditError>, String, bool)> {
    let all = states(doc);
    let state = pick(rng, &all)?;
    let slot = pick(rng, &slots(doc, &all)).cloned();
    let templates = catalogue();
    let template = pick(rng, templates)?;
    let position = |rng: &mut Rng| match (rng.next_u64() % 3, &slot) {
        (0, Some((slot, machine))) => (Position::Edge(slot.clone()), machine.clone()),
        (1, _) => (
            Position::Start(state.machine.clone()),
            state.machine.clone(),
        ),
        _ => (
            Position::After(state.pointer.clone()),
            state.machine.clone(),
        ),
    };
    let outcome = |o: Result<Outcome, EditError>, answer_with_first: bool| match o {
        Ok(Outcome::Done(change)) => Ok(change),
        Ok(Outcome::Ask(questions)) if answer_with_first => Err(questions),
        Ok(Outcome::Ask(_)) => Err(vec![]),
        Err(e) => Err(vec![Question {
            reference: format!("{e}"),
            leaving: String::new(),
            options: vec![],
        }]),
    };
    let step = match rng.next_u64() % 12 {
        0 => {
            let (at, region) = position(rng);
            (insert_template(doc, template, &at), region, false)
        }
        1 => match &slot {
            Some((slot, machine)) => {
                let pass = find_template("Pass").unwrap();
                (
                    insert_template(doc, pass, &Position::Edge(slot.clone())),
                    machine.clone(),
                    true,
                )
            }
            None => return None,
        },
        2 => {
            let pointers = vec![state.pointer.clone()];
            let first = outcome(delete_states(doc, &pointers, &[]), true);
            let change = match first {
                Ok(change) => Ok(change),
                Err(questions) if !questions.is_empty() && questions[0].leaving.is_empty() => {
                    return None
                }
                Err(questions) => {
                    let answers: Vec<Answer> = questions
                        .iter()
                        .filter_map(|q| {
                            q.options.first().map(|t| Answer {
                                reference: q.reference.clone(),
                                target: t.clone(),
                            })
                        })
                        .collect();
                    match outcome(delete_states(doc, &pointers, &answers), false) {
                        Ok(change) => Ok(change),
                        Err(_) => return None,
                    }
                }
            };
            (change, state.machine.clone(), false)
        }
        3 => {
            let (at, region) = position(rng);
            let region = common_scope(&state.machine, &region);
            match outcome(move_state(doc, &state.pointer, &at, &[]), false) {
                Ok(change) => (Ok(change), region, false),
                Err(_) => return None,
            }
        }
        4 => (
            add_choice_rule(doc, &state.pointer, None),
            state.pointer.clone(),
            false,
        ),
        5 => (
            add_catch(doc, &state.pointer, &[], None),
            state.pointer.clone(),
            false,
        ),
        6 => (
            add_retry(doc, &state.pointer, &["States.Timeout"]),
            state.pointer.clone(),
            true,
        ),
        7 => match &slot {
            Some((slot, machine)) => {
                let targets: Vec<&Located> = all.iter().filter(|s| &s.machine == machine).collect();
                let target = pick(rng, &targets)?;
                let name = target
                    .pointer
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .replace("~1", "/")
                    .replace("~0", "~");
                (connect(doc, slot, &name), machine.clone(), false)
            }
            None => return None,
        },
        8 => (
            duplicate_states(doc, &[state.pointer.clone()]),
            state.machine.clone(),
            false,
        ),
        11 => {
            let (at, region) = position(rng);
            let copied = copy_states(doc, &[state.pointer.clone()]).ok()?;
            (paste_states(doc, &copied, &at), region, false)
        }
        9 => (
            set_field(
                doc,
                &format!("{}/Comment", state.pointer),
                "\"edited \\u00e9\"",
            ),
            state.pointer.clone(),
            true,
        ),
        _ => {
            let name = format!("Renamed {}", rng.next_u64() % 1000);
            (
                rename_state(doc, &state.pointer, &name),
                state.machine.clone(),
                true,
            )
        }
    };
    Some(step)
}

fn errors(doc: &Document) -> usize {
    validate(doc)
        .iter()
        .filter(|d| Diagnostic::is_error(d))
        .count()
}

/// Run random steps on `text`; the number of steps that changed the text.
fn exercise(name: &str, text: &str, seed: u64) -> usize {
    let mut rng = Rng::seeded(seed);
    let mut doc = parse_document(text);
    let mut undo: Vec<Edit> = Vec::new();
    let mut applied = 0;
    for _ in 0..STEPS * 3 {
        if undo.len() == STEPS {
            break;
        }
        let Some((result, region, keeps_valid)) = random_step(&doc, &mut rng) else {
            continue;
        };
        let Ok(change) = result else { continue };
        let Edit::Text(changes) = &change.edit else {
            panic!("{name}: operations give text edits")
        };
        let region_span = doc
            .resolve(&region)
            .map(|n| doc.node(n).span)
            .unwrap_or_else(|| panic!("{name}: region {region:?} exists"));
        for c in changes {
            assert!(
                region_span.start <= c.span.start && c.span.end <= region_span.end,
                "{name}: a change at {:?} lies outside {region:?} {region_span:?}",
                c.span
            );
        }
        let before = doc.text().to_string();
        let valid_before = keeps_valid && errors(&doc) == 0;
        let inverse = doc
            .apply(&change.edit)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            doc.syntax_errors().is_empty(),
            "{name}: result parses:\n{}",
            doc.text()
        );
        if valid_before {
            let errs: Vec<Diagnostic> = validate(&doc)
                .into_iter()
                .filter(Diagnostic::is_error)
                .collect();
            assert!(
                errs.is_empty(),
                "{name}: stays valid after {change:?}:\n{}\n{errs:#?}",
                doc.text()
            );
        }
        let mut check = doc.clone();
        check.apply(&inverse).unwrap();
        assert_eq!(
            check.text(),
            before,
            "{name}: the inverse restores the text"
        );
        undo.push(inverse);
        applied += 1;
    }
    while let Some(inverse) = undo.pop() {
        doc.apply(&inverse).unwrap();
    }
    assert_eq!(
        doc.text(),
        text,
        "{name}: undoing every step restores the original"
    );
    applied
}

fn definitions() -> Vec<(String, String)> {
    let shared = common::shared_dir();
    let mut out = Vec::new();
    for dir in ["examples", "conformance/localstack/cases"] {
        let mut paths: Vec<_> = std::fs::read_dir(shared.join(dir))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        paths.sort();
        for path in paths {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let text = std::fs::read_to_string(&path).unwrap();
            if name.ends_with(".asl.json") {
                out.push((name, text));
            } else if dir.starts_with("conformance") && name.ends_with(".json") {
                let case = parse_document(&text);
                if let Some(def) = case.resolve("/definition") {
                    out.push((name, case.source(def).to_string()));
                }
            }
        }
    }
    out
}

#[test]
fn random_edit_sequences_keep_text_parseable_local_and_undoable() {
    let definitions = definitions();
    assert!(
        definitions.len() > 800,
        "corpus present: {}",
        definitions.len()
    );
    let mut steps = 0;
    for (i, (name, text)) in definitions.iter().enumerate() {
        for seed in 0..3 {
            steps += exercise(name, text, (i as u64) << 8 | seed);
        }
    }
    eprintln!(
        "{} definitions, {steps} edits applied and undone",
        definitions.len()
    );
    assert!(
        steps > definitions.len() * 3 * STEPS / 2,
        "most random steps apply: {steps}"
    );
}
