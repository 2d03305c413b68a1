//! `States.UUID()`: a version-4 UUID drawn from the execution's seeded generator.

use crate::rng::Rng;
use crate::Value;

/// A fresh v4 UUID string.
pub fn uuid(rng: &mut Rng) -> Value {
    Value::String(rng.uuid_v4())
}
