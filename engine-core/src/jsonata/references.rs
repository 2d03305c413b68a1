//! What an expression reads: every `$name` it looks up and every name it binds itself
//! (`:=`, lambda parameters, `@$v` and `#$i`), for static checks such as a validator's
//! undefined-variable warning. Read from the processed tree, never from the text.

use super::ast::{Expr, Kind, Stage};
use super::Expression;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

/// One `$name` read (neither `$` nor `$$`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VariableRead {
    /// The name without `$`.
    pub name: String,
    /// Character offset of the `$` in the source.
    pub position: usize,
    /// The field the next path step names (`result` in `$states.result`).
    pub member: Option<String>,
}

/// Variables an expression reads and the names it binds itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct References {
    /// Reads in source order.
    pub reads: Vec<VariableRead>,
    /// Names bound anywhere inside the expression.
    pub bound: Vec<String>,
}

impl References {
    /// True when the expression itself binds `name` somewhere (a lenient, scope-blind test).
    pub fn binds(&self, name: &str) -> bool {
        self.bound.iter().any(|b| b == name)
    }
}

impl Expression {
    /// The variables this expression reads and the names it binds.
    pub fn references(&self) -> References {
        let mut out = References::default();
        let mut stack = vec![&*self.ast];
        while let Some(e) = stack.pop() {
            visit(e, &mut out, &mut stack);
        }
        crate::sort::sort_by_key(&mut out.reads, |r| r.position);
        out
    }
}

/// Records what `e` itself reads or binds and queues its children.
fn visit<'a>(e: &'a Expr, out: &mut References, stack: &mut Vec<&'a Expr>) {
    annotations(e, out, stack);
    match &e.kind {
        Kind::Variable(name) => read(out, name, e.pos, None),
        Kind::Path { steps, .. } => {
            for (i, step) in steps.iter().enumerate() {
                if let (Kind::Variable(name), Some(Kind::Name(member))) =
                    (&step.kind, steps.get(i + 1).map(|s| &s.kind))
                {
                    read(out, name, step.pos, Some(member));
                    annotations(step, out, stack);
                } else {
                    stack.push(step);
                }
            }
        }
        Kind::Binary { lhs, rhs, .. } | Kind::Apply { lhs, rhs } => {
            stack.push(lhs);
            stack.push(rhs);
        }
        Kind::Negate(inner) => stack.push(inner),
        Kind::Array(items) | Kind::Block(items) => stack.extend(items),
        Kind::Object(pairs) => stack.extend(pairs.iter().flat_map(|(k, v)| [k, v])),
        Kind::Condition {
            condition,
            then,
            otherwise,
        } => {
            stack.push(condition);
            stack.push(then);
            stack.extend(otherwise.as_deref());
        }
        Kind::Bind { name, value } => {
            out.bound.push(String::from(&**name));
            stack.push(value);
        }
        Kind::Call { procedure, args } => {
            stack.push(procedure);
            stack.extend(args);
        }
        Kind::Partial { procedure, args } => {
            stack.push(procedure);
            stack.extend(args.iter().flatten());
        }
        Kind::Lambda(def) => {
            out.bound
                .extend(def.params.iter().map(|p| String::from(&**p)));
            stack.push(&def.body);
        }
        Kind::Transform(def) => {
            stack.push(&def.pattern);
            stack.push(&def.update);
            stack.extend(def.delete.as_ref());
        }
        Kind::Sort(terms) => stack.extend(terms.iter().map(|t| &t.expr)),
        Kind::Name(_)
        | Kind::Wildcard
        | Kind::Descendant
        | Kind::Parent(_)
        | Kind::String(_)
        | Kind::Number(_)
        | Kind::Null
        | Kind::Bool(_)
        | Kind::Regex(_) => {}
    }
}

/// A step's bindings (`@$v`, `#$i`), predicate filters and grouping pairs.
fn annotations<'a>(e: &'a Expr, out: &mut References, stack: &mut Vec<&'a Expr>) {
    for name in [&e.focus, &e.index].into_iter().flatten() {
        out.bound.push(String::from(&**name));
    }
    for stage in e.predicate.iter().chain(&e.stages) {
        match stage {
            Stage::Filter(f) => stack.push(f),
            Stage::Index(name) => out.bound.push(String::from(&**name)),
        }
    }
    if let Some(g) = &e.group {
        stack.extend(g.pairs.iter().flat_map(|(k, v)| [k, v]));
    }
}

fn read(out: &mut References, name: &str, end: usize, member: Option<&str>) {
    // `$` is the context and `$$` the root, not variables.
    if name.is_empty() || name == "$" {
        return;
    }
    out.reads.push(VariableRead {
        name: String::from(name),
        position: end.saturating_sub(name.chars().count() + 1),
        member: member.map(String::from),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(src: &str) -> References {
        Expression::parse(src).unwrap().references()
    }

    fn names(r: &References) -> Vec<(&str, usize, Option<&str>)> {
        r.reads
            .iter()
            .map(|v| (v.name.as_str(), v.position, v.member.as_deref()))
            .collect()
    }

    #[test]
    fn member_after_a_variable() {
        let r = refs(" $states.result.Payload & $x");
        assert_eq!(names(&r), [("states", 1, Some("result")), ("x", 26, None)]);
    }

    #[test]
    fn context_and_root_are_not_variables() {
        assert!(refs("$.a & $$.b").reads.is_empty());
    }

    #[test]
    fn local_bindings_and_parameters() {
        let r = refs("($f := function($v){ $v + $w }; $f(1) ~> $string)");
        assert!(r.binds("f") && r.binds("v") && !r.binds("w"));
        let read: Vec<&str> = r.reads.iter().map(|v| v.name.as_str()).collect();
        // `$f :=` writes $f; the reads are the body's, the call and the chained function.
        assert_eq!(read, ["v", "w", "f", "string"]);
    }

    #[test]
    fn focus_index_and_predicates() {
        let r = refs("items@$i#$n[$n > $limit].{ 'k': $i }");
        assert!(r.binds("i") && r.binds("n"));
        assert!(r.reads.iter().any(|v| v.name == "limit"));
    }
}
