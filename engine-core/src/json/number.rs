//! JSON numbers that remember whether they were written as integers.

use core::cmp::Ordering;
use core::fmt;

/// A JSON number. Integers that fit an `i64` stay exact; everything else is an `f64`.
/// `1.0` stays a float and prints as `1.0`, as AWS (Jackson) prints it.
#[derive(Clone, Copy, Debug)]
pub enum Number {
    Int(i64),
    Float(f64),
}

impl Number {
    /// The value as a float (exact for integers up to 2^53).
    pub fn as_f64(self) -> f64 {
        match self {
            Number::Int(i) => i as f64,
            Number::Float(f) => f,
        }
    }

    /// The value as an integer when it is one (`2.0` counts), else `None`.
    pub fn as_i64(self) -> Option<i64> {
        match self {
            Number::Int(i) => Some(i),
            Number::Float(f) if f.is_finite() && libm::trunc(f) == f && f.abs() < 9.2e18 => {
                Some(f as i64)
            }
            Number::Float(_) => None,
        }
    }

    /// True when written as an integer (not `1.0`).
    pub fn is_int(self) -> bool {
        matches!(self, Number::Int(_))
    }

    /// A number from a float, kept as an integer when it is integral and in range;
    /// for results of arithmetic where JavaScript-style numbers are wanted.
    pub fn from_f64_normalized(f: f64) -> Number {
        if f.is_finite() && libm::trunc(f) == f && f.abs() < 9.007_199_254_740_992e15 {
            Number::Int(f as i64)
        } else {
            Number::Float(f)
        }
    }
}

impl PartialEq for Number {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Number::Int(a), Number::Int(b)) => a == b,
            _ => self.as_f64() == other.as_f64(),
        }
    }
}

impl PartialOrd for Number {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        match (self, other) {
            (Number::Int(a), Number::Int(b)) => Some(a.cmp(b)),
            _ => self.as_f64().partial_cmp(&other.as_f64()),
        }
    }
}

impl From<i64> for Number {
    fn from(i: i64) -> Self {
        Number::Int(i)
    }
}

impl From<f64> for Number {
    fn from(f: f64) -> Self {
        Number::Float(f)
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Number::Int(i) => write!(f, "{i}"),
            // JSON has no NaN or infinity; AWS cannot produce them either.
            Number::Float(x) if !x.is_finite() => f.write_str("null"),
            Number::Float(x) if libm::trunc(x) == x && x.abs() < 1e16 => write!(f, "{x:.1}"),
            Number::Float(x) => write!(f, "{x}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn floats_keep_their_point() {
        assert_eq!(Number::Float(1.0).to_string(), "1.0");
        assert_eq!(Number::Float(1.5).to_string(), "1.5");
        assert_eq!(Number::Int(-3).to_string(), "-3");
    }

    #[test]
    fn int_and_float_compare_by_value() {
        assert_eq!(Number::Int(2), Number::Float(2.0));
        assert!(Number::Int(2) < Number::Float(2.5));
        assert_eq!(Number::Float(2.0).as_i64(), Some(2));
        assert_eq!(Number::Float(2.5).as_i64(), None);
    }
}
