//! Fresh state names. State names are unique in the whole machine (nested scopes
//! included) and have 1 to 80 characters; a taken name gets the first free ` (n)`.

use crate::json::tree::Document;
use alloc::format;
use alloc::string::String;

const MAX_NAME_CHARS: usize = 80;

/// `base` if no state has that name (nor any in `also_taken`), else `base (1)`, `base (2)`,
/// …; a base already ending in ` (n)` counts on from its stem, so copies of `A (1)` are
/// `A (2)`, not `A (1) (1)`. An empty base is `State`.
pub fn unique_name(doc: &Document, base: &str, also_taken: &[String]) -> String {
    let names = doc.all_state_names();
    let taken = |n: &str| names.contains(&n) || also_taken.iter().any(|t| t == n);
    // A name of white space only would read as no name at all.
    let base = truncate(
        if base.trim().is_empty() {
            "State"
        } else {
            base
        },
        MAX_NAME_CHARS,
    );
    if !base.is_empty() && !taken(&base) {
        return base;
    }
    let stem = stem_of(&base);
    (1..)
        .map(|n| {
            let suffix = format!(" ({n})");
            let room = MAX_NAME_CHARS - suffix.chars().count();
            format!("{}{suffix}", truncate(stem, room))
        })
        .find(|candidate| !taken(candidate))
        .unwrap_or_default()
}

/// `name` without a trailing ` (n)`.
fn stem_of(name: &str) -> &str {
    let Some(open) = name
        .strip_suffix(')')
        .and_then(|s| s.rfind(" (").map(|at| (s, at)))
    else {
        return name;
    };
    let (inner, at) = open;
    let digits = &inner[at + 2..];
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        &name[..at]
    } else {
        name
    }
}

fn truncate(text: &str, chars: usize) -> String {
    text.chars().take(chars).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::tree::parse_document;
    use alloc::vec;

    #[test]
    fn counts_on_from_the_first_free_suffix() {
        let doc = parse_document(
            r#"{"StartAt": "A", "States": {"Lambda Invoke": {"Type": "Succeed"},
               "P": {"Type": "Parallel", "End": true, "Branches": [
                 {"StartAt": "Lambda Invoke (1)", "States": {"Lambda Invoke (1)": {"Type": "Succeed"}}}]}}}"#,
        );
        assert_eq!(unique_name(&doc, "Pass", &[]), "Pass");
        assert_eq!(unique_name(&doc, "Lambda Invoke", &[]), "Lambda Invoke (2)");
        assert_eq!(
            unique_name(&doc, "Lambda Invoke (1)", &[]),
            "Lambda Invoke (2)"
        );
        assert_eq!(
            unique_name(&doc, "Lambda Invoke", &vec!["Lambda Invoke (2)".into()]),
            "Lambda Invoke (3)"
        );
        assert_eq!(unique_name(&doc, "A (x)", &[]), "A (x)");
        assert_eq!(unique_name(&doc, " ", &[]), "State");
        let long: String = "n".repeat(90);
        assert_eq!(unique_name(&doc, &long, &[]).chars().count(), 80);
    }
}
