//! A first, plain picture of a machine: every state as a box, nested Parallel branches
//! and Map processors indented under their parent, in definition order.

use engine_core::Value;

/// One state's box in the outline.
#[derive(Clone, Debug, PartialEq)]
pub struct OutlineNode {
    pub name: String,
    pub state_type: String,
    pub depth: usize,
    pub row: usize,
}

/// The states of `definition`, depth-first, each with its nesting depth.
pub fn outline(definition: &Value) -> Vec<OutlineNode> {
    let mut nodes = Vec::new();
    walk(definition, 0, &mut nodes);
    nodes
}

fn walk(machine: &Value, depth: usize, out: &mut Vec<OutlineNode>) {
    // Bounded so a hostile paste cannot exhaust the stack.
    if depth > 64 {
        return;
    }
    let Some(states) = machine.get("States").and_then(Value::as_object) else { return };
    for (name, state) in states {
        let state_type = state.get("Type").and_then(Value::as_str).unwrap_or("?").to_string();
        out.push(OutlineNode { name: name.clone(), state_type, depth, row: out.len() });
        if let Some(branches) = state.get("Branches").and_then(Value::as_array) {
            for branch in branches {
                walk(branch, depth + 1, out);
            }
        }
        for key in ["ItemProcessor", "Iterator"] {
            if let Some(processor) = state.get(key) {
                walk(processor, depth + 1, out);
            }
        }
    }
}
