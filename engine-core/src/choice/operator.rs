//! Comparison operators of Choice rules (`StringEquals`, `NumericLessThanPath`, …) and
//! the `Is*` type tests. Comparing values of the wrong type is `false`, never an error.

use super::string_matches::Pattern;
use super::timestamp::{parse_timestamp, Timestamp};
use crate::Value;
use core::cmp::Ordering;

/// What kind of values an operator compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    String,
    Numeric,
    Boolean,
    Timestamp,
}

/// How the two operands must relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    Equals,
    LessThan,
    GreaterThan,
    LessThanEquals,
    GreaterThanEquals,
}

impl Relation {
    fn holds(self, o: Ordering) -> bool {
        match self {
            Relation::Equals => o.is_eq(),
            Relation::LessThan => o.is_lt(),
            Relation::GreaterThan => o.is_gt(),
            Relation::LessThanEquals => o.is_le(),
            Relation::GreaterThanEquals => o.is_ge(),
        }
    }
}

/// A comparison operator: a family and a relation, or `StringMatches`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comparison {
    Compare(Family, Relation),
    StringMatches,
}

/// The `Is*` type tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeTest {
    IsNull,
    IsPresent,
    IsNumeric,
    IsString,
    IsBoolean,
    IsTimestamp,
}

const FAMILIES: [(&str, Family); 4] = [
    ("String", Family::String),
    ("Numeric", Family::Numeric),
    ("Boolean", Family::Boolean),
    ("Timestamp", Family::Timestamp),
];

const RELATIONS: [(&str, Relation); 5] = [
    ("Equals", Relation::Equals),
    ("LessThanEquals", Relation::LessThanEquals),
    ("GreaterThanEquals", Relation::GreaterThanEquals),
    ("LessThan", Relation::LessThan),
    ("GreaterThan", Relation::GreaterThan),
];

/// Recognise a comparison key: `(operator, is the Path twin)`.
pub fn comparison_from_key(key: &str) -> Option<(Comparison, bool)> {
    let (base, is_path) = match key.strip_suffix("Path") {
        Some(b) => (b, true),
        None => (key, false),
    };
    if base == "StringMatches" {
        // StringMatches has no Path twin.
        return (!is_path).then_some((Comparison::StringMatches, false));
    }
    for (prefix, family) in FAMILIES {
        if let Some(rest) = base.strip_prefix(prefix) {
            for (suffix, relation) in RELATIONS {
                if rest == suffix && (family != Family::Boolean || relation == Relation::Equals) {
                    return Some((Comparison::Compare(family, relation), is_path));
                }
            }
        }
    }
    None
}

/// Recognise an `Is*` key.
pub fn type_test_from_key(key: &str) -> Option<TypeTest> {
    Some(match key {
        "IsNull" => TypeTest::IsNull,
        "IsPresent" => TypeTest::IsPresent,
        "IsNumeric" => TypeTest::IsNumeric,
        "IsString" => TypeTest::IsString,
        "IsBoolean" => TypeTest::IsBoolean,
        "IsTimestamp" => TypeTest::IsTimestamp,
        _ => return None,
    })
}

impl TypeTest {
    /// Whether a present value passes the test (IsPresent is decided by the caller).
    pub fn holds(self, v: &Value) -> bool {
        match self {
            TypeTest::IsNull => v.is_null(),
            TypeTest::IsPresent => true,
            TypeTest::IsNumeric => matches!(v, Value::Number(_)),
            TypeTest::IsString => matches!(v, Value::String(_)),
            TypeTest::IsBoolean => matches!(v, Value::Bool(_)),
            TypeTest::IsTimestamp => v.as_str().is_some_and(|s| parse_timestamp(s).is_some()),
        }
    }
}

/// A literal right-hand side, checked and pre-parsed at compile time.
#[derive(Clone, Debug)]
pub enum Literal {
    String(alloc::string::String),
    Number(crate::Number),
    Boolean(bool),
    Timestamp(Timestamp),
    Pattern(Pattern),
}

impl Literal {
    /// Check `v` against what `op` takes.
    pub fn for_operator(op: Comparison, v: &Value) -> Option<Literal> {
        Some(match (op, v) {
            (Comparison::StringMatches, Value::String(s)) => Literal::Pattern(Pattern::compile(s)),
            (Comparison::Compare(Family::String, _), Value::String(s)) => Literal::String(s.clone()),
            (Comparison::Compare(Family::Numeric, _), Value::Number(n)) => Literal::Number(*n),
            (Comparison::Compare(Family::Boolean, _), Value::Bool(b)) => Literal::Boolean(*b),
            (Comparison::Compare(Family::Timestamp, _), Value::String(s)) => Literal::Timestamp(parse_timestamp(s)?),
            _ => return None,
        })
    }

    /// `left <op> self`.
    pub fn compare(&self, op: Comparison, left: &Value) -> bool {
        match (op, self) {
            (Comparison::StringMatches, Literal::Pattern(p)) => left.as_str().is_some_and(|s| p.matches(s)),
            (Comparison::Compare(_, rel), Literal::String(r)) => {
                left.as_str().is_some_and(|l| rel.holds(java_string_order(l, r)))
            }
            (Comparison::Compare(_, rel), Literal::Number(r)) => {
                left.as_number().and_then(|l| l.partial_cmp(r)).is_some_and(|o| rel.holds(o))
            }
            (Comparison::Compare(_, rel), Literal::Boolean(r)) => left.as_bool().is_some_and(|l| rel.holds(l.cmp(r))),
            (Comparison::Compare(_, rel), Literal::Timestamp(r)) => left
                .as_str()
                .and_then(parse_timestamp)
                .is_some_and(|l| rel.holds(l.cmp(r))),
            _ => false,
        }
    }
}

/// `left <op> right` where both sides came from the input (the `*Path` twins).
pub fn compare_values(op: Comparison, left: &Value, right: &Value) -> bool {
    let Comparison::Compare(family, rel) = op else {
        return false;
    };
    let order = match (family, left, right) {
        (Family::String, Value::String(l), Value::String(r)) => Some(java_string_order(l, r)),
        (Family::Numeric, Value::Number(l), Value::Number(r)) => l.partial_cmp(r),
        (Family::Boolean, Value::Bool(l), Value::Bool(r)) => Some(l.cmp(r)),
        (Family::Timestamp, Value::String(l), Value::String(r)) => {
            parse_timestamp(l).zip(parse_timestamp(r)).map(|(l, r)| l.cmp(&r))
        }
        _ => None,
    };
    order.is_some_and(|o| rel.holds(o))
}

/// String order as AWS (Java) compares: by UTF-16 code units.
fn java_string_order(a: &str, b: &str) -> Ordering {
    if a.is_ascii() || b.is_ascii() {
        // Code-point order equals UTF-16 order whenever no supplementary character meets
        // a character at U+E000 or above; ASCII on either side rules that out.
        return a.cmp(b);
    }
    a.encode_utf16().cmp(b.encode_utf16())
}
