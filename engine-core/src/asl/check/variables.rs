//! What expressions read: `$states.result` and `$states.errorOutput` where AWS leaves
//! them out of `$states`, and workflow variables no `Assign` in scope writes.
//!
//! Scopes follow the interpreter's (`run/variables.rs`): a machine sees the names its
//! own states, Choice rules and catchers assign plus those of the enclosing machines; a
//! Parallel branch or inline Map processor reads outward, a distributed Map's processor
//! starts empty, and nothing an inner scope assigns is seen outside it. The test is not
//! flow-sensitive: any `Assign` in scope counts, wherever it runs.

use super::jsonata::NOT_EVALUATED;
use super::paths::inner_span;
use super::{codes, walk, Checker, MAX_MACHINE_DEPTH};
use crate::asl::view::{child_pointer, Json, Machine, QueryLanguage, State, StateType};
use crate::intrinsic::{is_intrinsic, Arg, Call, Intrinsic};
use crate::json::tree::Span;
use crate::jsonata::{is_library_function, Expression};
use crate::path::CompiledPath;
use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

/// The names visible in one machine, and those of them that bind it (assigned in an
/// enclosing scope by a state or Choice rule: an inner scope may not assign them).
#[derive(Clone, Default)]
struct Scope {
    visible: Vec<String>,
    binding: Vec<String>,
}

/// Check every machine of `top`, each with the variables visible in it.
pub fn check<'d>(c: &mut Checker<'d>, top: &Machine<'d>) {
    let mut stack = vec![(top.clone(), Scope::default())];
    while let Some((m, outer)) = stack.pop() {
        if m.depth > MAX_MACHINE_DEPTH {
            continue;
        }
        let states = m.states();
        let mut inner = outer.clone();
        for a in states.iter().flat_map(assignments) {
            if outer.binding.contains(&a.name) {
                c.error(
                    codes::OUTER_VARIABLE_ASSIGNED,
                    a.pointer.clone(),
                    a.key_span,
                    format!("The variable '{}' is assigned in an enclosing scope: a Parallel branch or Map iteration can read it but not assign it", a.name),
                );
            }
            add(&mut inner.visible, &a.name);
            if !a.by_catcher {
                // AWS accepts a catcher of the Parallel or Map state reusing a branch's name.
                add(&mut inner.binding, &a.name);
            }
        }
        for s in &states {
            reads(c, s, &inner.visible);
            for branch in s.branches(&m) {
                stack.push((branch, inner.clone()));
            }
            if let Some(p) = s.processor(&m) {
                let scope = if distributed(p.json) {
                    Scope::default()
                } else {
                    inner.clone()
                };
                stack.push((p, scope));
            }
        }
    }
}

fn add(names: &mut Vec<String>, name: &str) {
    if !names.iter().any(|n| n == name) {
        names.push(String::from(name));
    }
}

/// One name an `Assign` writes.
struct Assignment {
    name: String,
    pointer: String,
    key_span: Span,
    by_catcher: bool,
}

/// The names `s` assigns: its own `Assign`, its Choice rules' and its catchers'.
fn assignments(s: &State) -> Vec<Assignment> {
    let mut objects: Vec<(Json, String, bool)> = s
        .field("Assign")
        .map(|f| (f.value, s.field_pointer("Assign"), false))
        .into_iter()
        .collect();
    for key in ["Choices", "Catch"] {
        for (i, item) in s
            .field(key)
            .into_iter()
            .flat_map(|f| f.value.items())
            .enumerate()
        {
            if let Some(f) = item.get("Assign") {
                let pointer = format!("{}/{i}/Assign", s.field_pointer(key));
                objects.push((f.value, pointer, key == "Catch"));
            }
        }
    }
    let mut out = Vec::new();
    for (object, pointer, by_catcher) in objects {
        for m in object.fields() {
            let name = match s.query_language {
                QueryLanguage::JsonPath => m.key.strip_suffix(".$").unwrap_or(m.key),
                QueryLanguage::Jsonata => m.key,
            };
            out.push(Assignment {
                name: String::from(name),
                pointer: child_pointer(&pointer, m.key),
                key_span: m.key_span,
                by_catcher,
            });
        }
    }
    out
}

fn distributed(processor: Json) -> bool {
    processor
        .get("ProcessorConfig")
        .and_then(|f| f.value.get("Mode"))
        .and_then(|f| f.value.as_str())
        == Some("DISTRIBUTED")
}

/// Where an expression sits: the state field, and for a catcher or Choice rule the
/// field inside it.
struct Place<'a> {
    state_type: Option<StateType>,
    field: &'a str,
    inner: Option<&'a str>,
}

impl Place<'_> {
    /// Why `$states.<member>` is absent here (`None` when AWS's rules provide it).
    fn unavailable(&self, member: &str) -> Option<String> {
        let output_or_assign = |k: &str| k == "Output" || k == "Assign";
        let available = match member {
            "input" | "context" => true,
            "result" => {
                self.inner.is_none()
                    && output_or_assign(self.field)
                    && matches!(
                        self.state_type,
                        Some(StateType::Task | StateType::Map | StateType::Parallel)
                    )
            }
            "errorOutput" => self.field == "Catch" && self.inner.is_some_and(output_or_assign),
            _ => {
                return Some(format!(
                    "$states has no member '{member}' (only input, context, result and errorOutput)"
                ))
            }
        };
        if available {
            return None;
        }
        let rule = if member == "result" {
            "only in the Output and Assign of a Task, Map or Parallel state"
        } else {
            "only in a catcher's Output and Assign"
        };
        Some(format!("$states.{member} is available {rule}: here it is absent and the expression fails at run time"))
    }
}

/// Checks the reads in every evaluated field of `s`.
fn reads(c: &mut Checker, s: &State, visible: &[String]) {
    let state_type = s.state_type();
    for f in s.json.fields() {
        if NOT_EVALUATED.contains(&f.key) || f.key == "Result" {
            continue;
        }
        let nested = matches!(f.key, "Catch" | "Choices");
        for found in walk::strings(f.key, f.value, s.field_pointer(f.key)) {
            let place = Place {
                state_type,
                field: f.key,
                inner: nested.then(|| inner_field(&found.pointer, &s.field_pointer(f.key))),
            };
            match s.query_language {
                QueryLanguage::Jsonata => jsonata(c, &found, &place, visible),
                QueryLanguage::JsonPath => {
                    let template = in_template(&found.pointer, &s.pointer);
                    jsonpath(c, &found, template, visible);
                }
            }
        }
    }
}

/// The member of a catcher or Choice rule a pointer lies under (`Output` in
/// `/States/A/Catch/0/Output/x`).
fn inner_field<'p>(pointer: &'p str, field_pointer: &str) -> &'p str {
    let rest = pointer.get(field_pointer.len()..).unwrap_or("");
    rest.split('/').nth(2).unwrap_or("")
}

fn jsonata(c: &mut Checker, found: &walk::Found, place: &Place, visible: &[String]) {
    let Some(source) = found
        .text
        .strip_prefix("{%")
        .and_then(|r| r.strip_suffix("%}"))
    else {
        return;
    };
    let Ok(expression) = Expression::parse(source) else {
        return; // INVALID_JSONATA reports it
    };
    let refs = expression.references();
    for read in &refs.reads {
        let at = || {
            let byte = source
                .char_indices()
                .nth(read.position)
                .map_or(source.len(), |(b, _)| b);
            inner_span(found.value, 2 + byte)
        };
        if read.name == "states" {
            let why = read.member.as_deref().and_then(|m| place.unavailable(m));
            if let Some(message) = why {
                c.warning(
                    codes::STATES_FIELD_UNAVAILABLE,
                    found.pointer.clone(),
                    at(),
                    message,
                );
            }
        } else if refs.binds(&read.name) || visible.contains(&read.name) {
            continue;
        } else if read.name == "eval" {
            // The developer guide: Step Functions leaves `$eval` out of its JSONata.
            c.warning(
                codes::UNDEFINED_VARIABLE,
                found.pointer.clone(),
                at(),
                "$eval is not available in Step Functions: use $parse".into(),
            );
        } else if !is_library_function(&read.name, true) {
            undefined(c, found, at(), &read.name);
        }
    }
}

/// Payload templates: inside them only `.$` keys hold paths (a `…Path` or `Variable`
/// key there is a literal for the called service).
const TEMPLATES: &[&str] = &[
    "Parameters",
    "ResultSelector",
    "ItemSelector",
    "Assign",
    "Result",
    "Credentials",
];

/// True when `pointer` (below the state at `state_pointer`) lies inside a payload template.
fn in_template(pointer: &str, state_pointer: &str) -> bool {
    let rest = pointer.get(state_pointer.len()..).unwrap_or("");
    rest.split('/').any(|token| TEMPLATES.contains(&token))
}

fn jsonpath(c: &mut Checker, found: &walk::Found, template: bool, visible: &[String]) {
    let field = !template && (found.key.ends_with("Path") || found.key == "Variable");
    if !(found.key.ends_with(".$") || field) || found.key == "ResultPath" {
        return;
    }
    let mut paths = Vec::new();
    if is_intrinsic(found.text) && found.key.ends_with(".$") {
        if let Ok(call) = Intrinsic::compile(found.text) {
            call_paths(call.call(), &mut paths);
        }
    } else if let Ok(p) = CompiledPath::compile(found.text) {
        paths.push(p);
    }
    for p in &paths {
        let Some(name) = p.variable() else { continue };
        if visible.iter().any(|v| v == name) {
            continue;
        }
        let at = found
            .text
            .find(p.text())
            .map_or(found.value.span(), |byte| inner_span(found.value, byte));
        undefined(c, found, at, name);
    }
}

/// The path arguments of an intrinsic call, nested calls included.
fn call_paths(call: &Call, out: &mut Vec<CompiledPath>) {
    for arg in &call.args {
        match arg {
            Arg::Path(p) => out.push(p.clone()),
            Arg::Call(inner) => call_paths(inner, out),
            Arg::Literal(_) | Arg::Text { .. } => {}
        }
    }
}

fn undefined(c: &mut Checker, found: &walk::Found, at: Span, name: &str) {
    c.warning(
        codes::UNDEFINED_VARIABLE,
        found.pointer.clone(),
        at,
        format!("The variable '${name}' is not assigned by any state in scope"),
    );
}

#[cfg(test)]
mod tests {
    use crate::asl::validate;
    use crate::json::tree::parse_document;

    /// (code, line, column) of each diagnostic of `text`.
    fn located(text: &str) -> alloc::vec::Vec<(&'static str, u32, u32)> {
        validate(&parse_document(text))
            .into_iter()
            .map(|d| (d.code, d.line, d.column))
            .collect()
    }

    #[test]
    fn carets_sit_on_the_offending_token() {
        // Line 4: `"Output": "{% 1 + $states.result %}"` — the `$` is column 19; line 6 reads `$a` (column 15) and `$gone` (21).
        let text = "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"P\", \"States\": {\n\"P\": {\"Type\": \"Pass\",\n\"Next\": \"Q\",\n\"Output\": \"{% 1 + $states.result %}\"},\n\"Q\": {\"Type\": \"Pass\", \"End\": true,\n\"Output\": \"{% $a &  $gone %}\"}}}";
        assert_eq!(
            located(text),
            [
                ("STATES_FIELD_UNAVAILABLE", 4, 19),
                ("UNDEFINED_VARIABLE", 6, 15),
                ("UNDEFINED_VARIABLE", 6, 21)
            ]
        );
    }

    #[test]
    fn an_escaped_string_points_at_the_whole_value() {
        let text = r#"{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true, "Output": "{% \u0020$gone %}"}}}"#;
        let d = validate(&parse_document(text));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, "UNDEFINED_VARIABLE");
        assert_eq!(d[0].span.start, text.find("\"{%").unwrap());
    }
}
