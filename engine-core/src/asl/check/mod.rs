//! The validator's passes over the views. Each file checks one part of the language and
//! pushes diagnostics into the shared [`Checker`]; none stops at the first problem.

mod choice;
mod errors;
mod flow;
mod jsonata;
mod machine;
mod map;
mod names;
mod paths;
mod state;
mod templates;
pub(super) mod values;
mod variables;
mod walk;

use super::codes;
use super::diagnostic::{Diagnostic, Severity};
use super::view::Machine;
use crate::json::tree::{Document, Span};
use alloc::string::String;
use alloc::vec::Vec;

/// Parallel/Map nesting deeper than this is reported, not walked.
pub const MAX_MACHINE_DEPTH: usize = 64;

/// Collects diagnostics while the passes run.
pub struct Checker<'d> {
    pub doc: &'d Document,
    out: Vec<Diagnostic>,
}

impl<'d> Checker<'d> {
    fn new(doc: &'d Document) -> Checker<'d> {
        Checker {
            doc,
            out: Vec::new(),
        }
    }

    /// Report an error.
    pub fn error(&mut self, code: &'static str, pointer: String, span: Span, message: String) {
        self.push(Severity::Error, code, pointer, span, message);
    }

    /// Report a warning.
    pub fn warning(&mut self, code: &'static str, pointer: String, span: Span, message: String) {
        self.push(Severity::Warning, code, pointer, span, message);
    }

    fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        pointer: String,
        span: Span,
        message: String,
    ) {
        self.out.push(Diagnostic {
            severity,
            code,
            message,
            pointer,
            span,
            line: 0,
            column: 0,
        });
    }

    /// The diagnostics, located and in text order (errors first at equal positions).
    fn finish(mut self) -> Vec<Diagnostic> {
        for d in &mut self.out {
            let at = self.doc.line_col(d.span.start);
            d.line = at.line;
            d.column = at.column;
        }
        crate::sort::sort_by_key(&mut self.out, |d| (d.span.start, d.severity));
        self.out
    }
}

/// Check the whole document.
pub fn run(doc: &Document) -> Vec<Diagnostic> {
    let mut c = Checker::new(doc);
    if doc.text().trim().is_empty() {
        c.error(
            codes::MISSING_DESCRIPTION,
            String::new(),
            Span::new(0, 0),
            "The definition is empty".into(),
        );
        return c.finish();
    }
    for e in doc.syntax_errors() {
        c.error(
            codes::INVALID_JSON_DESCRIPTION,
            String::new(),
            e.span,
            e.message.clone(),
        );
    }
    match doc.root() {
        None => {}
        Some(root) => match Machine::view(doc) {
            Some(top) => {
                let states = names::all_states(&top);
                names::check(&mut c, &states);
                // `extend` inserts one by one; `collect` would add a copy of the stable sort.
                let mut all = names::AllNames::new();
                all.extend(states.iter().map(|s| s.name));
                machine::check(&mut c, &top);
                variables::check(&mut c, &top);
                flow::check(&mut c, root, &states, &all);
            }
            None => {
                let span = doc.node(root).span;
                let found = super::view::Json::new(doc, root).type_name();
                c.error(
                    codes::ROOT_NOT_OBJECT,
                    String::new(),
                    span,
                    alloc::format!(
                        "A state machine definition is a JSON object, not {}",
                        article(found)
                    ),
                );
            }
        },
    }
    c.finish()
}

/// "an object", "a string" …
pub fn article(type_name: &str) -> String {
    let a = if matches!(
        type_name.as_bytes().first(),
        Some(b'a' | b'e' | b'i' | b'o' | b'u')
    ) {
        "an"
    } else {
        "a"
    };
    alloc::format!("{a} {type_name}")
}
