//! Round-trip properties of the lossless document tree, one named test per corpus file
//! and per generated seed:
//! - the text comes back byte for byte;
//! - it accepts exactly what the strict runtime parser accepts, and reads the same value;
//! - rewritten in other styles (2 and 4 spaces, tabs, CRLF, one line), the document
//!   keeps every lexeme, escape and key order (duplicates too), and rewriting is stable;
//! - definitions inside case files, written out on their own, pass the same checks;
//! - damaged text gives errors, never a panic, with every span inside the text;
//! - random edits (set, add, remove, insert) keep the text valid, put the value where
//!   the pointer says, and their inverse restores the text byte for byte.

mod common;
#[path = "support/doc_gen.rs"]
mod doc_gen;

use engine_core::json::parse_value;
use engine_core::json::tree::{
    join_pointer, parse_document, split_pointer, Document, Edit, NodeId, NodeKind, Style,
};
use engine_core::rng::Rng;
use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};

fn main() {
    let args = Arguments::from_args();
    let shared = common::shared_dir();
    let mut files = Vec::new();
    collect_json(&shared.join("conformance"), &mut files);
    collect_json(&shared.join("examples"), &mut files);
    files.sort();
    let mut trials: Vec<Trial> = files
        .into_iter()
        .map(|path| {
            let name = format!(
                "corpus::{}",
                path.strip_prefix(&shared).unwrap_or(&path).display()
            );
            Trial::test(name, move || corpus_file(&path))
        })
        .collect();
    for seed in 0..100u64 {
        trials.push(Trial::test(format!("generated::{seed}"), move || {
            generated(seed)
        }));
    }
    libtest_mimic::run(&args, trials).exit();
}

fn collect_json(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_json(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

fn styles() -> Vec<Style> {
    let crlf = Style {
        newline: "\r\n".into(),
        ..Style::pretty("  ")
    };
    vec![
        Style::pretty("  "),
        Style::pretty("    "),
        Style::pretty("\t"),
        crlf,
        Style::compact(),
        Style {
            comma: ", ".into(),
            colon: ": ".into(),
            ..Style::compact()
        },
    ]
}

fn corpus_file(path: &Path) -> Result<(), Failed> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("read: {e}"))?;
    let doc = check_text(&text)?;
    let root = doc.root().ok_or("no root")?;
    // A case file's definition, taken out and written on its own in every style.
    if let Some(definition) = doc.get(root, "definition") {
        if matches!(doc.node(definition).kind, NodeKind::Object(_)) {
            for style in styles() {
                let alone = doc.write_node(definition, &style, "");
                let reparsed = check_text(&alone)?;
                same_tokens(
                    &doc,
                    definition,
                    &reparsed,
                    reparsed.root().ok_or("no root")?,
                )?;
            }
        }
    }
    Ok(())
}

fn generated(seed: u64) -> Result<(), Failed> {
    let mut rng = Rng::seeded(seed);
    let mut applied = 0;
    for _ in 0..20 {
        let text = doc_gen::json_text(&mut rng, 6);
        check_text(&text)?;
        applied += check_edits(&mut rng, &text)?;
        for _ in 0..5 {
            check_damaged(&doc_gen::mutate(&mut rng, &text))?;
        }
    }
    check_text(&doc_gen::state_machine(20 + seed as usize, seed))?;
    if applied < 10 {
        return Err(format!("only {applied} of 80 random edits applied").into());
    }
    Ok(())
}

/// The properties of valid text; returns its document.
fn check_text(text: &str) -> Result<Document, Failed> {
    let doc = parse_document(text);
    if doc.text() != text {
        return Err("text not kept byte for byte".into());
    }
    if let Some(e) = doc.syntax_errors().first() {
        return Err(format!(
            "unexpected syntax error {:?} at {:?}",
            e.message,
            doc.line_col(e.span.start)
        )
        .into());
    }
    let strict = parse_value(text).map_err(|e| format!("the strict parser rejects it: {e}"))?;
    let root = doc.root().ok_or("no root")?;
    if doc.to_value(root) != strict {
        return Err("to_value differs from the strict parser's value".into());
    }
    check_pointers(&doc)?;
    for style in styles() {
        let rewritten = doc.reformat(&style);
        let again = parse_document(&rewritten);
        if !again.syntax_errors().is_empty() {
            return Err(format!(
                "rewritten in {style:?} it no longer parses: {:?}",
                again.syntax_errors()[0]
            )
            .into());
        }
        same_tokens(&doc, root, &again, again.root().ok_or("no root")?)?;
        if again.reformat(&style) != rewritten {
            return Err(format!("rewriting in {style:?} is not stable").into());
        }
        let detected = Style::detect(&again);
        let same_layout = (&detected.indent, &detected.newline, &detected.colon)
            == (&style.indent, &style.newline, &style.colon);
        if !style.is_one_line() && !same_layout && multi_level(&again) {
            return Err(format!("detected {detected:?}, written in {style:?}").into());
        }
    }
    Ok(doc)
}

/// True when some container holds a non-empty object member after its first: then the
/// document shows its indentation, colon and comma conventions.
fn multi_level(doc: &Document) -> bool {
    (0..doc.node_count()).any(|i| doc.members(NodeId(i as u32)).len() > 1)
}

/// Damaged text: never a panic; errors exactly when the strict parser rejects it; spans
/// inside the text on character boundaries.
fn check_damaged(text: &str) -> Result<(), Failed> {
    let doc = parse_document(text);
    if doc.text() != text {
        return Err("damaged text not kept byte for byte".into());
    }
    let strict = parse_value(text);
    match (doc.syntax_errors().is_empty(), &strict) {
        (true, Err(e)) => return Err(format!("accepted {text:?}, strict parser says {e}").into()),
        (false, Ok(_)) => {
            return Err(format!("rejected valid {text:?}: {:?}", doc.syntax_errors()).into())
        }
        _ => {}
    }
    if let (Ok(v), Some(root)) = (strict, doc.root()) {
        if doc.to_value(root) != v {
            return Err(format!("value differs for {text:?}").into());
        }
    }
    let on_boundary = |o: usize| o <= text.len() && text.is_char_boundary(o);
    for e in doc.syntax_errors() {
        if !(on_boundary(e.span.start) && on_boundary(e.span.end) && e.span.start <= e.span.end) {
            return Err(format!("error span {:?} outside {text:?}", e.span).into());
        }
    }
    for i in 0..doc.node_count() {
        let span = doc.node(NodeId(i as u32)).span;
        if !(on_boundary(span.start) && on_boundary(span.end) && span.start <= span.end) {
            return Err(format!("node span {span:?} outside {text:?}").into());
        }
    }
    check_pointers(&doc)
}

/// Every node reachable from the root, except behind a duplicate key that a later one
/// hides, has a pointer that resolves to it.
fn check_pointers(doc: &Document) -> Result<(), Failed> {
    let Some(root) = doc.root() else {
        return Ok(());
    };
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        let pointer = doc.pointer_of(id);
        let found = doc
            .resolve(&pointer)
            .ok_or_else(|| format!("{pointer:?} does not resolve"))?;
        if found != id {
            return Err(format!("{pointer:?} resolves elsewhere").into());
        }
        let members = doc.members(id);
        let visible = members
            .iter()
            .enumerate()
            .filter(|(i, m)| members[i + 1..].iter().all(|n| n.key != m.key));
        stack.extend(visible.map(|(_, m)| m.value));
        stack.extend(doc.items(id).iter().copied());
    }
    Ok(())
}

/// The two subtrees have the same shape, keys as written, lexemes and string escapes.
fn same_tokens(a: &Document, a_id: NodeId, b: &Document, b_id: NodeId) -> Result<(), Failed> {
    let mut stack = vec![(a_id, b_id)];
    while let Some((x, y)) = stack.pop() {
        let (kx, ky) = (&a.node(x).kind, &b.node(y).kind);
        match (kx, ky) {
            (NodeKind::Object(mx), NodeKind::Object(my)) if mx.len() == my.len() => {
                for (m, n) in mx.iter().zip(my) {
                    if a.slice(m.key_span) != b.slice(n.key_span) {
                        return Err(format!(
                            "key {:?} became {:?}",
                            a.slice(m.key_span),
                            b.slice(n.key_span)
                        )
                        .into());
                    }
                    stack.push((m.value, n.value));
                }
            }
            (NodeKind::Array(ix), NodeKind::Array(iy)) if ix.len() == iy.len() => {
                stack.extend(ix.iter().copied().zip(iy.iter().copied()));
            }
            (NodeKind::Object(_) | NodeKind::Array(_), _) => return Err("container changed".into()),
            _ if a.source(x) != b.source(y) => {
                return Err(format!("{:?} became {:?}", a.source(x), b.source(y)).into());
            }
            _ => {}
        }
    }
    Ok(())
}

/// Random edits at random places of valid text; returns how many applied (some
/// cannot: removing the root, adding a key to an array).
fn check_edits(rng: &mut Rng, text: &str) -> Result<usize, Failed> {
    let mut applied = 0;
    let original = parse_document(text);
    let mut pointers = Vec::new();
    let mut stack: Vec<NodeId> = original.root().into_iter().collect();
    while let Some(id) = stack.pop() {
        let members = original.members(id);
        let visible = members
            .iter()
            .enumerate()
            .filter(|(i, m)| members[i + 1..].iter().all(|n| n.key != m.key));
        stack.extend(visible.map(|(_, m)| m.value));
        stack.extend(original.items(id).iter().copied());
        pointers.push(original.pointer_of(id));
    }
    for _ in 0..4 {
        let pointer = pointers[rng.int_in(0, pointers.len() as i64 - 1) as usize].clone();
        let value = doc_gen::json_text(rng, 2);
        let mut tokens = split_pointer(&pointer).ok_or("pointer splits")?;
        let (edit, expect_at) = match rng.int_in(0, 3) {
            0 => (
                Edit::Set {
                    pointer: pointer.clone(),
                    value: value.clone(),
                },
                Some(pointer.clone()),
            ),
            1 => (
                Edit::Remove {
                    pointer: pointer.clone(),
                },
                None,
            ),
            2 => {
                tokens.push("0".into());
                let at = join_pointer(&tokens);
                (
                    Edit::Insert {
                        pointer: at.clone(),
                        value: value.clone(),
                    },
                    Some(at),
                )
            }
            _ => {
                tokens.push("new key".into());
                let at = join_pointer(&tokens);
                (
                    Edit::Set {
                        pointer: at.clone(),
                        value: value.clone(),
                    },
                    Some(at),
                )
            }
        };
        let mut doc = original.clone();
        let Ok(undo) = doc.apply(&edit) else { continue };
        applied += 1;
        if let Some(e) = doc.syntax_errors().first() {
            return Err(format!("{edit:?} on {text:?} gave {:?}: {e:?}", doc.text()).into());
        }
        if let Some(at) = expect_at {
            let placed = doc.resolve(&at).map(|id| doc.to_value(id));
            if placed != parse_value(&value).ok() {
                return Err(format!("{edit:?} on {text:?}: {at:?} holds {placed:?}").into());
            }
        }
        doc.apply(&undo).map_err(|e| format!("undo: {e}"))?;
        if doc.text() != text {
            return Err(format!("undo of {edit:?} gave {:?}, not {text:?}", doc.text()).into());
        }
    }
    Ok(applied)
}
