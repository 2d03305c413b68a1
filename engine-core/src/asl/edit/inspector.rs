//! What the inspector's forms write: a field of a state by pointer (missing parent objects
//! are created, so `…/Parameters/FunctionName` works on a state without `Parameters`),
//! clearing a field, renaming a state, and the workflow's `Comment`, `TimeoutSeconds` and
//! `QueryLanguage`.

use super::Change;
use crate::asl::QueryLanguage;
use crate::json::tree::{join_pointer, split_pointer, Document, Edit, EditError, NodeKind};
use crate::json::{write_compact, Value};
use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

fn change(doc: &Document, edit: Edit, pointer: &str) -> Result<Change, EditError> {
    Ok(Change {
        edit: Edit::Text(doc.changes_for(&edit)?),
        selection: vec![pointer.into()],
    })
}

/// Set the value at `pointer` to `value` (JSON text), replacing it or adding the member;
/// objects missing on the way are added with it.
pub fn set_field(doc: &Document, pointer: &str, value: &str) -> Result<Change, EditError> {
    let tokens =
        split_pointer(pointer).ok_or_else(|| EditError::Invalid("not a JSON Pointer".into()))?;
    let mut existing = tokens.len().saturating_sub(1);
    while existing > 0 && doc.resolve(&join_pointer(&tokens[..existing])).is_none() {
        existing -= 1;
    }
    let parent = doc
        .resolve(&join_pointer(&tokens[..existing]))
        .ok_or_else(|| EditError::NotFound(pointer.into()))?;
    if existing + 1 == tokens.len() || tokens.is_empty() {
        return change(
            doc,
            Edit::Set {
                pointer: pointer.into(),
                value: value.into(),
            },
            pointer,
        );
    }
    if !matches!(doc.node(parent).kind, NodeKind::Object(_)) {
        return Err(EditError::NotFound(join_pointer(&tokens[..existing + 1])));
    }
    // Wrap the value text in the objects the path still lacks, innermost first, so its
    // numbers and escapes stay as typed.
    let mut nested = String::from(value);
    for key in tokens[existing + 1..].iter().rev() {
        nested = format!(
            "{{{}: {nested}}}",
            write_compact(&Value::String(key.clone()))
        );
    }
    let outer = join_pointer(&tokens[..existing + 1]);
    change(
        doc,
        Edit::Set {
            pointer: outer,
            value: nested,
        },
        pointer,
    )
}

/// Remove the member or item at `pointer` (nothing to do when it is absent).
pub fn clear_field(doc: &Document, pointer: &str) -> Result<Change, EditError> {
    if doc.resolve(pointer).is_none() {
        return Ok(Change {
            edit: Edit::Text(Vec::new()),
            selection: Vec::new(),
        });
    }
    let parent: String = {
        let mut tokens = split_pointer(pointer).unwrap_or_default();
        tokens.pop();
        join_pointer(&tokens)
    };
    change(
        doc,
        Edit::Remove {
            pointer: pointer.into(),
        },
        &parent,
    )
}

/// Rename the state at `pointer`, with every transition naming it.
pub fn rename_state(doc: &Document, pointer: &str, name: &str) -> Result<Change, EditError> {
    let edit = Edit::RenameState {
        pointer: pointer.into(),
        name: name.into(),
    };
    let mut tokens = split_pointer(pointer).unwrap_or_default();
    tokens.pop();
    tokens.push(name.into());
    change(doc, edit, &join_pointer(&tokens))
}

/// The workflow's `Comment` (removed when `None`).
pub fn set_comment(doc: &Document, comment: Option<&str>) -> Result<Change, EditError> {
    match comment {
        Some(text) => set_field(doc, "/Comment", &write_compact(&Value::String(text.into()))),
        None => clear_field(doc, "/Comment"),
    }
}

/// The workflow's `TimeoutSeconds` (removed when `None`).
pub fn set_timeout_seconds(doc: &Document, seconds: Option<u64>) -> Result<Change, EditError> {
    match seconds {
        Some(s) => set_field(doc, "/TimeoutSeconds", &format!("{s}")),
        None => clear_field(doc, "/TimeoutSeconds"),
    }
}

/// The workflow's `QueryLanguage`; JSONPath, the default, is written only when the field
/// is there already.
pub fn set_query_language(doc: &Document, language: QueryLanguage) -> Result<Change, EditError> {
    let present = doc.resolve("/QueryLanguage").is_some();
    match language {
        QueryLanguage::JsonPath if !present => clear_field(doc, "/QueryLanguage"),
        _ => set_field(
            doc,
            "/QueryLanguage",
            &write_compact(&Value::String(language.name().into())),
        ),
    }
}
