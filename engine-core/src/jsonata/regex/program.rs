//! The compiled form of a pattern and the backtracking machine that runs it.

use super::parse::{is_word, Class, Node};
use alloc::boxed::Box;
use alloc::vec::Vec;

/// Instructions executed per search before giving up.
pub const STEP_BUDGET: u64 = 5_000_000;
/// Largest program accepted.
const MAX_PROGRAM: usize = 50_000;

#[derive(Debug, Clone)]
enum Inst {
    Char(char),
    Any,
    Class(Box<Class>),
    /// Try the first target, backtrack to the second.
    Split(usize, usize),
    Jmp(usize),
    Save(usize),
    LineStart,
    LineEnd,
    WordBoundary(bool),
    Backref(usize),
    /// Lookahead: the body follows, up to `end`; `negate` inverts it.
    Look {
        end: usize,
        negate: bool,
    },
    /// Records the position entering a loop body (slot).
    LoopStart(usize),
    /// Fails when the loop body matched nothing (slot).
    LoopCheck(usize),
    Match,
}

#[derive(Debug)]
pub struct Program {
    insts: Vec<Inst>,
    slots: usize,
    fold: bool,
    multiline: bool,
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

struct Compiler {
    insts: Vec<Inst>,
    slots: usize,
}

impl Compiler {
    fn emit(&mut self, i: Inst) -> Option<usize> {
        if self.insts.len() >= MAX_PROGRAM {
            return None;
        }
        self.insts.push(i);
        Some(self.insts.len() - 1)
    }

    fn node(&mut self, n: &Node) -> Option<()> {
        match n {
            Node::Empty => {}
            Node::Char(c) => {
                self.emit(Inst::Char(*c))?;
            }
            Node::Any => {
                self.emit(Inst::Any)?;
            }
            Node::Class(c) => {
                self.emit(Inst::Class(Box::new(c.clone())))?;
            }
            Node::LineStart => {
                self.emit(Inst::LineStart)?;
            }
            Node::LineEnd => {
                self.emit(Inst::LineEnd)?;
            }
            Node::WordBoundary(b) => {
                self.emit(Inst::WordBoundary(*b))?;
            }
            Node::Backref(i) => {
                self.emit(Inst::Backref(*i))?;
            }
            Node::Group(inner, index) => {
                if let Some(i) = index {
                    self.emit(Inst::Save(2 * i))?;
                }
                self.node(inner)?;
                if let Some(i) = index {
                    self.emit(Inst::Save(2 * i + 1))?;
                }
            }
            Node::Look(inner, negate) => {
                let at = self.emit(Inst::Look {
                    end: 0,
                    negate: *negate,
                })?;
                self.node(inner)?;
                self.emit(Inst::Match)?;
                let end = self.insts.len();
                self.insts[at] = Inst::Look {
                    end,
                    negate: *negate,
                };
            }
            Node::Concat(items) => {
                for i in items {
                    self.node(i)?;
                }
            }
            Node::Alt(alts) => {
                let mut jumps = Vec::new();
                for (k, a) in alts.iter().enumerate() {
                    if k + 1 < alts.len() {
                        let split = self.emit(Inst::Split(0, 0))?;
                        self.node(a)?;
                        jumps.push(self.emit(Inst::Jmp(0))?);
                        let next = self.insts.len();
                        self.insts[split] = Inst::Split(split + 1, next);
                    } else {
                        self.node(a)?;
                    }
                }
                let end = self.insts.len();
                for j in jumps {
                    self.insts[j] = Inst::Jmp(end);
                }
            }
            Node::Repeat {
                node,
                min,
                max,
                greedy,
            } => {
                for _ in 0..*min {
                    self.node(node)?;
                }
                match max {
                    None => self.star(node, *greedy)?,
                    Some(max) => {
                        for _ in *min..*max {
                            self.optional(node, *greedy)?;
                        }
                    }
                }
            }
        }
        Some(())
    }

    fn split(&mut self, at: usize, body: usize, exit: usize, greedy: bool) {
        self.insts[at] = if greedy {
            Inst::Split(body, exit)
        } else {
            Inst::Split(exit, body)
        };
    }

    fn optional(&mut self, node: &Node, greedy: bool) -> Option<()> {
        let split = self.emit(Inst::Split(0, 0))?;
        self.node(node)?;
        let end = self.insts.len();
        self.split(split, split + 1, end, greedy);
        Some(())
    }

    fn star(&mut self, node: &Node, greedy: bool) -> Option<()> {
        let slot = self.slots;
        self.slots += 1;
        let split = self.emit(Inst::Split(0, 0))?;
        self.emit(Inst::LoopStart(slot))?;
        self.node(node)?;
        self.emit(Inst::LoopCheck(slot))?;
        self.emit(Inst::Jmp(split))?;
        let end = self.insts.len();
        self.split(split, split + 1, end, greedy);
        Some(())
    }
}

type Caps = Vec<Option<usize>>;

impl Program {
    pub fn compile(tree: &Node, groups: usize, fold: bool, multiline: bool) -> Option<Program> {
        let mut c = Compiler {
            insts: Vec::new(),
            slots: 2 * (groups + 1),
        };
        c.emit(Inst::Save(0))?;
        c.node(tree)?;
        c.emit(Inst::Save(1))?;
        c.emit(Inst::Match)?;
        Some(Program {
            insts: c.insts,
            slots: c.slots,
            fold,
            multiline,
        })
    }

    /// Runs from `start`; the capture slots on success.
    pub fn run(&self, text: &[char], start: usize, budget: &mut u64) -> Option<Caps> {
        let caps = alloc::vec![None; self.slots];
        self.exec(0, text, start, caps, budget)
            .map(|(_, caps)| caps)
    }

    fn char_eq(&self, a: char, b: char) -> bool {
        a == b || (self.fold && lower(a) == lower(b))
    }

    fn exec(
        &self,
        pc: usize,
        text: &[char],
        pos: usize,
        caps: Caps,
        budget: &mut u64,
    ) -> Option<(usize, Caps)> {
        let mut stack: Vec<(usize, usize, Caps)> = alloc::vec![(pc, pos, caps)];
        'thread: while let Some((mut pc, mut pos, mut caps)) = stack.pop() {
            loop {
                if *budget == 0 {
                    return None;
                }
                *budget -= 1;
                let ok = match &self.insts[pc] {
                    Inst::Char(c) => {
                        let hit = pos < text.len() && self.char_eq(text[pos], *c);
                        if hit {
                            pos += 1;
                        }
                        hit
                    }
                    Inst::Any => {
                        let hit = pos < text.len()
                            && !matches!(text[pos], '\n' | '\r' | '\u{2028}' | '\u{2029}');
                        if hit {
                            pos += 1;
                        }
                        hit
                    }
                    Inst::Class(class) => {
                        let hit = pos < text.len() && {
                            let c = text[pos];
                            class.items.iter().any(|i| i.matches(c, self.fold)) != class.negated
                        };
                        if hit {
                            pos += 1;
                        }
                        hit
                    }
                    Inst::Split(a, b) => {
                        stack.push((*b, pos, caps.clone()));
                        pc = *a;
                        continue;
                    }
                    Inst::Jmp(t) => {
                        pc = *t;
                        continue;
                    }
                    Inst::Save(s) | Inst::LoopStart(s) => {
                        caps[*s] = Some(pos);
                        true
                    }
                    Inst::LoopCheck(s) => caps[*s] != Some(pos),
                    Inst::LineStart => {
                        pos == 0 || (self.multiline && matches!(text[pos - 1], '\n' | '\r'))
                    }
                    Inst::LineEnd => {
                        pos == text.len() || (self.multiline && matches!(text[pos], '\n' | '\r'))
                    }
                    Inst::WordBoundary(want) => {
                        let before = pos > 0 && is_word(text[pos - 1]);
                        let after = pos < text.len() && is_word(text[pos]);
                        (before != after) == *want
                    }
                    Inst::Backref(i) => match (
                        caps.get(2 * i).copied().flatten(),
                        caps.get(2 * i + 1).copied().flatten(),
                    ) {
                        (Some(a), Some(b)) if b >= a => {
                            let len = b - a;
                            let hit = pos + len <= text.len()
                                && (0..len).all(|k| self.char_eq(text[pos + k], text[a + k]));
                            if hit {
                                pos += len;
                            }
                            hit
                        }
                        _ => true,
                    },
                    Inst::Look { end, negate } => {
                        let found = self.exec(pc + 1, text, pos, caps.clone(), budget);
                        match (found, negate) {
                            (Some((_, inner)), false) => {
                                caps = inner;
                                pc = *end;
                                continue;
                            }
                            (None, true) => {
                                pc = *end;
                                continue;
                            }
                            _ => false,
                        }
                    }
                    Inst::Match => return Some((pos, caps)),
                };
                if !ok {
                    continue 'thread;
                }
                pc += 1;
            }
        }
        None
    }
}
