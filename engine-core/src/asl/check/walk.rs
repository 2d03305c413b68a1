//! Every string inside a field value, with its pointer and the member key it sits under
//! (array items inherit their array's key): what the expression checks read.

use crate::asl::view::{child_pointer, index_pointer, Json};
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

/// One string value found under a field.
pub struct Found<'d> {
    /// The nearest member key above the string.
    pub key: &'d str,
    pub value: Json<'d>,
    pub text: &'d str,
    pub pointer: String,
}

/// The strings in `json` (the value of member `key` at `pointer`), depth first.
pub fn strings<'d>(key: &'d str, json: Json<'d>, pointer: String) -> Vec<Found<'d>> {
    let mut out = Vec::new();
    let mut stack = vec![(key, json, pointer)];
    while let Some((key, json, pointer)) = stack.pop() {
        if let Some(text) = json.as_str() {
            out.push(Found {
                key,
                value: json,
                text,
                pointer,
            });
            continue;
        }
        for (i, item) in json.items().enumerate() {
            stack.push((key, item, index_pointer(&pointer, i)));
        }
        for m in json.fields() {
            stack.push((m.key, m.value, child_pointer(&pointer, m.key)));
        }
    }
    out
}
