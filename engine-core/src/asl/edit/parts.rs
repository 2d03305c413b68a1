//! Adding the parts of a state: a Choice rule, a Parallel branch, a Catch, a Retry. Each is
//! appended to its list (the list is created when the state has none).

use super::scope::{state_language, state_node, type_of};
use super::Change;
use crate::asl::QueryLanguage;
use crate::json::tree::{Document, Edit, EditError, NodeId};
use crate::json::{write_compact, Value};
use alloc::format;
use alloc::string::String;
use alloc::vec;

/// Add `item` (JSON text) to the array `key` of the state at `state`: last, or just
/// before a last entry on `States.ALL` when `before_catch_all` (AWS requires `States.ALL`
/// to come last). The pointer of the new item is the selection.
fn append(
    doc: &Document,
    state: &str,
    node: NodeId,
    key: &str,
    item: String,
    before_catch_all: bool,
) -> Result<Change, EditError> {
    let (edit, index) = match doc.get(node, key) {
        Some(list) => {
            let items = doc.items(list);
            let catch_all_last = items.last().is_some_and(|&last| catches_all(doc, last));
            let index = items.len() - usize::from(before_catch_all && catch_all_last);
            let edit = Edit::Insert {
                pointer: format!("{state}/{key}/{index}"),
                value: item,
            };
            (edit, index)
        }
        None => (
            Edit::Set {
                pointer: format!("{state}/{key}"),
                value: format!("[{item}]"),
            },
            0,
        ),
    };
    let changes = doc.changes_for(&edit)?;
    Ok(Change {
        edit: Edit::Text(changes),
        selection: vec![format!("{state}/{key}/{index}")],
    })
}

/// True when a retrier or catcher lists `States.ALL`.
/// The errors a catcher added from the graph handles: `States.ALL`, unless the state has
/// one on `States.ALL` already (ASL allows it only in the last catcher); then
/// `States.TaskFailed`, which goes before it.
pub(super) fn new_catcher_errors(doc: &Document, node: NodeId) -> &'static [&'static str] {
    let catchers = doc.get(node, "Catch").map_or(&[][..], |c| doc.items(c));
    if catchers.iter().any(|&c| catches_all(doc, c)) {
        &["States.TaskFailed"]
    } else {
        &["States.ALL"]
    }
}

fn catches_all(doc: &Document, entry: NodeId) -> bool {
    doc.get(entry, "ErrorEquals").is_some_and(|e| {
        doc.items(e)
            .iter()
            .any(|&n| doc.as_str(n) == Some("States.ALL"))
    })
}

fn expect_type(doc: &Document, state: &str, node: NodeId, types: &[&str]) -> Result<(), EditError> {
    match type_of(doc, node) {
        Some(t) if types.contains(&t) => Ok(()),
        _ => Err(EditError::Invalid(format!(
            "{state:?} is not a {} state",
            types.join(" or ")
        ))),
    }
}

fn next_member(next: Option<&str>) -> String {
    next.map(|n| format!(", \"Next\": {}", write_compact(&Value::String(n.into()))))
        .unwrap_or_default()
}

/// Add a rule to the Choice state at `state`, leading to `next` (an open rule when
/// `None`, to be connected or dropped onto): `$.value` is `true` under JSONPath, a
/// `Condition` of `{% true %}` under JSONata, ready for the rule builder.
pub fn add_choice_rule(
    doc: &Document,
    state: &str,
    next: Option<&str>,
) -> Result<Change, EditError> {
    let (_, node) = state_node(doc, state)?;
    expect_type(doc, state, node, &["Choice"])?;
    let condition = match state_language(doc, node) {
        QueryLanguage::JsonPath => r#""Variable": "$.value", "BooleanEquals": true"#,
        QueryLanguage::Jsonata => r#""Condition": "{% true %}""#,
    };
    append(
        doc,
        state,
        node,
        "Choices",
        format!("{{{condition}{}}}", next_member(next)),
        false,
    )
}

/// Add an empty branch to the Parallel state at `state`; states are then inserted at its
/// start (`Position::Start` of the new branch's pointer).
pub fn add_branch(doc: &Document, state: &str) -> Result<Change, EditError> {
    let (_, node) = state_node(doc, state)?;
    expect_type(doc, state, node, &["Parallel"])?;
    append(
        doc,
        state,
        node,
        "Branches",
        r#"{"StartAt": "", "States": {}}"#.into(),
        false,
    )
}

/// Add a catcher for `errors` (`States.ALL` when empty) to the state at `state`, leading to
/// `next` (open when `None`); it goes before a catcher on `States.ALL`.
pub fn add_catch(
    doc: &Document,
    state: &str,
    errors: &[&str],
    next: Option<&str>,
) -> Result<Change, EditError> {
    let (_, node) = state_node(doc, state)?;
    expect_type(doc, state, node, &["Task", "Parallel", "Map"])?;
    let item = format!(
        "{{\"ErrorEquals\": {}{}}}",
        error_list(errors),
        next_member(next)
    );
    append(
        doc,
        state,
        node,
        "Catch",
        item,
        !errors.is_empty() && !errors.contains(&"States.ALL"),
    )
}

/// Add a retrier for `errors` (`States.ALL` when empty) to the state at `state`, with the
/// ASL defaults written out (1 s interval, 3 attempts, back-off rate 2) for the form; it
/// goes before a retrier on `States.ALL`.
pub fn add_retry(doc: &Document, state: &str, errors: &[&str]) -> Result<Change, EditError> {
    let (_, node) = state_node(doc, state)?;
    expect_type(doc, state, node, &["Task", "Parallel", "Map"])?;
    let item = format!(
        "{{\"ErrorEquals\": {}, \"IntervalSeconds\": 1, \"MaxAttempts\": 3, \"BackoffRate\": 2}}",
        error_list(errors)
    );
    append(
        doc,
        state,
        node,
        "Retry",
        item,
        !errors.is_empty() && !errors.contains(&"States.ALL"),
    )
}

fn error_list(errors: &[&str]) -> String {
    let errors: alloc::vec::Vec<Value> = match errors {
        [] => vec![Value::String("States.ALL".into())],
        some => some.iter().map(|e| Value::String((*e).into())).collect(),
    };
    write_compact(&Value::array(errors))
}
