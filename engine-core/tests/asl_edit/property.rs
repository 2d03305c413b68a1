//! Random sequences of the editor's operations on every gallery example and every
//! definition AWS executed (the recorded conformance cases). After each step: the text
//! parses, every change lies inside the region the operation is about (the state for a
//! field, the scope for a transition), inserting a Pass on an edge or renaming keeps a
//! valid machine valid, and the returned inverse restores the text byte for byte; at the
//! end, undoing every step gives back the original exactly.

use super::common;

use engine_core::asl::edit::*;
use engine_core::asl::{validate, Diagnostic};
use engine_core::json::tree::{parse_document, Document, Edit, EditError};
use engine_core::rng::Rng;

const STEPS: usize = 8;

/// The scope a position is in: the scope itself, or that of the state it names.
fn scope_of(position: &Position, all: &[Located]) -> String {
    let pointer = match position {
        Position::Start(scope) => return scope.clone(),
        Position::Edge(slot) => slot,
        Position::After(state) => state,
    };
    all.iter()
        .filter(|s| pointer == &s.pointer || pointer.starts_with(&format!("{}/", s.pointer)))
        .max_by_key(|s| s.pointer.len())
        .map(|s| s.scope.clone())
        .unwrap_or_default()
}

fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> Option<&'a T> {
    (!items.is_empty()).then(|| &items[(rng.next_u64() % items.len() as u64) as usize])
}

/// The pointer of the innermost scope holding both scopes.
fn common_scope(a: &str, b: &str) -> String {
    let mut scope = a.to_string();
    while !(b == scope || b.starts_with(&format!("{scope}/"))) {
        scope = scope
            .rsplit_once("/States/")
            .map(|(head, _)| head.to_string())
            .unwrap_or_default();
    }
    scope
}

/// One random operation: its result, the region it may touch, and whether a valid
/// machine must stay valid.
fn random_step(doc: &Document, rng: &mut Rng) -> Option<(Result<Change, EditError>, String, bool)> {
    let all = all_states(doc);
    let state = pick(rng, &all)?;
    let positions = drop_positions(doc);
    let edges: Vec<&Position> = positions
        .iter()
        .filter(|p| matches!(p, Position::Edge(_)))
        .collect();
    let slot = pick(rng, &edges).map(|edge| match edge {
        Position::Edge(slot) => (slot.clone(), scope_of(edge, &all)),
        _ => unreachable!("only edges were kept"),
    });
    let template = pick(rng, catalogue())?;
    let position = |rng: &mut Rng| {
        let at = pick(rng, &positions)
            .cloned()
            .unwrap_or(Position::Start(String::new()));
        let region = scope_of(&at, &all);
        (at, region)
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
            (change, state.scope.clone(), false)
        }
        3 => {
            let (at, region) = position(rng);
            let region = common_scope(&state.scope, &region);
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
                let targets: Vec<&Located> = all.iter().filter(|s| &s.scope == machine).collect();
                let target = pick(rng, &targets)?;
                (connect(doc, slot, &target.name), machine.clone(), false)
            }
            None => return None,
        },
        8 => (
            duplicate_states(doc, &[state.pointer.clone()]),
            state.scope.clone(),
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
                state.scope.clone(),
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
