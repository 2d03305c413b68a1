//! Retriers and catchers.

use super::json::{child_pointer, At, Field, Json};
use alloc::string::String;

/// One element of `Retry`.
#[derive(Clone)]
pub struct Retrier<'d> {
    pub json: Json<'d>,
    pub pointer: String,
}

/// One element of `Catch`.
#[derive(Clone)]
pub struct Catcher<'d> {
    pub json: Json<'d>,
    pub pointer: String,
}

impl<'d> Retrier<'d> {
    /// `ErrorEquals`.
    pub fn error_equals(&self) -> Option<Field<'d>> {
        self.json.get("ErrorEquals")
    }

    /// Where the field `key` is.
    pub fn at<'k>(&'k self, key: &'k str) -> At<'k> {
        At::new(&self.pointer, key)
    }

    /// Pointer of a field.
    pub fn field_pointer(&self, key: &str) -> String {
        child_pointer(&self.pointer, key)
    }
}

impl<'d> Catcher<'d> {
    /// `ErrorEquals`.
    pub fn error_equals(&self) -> Option<Field<'d>> {
        self.json.get("ErrorEquals")
    }

    /// `Next` as a string.
    pub fn next(&self) -> Option<&'d str> {
        self.json.get("Next")?.value.as_str()
    }

    /// Where the field `key` is.
    pub fn at<'k>(&'k self, key: &'k str) -> At<'k> {
        At::new(&self.pointer, key)
    }

    /// Pointer of a field.
    pub fn field_pointer(&self, key: &str) -> String {
        child_pointer(&self.pointer, key)
    }
}
