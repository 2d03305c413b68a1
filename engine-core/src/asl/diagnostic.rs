//! What validation reports: a severity, a stable code, a message, and where.

use crate::json::tree::Span;
use alloc::string::String;

/// `ERROR` blocks a definition; `WARNING` does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// `ERROR` or `WARNING`, as ValidateStateMachineDefinition spells them.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "ERROR",
            Severity::Warning => "WARNING",
        }
    }
}

/// One problem found in a definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable identifier from [`codes`](super::codes) (see CODES.md for a snippet of each).
    pub code: &'static str,
    pub message: String,
    /// RFC 6901 pointer of the value concerned (`""` for the whole document).
    pub pointer: String,
    /// The text to underline.
    pub span: Span,
    /// 1-based line of `span.start`.
    pub line: u32,
    /// 1-based column of `span.start`, in characters.
    pub column: u32,
}

impl Diagnostic {
    /// True for an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}
