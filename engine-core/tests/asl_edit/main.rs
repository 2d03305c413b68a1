//! The visual editor's operations (`asl::edit`): a module per operation on small
//! definitions, the two gallery rebuilds (`rebuild`) and random sequences over the corpus
//! (`property`).
//!
//! Each expected text is written out by hand from the ASL's rules (a transition names a
//! state of its own scope; `End: true` and `Next` exclude each other; Choice rules and
//! Catchers carry their own `Next`) and the editor's contract (new text in the document's
//! layout, nothing else touched). The harness also checks that the result validates where
//! it should, that the returned inverse restores the original byte for byte, and that redo
//! gives the result again.

#[path = "../common/mod.rs"]
mod common;

mod catalogue;
mod clipboard;
mod delete;
mod insert;
mod inspector;
mod parts;
mod property;
mod rebuild;
mod relocate;
mod targets;

use engine_core::asl::edit::*;
use engine_core::asl::{validate, Diagnostic, QueryLanguage};
use engine_core::json::tree::{parse_document, Document, Edit, EditError};
use engine_core::json::Value;

fn apply(before: &str, edit: &Edit) -> String {
    let mut doc = parse_document(before);
    let undo = doc.apply(edit).unwrap_or_else(|e| panic!("{edit:?}: {e}"));
    let after = doc.text().to_string();
    assert!(doc.syntax_errors().is_empty(), "parses: {after}");
    let redo = doc.apply(&undo).expect("undo applies");
    assert_eq!(doc.text(), before, "undo restores the original");
    doc.apply(&redo).expect("redo applies");
    assert_eq!(doc.text(), after, "redo gives the result again");
    after
}

fn check(before: &str, change: Result<Change, EditError>, after: &str) {
    let change = change.unwrap_or_else(|e| panic!("operation fails: {e}"));
    assert_eq!(apply(before, &change.edit), after);
}

fn errors(text: &str) -> Vec<Diagnostic> {
    validate(&parse_document(text))
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect()
}

fn assert_valid(text: &str) {
    let errs = errors(text);
    assert!(errs.is_empty(), "{text}\n{errs:#?}");
}

fn doc(text: &str) -> Document {
    parse_document(text)
}

fn done(outcome: Result<Outcome, EditError>) -> Result<Change, EditError> {
    match outcome? {
        Outcome::Done(change) => Ok(change),
        Outcome::Ask(questions) => panic!("asks {questions:?}"),
    }
}

fn template(id: &str) -> &'static Template {
    find_template(id).unwrap()
}

const TWO: &str = r#"{
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Pass",
      "Next": "B"
    },
    "B": {
      "Type": "Pass",
      "End": true
    }
  }
}
"#;

const CHAIN: &str = r#"{
  "StartAt": "A",
  "States": {
    "A": {"Type": "Pass", "Next": "B"},
    "B": {"Type": "Pass", "Next": "C"},
    "C": {"Type": "Pass", "End": true}
  }
}"#;

const BRANCHING: &str = r#"{
  "StartAt": "A",
  "States": {
    "A": {"Type": "Pass", "Next": "C"},
    "C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "BooleanEquals": true, "Next": "Y"}], "Default": "N"},
    "Y": {"Type": "Succeed"},
    "N": {"Type": "Fail"}
  }
}"#;

const NESTED: &str = r#"{"StartAt": "P", "States": {
  "P": {"Type": "Parallel", "Branches": [
    {"StartAt": "X", "States": {"X": {"Type": "Pass", "Next": "Y"}, "Y": {"Type": "Pass", "End": true}}}
  ], "Next": "Z"},
  "Z": {"Type": "Succeed"}
}}"#;

const EMPTY_MACHINE: &str = "{\"StartAt\": \"\", \"States\": {}}";
