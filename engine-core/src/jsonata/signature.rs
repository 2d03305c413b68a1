//! Function signatures (`<s-nn?:s>`): parsed into parameters, and arguments validated
//! against them the way the reference does — each value has a one-letter symbol, the
//! symbols are matched against the parameters (greedy, with backtracking), missing `-`
//! arguments come from the context, and single values are wrapped where an array is due.

use super::error::JsonataError;
use super::value::JValue;
use alloc::string::String;
use alloc::vec::Vec;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Quant {
    One,
    Optional,
    Plus,
}

#[derive(Debug, Clone)]
struct Param {
    /// The symbols this parameter accepts (`m` = missing).
    class: Vec<char>,
    quant: Quant,
    /// `a`, `f`, `s`… or `(` for a choice.
    kind: char,
    /// `-`: a missing argument is taken from the context.
    context: Option<Vec<char>>,
    subtype: Option<String>,
}

/// A parsed signature.
#[derive(Debug, Clone, Default)]
pub struct Signature {
    params: Vec<Param>,
}

fn class_of(symbol: char) -> Vec<char> {
    match symbol {
        's' | 'n' | 'b' | 'l' | 'o' => alloc::vec![symbol, 'm'],
        'a' | 'x' => "asnblfom".chars().collect(),
        'f' => alloc::vec!['f'],
        'j' => "asnblom".chars().collect(),
        _ => Vec::new(),
    }
}

fn closing(chars: &[char], from: usize, open: char, close: char) -> usize {
    let mut depth = 0;
    for (i, &c) in chars.iter().enumerate().skip(from) {
        if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                return i;
            }
        }
    }
    chars.len()
}

impl Signature {
    /// Parses `<...>`.
    pub fn parse(text: &str) -> Result<Signature, JsonataError> {
        let chars: Vec<char> = text.chars().collect();
        let mut params: Vec<Param> = Vec::new();
        let mut i = 1;
        while i < chars.len() {
            let c = chars[i];
            match c {
                ':' => break,
                's' | 'n' | 'b' | 'l' | 'o' | 'a' | 'f' | 'j' | 'x' => {
                    params.push(Param {
                        class: class_of(c),
                        quant: Quant::One,
                        kind: c,
                        context: None,
                        subtype: None,
                    });
                }
                '-' => {
                    if let Some(p) = params.last_mut() {
                        p.context = Some(p.class.clone());
                        p.quant = Quant::Optional;
                    }
                }
                '?' => {
                    if let Some(p) = params.last_mut() {
                        p.quant = Quant::Optional;
                    }
                }
                '+' => {
                    if let Some(p) = params.last_mut() {
                        p.quant = Quant::Plus;
                    }
                }
                '(' => {
                    let end = closing(&chars, i, '(', ')');
                    let choice: Vec<char> = chars[i + 1..end.min(chars.len())].to_vec();
                    if choice.contains(&'<') {
                        return Err(JsonataError::code("S0402"));
                    }
                    let mut class = choice;
                    class.push('m');
                    params.push(Param {
                        class,
                        quant: Quant::One,
                        kind: '(',
                        context: None,
                        subtype: None,
                    });
                    i = end;
                }
                '<' => match params.last_mut() {
                    Some(p) if p.kind == 'a' || p.kind == 'f' => {
                        let end = closing(&chars, i, '<', '>');
                        p.subtype = Some(chars[i + 1..end.min(chars.len())].iter().collect());
                        i = end;
                    }
                    _ => return Err(JsonataError::code("S0401")),
                },
                _ => {}
            }
            i += 1;
        }
        Ok(Signature { params })
    }

    /// How many leading parameters are not optional (what a callback is offered).
    pub fn required(&self) -> usize {
        self.params
            .iter()
            .take_while(|p| p.quant != Quant::Optional || p.context.is_some())
            .count()
    }

    /// Validates `args` (with `context` for `-` parameters) and returns the arguments the
    /// function receives.
    pub fn validate(
        &self,
        args: &[Option<JValue>],
        context: Option<&JValue>,
    ) -> Result<Vec<Option<JValue>>, JsonataError> {
        let symbols: Vec<char> = args
            .iter()
            .map(|a| a.as_ref().map_or('m', JValue::symbol))
            .collect();
        let Some(counts) = self.match_from(0, &symbols, 0, true) else {
            return Err(self.mismatch(args, &symbols));
        };
        let mut out = Vec::with_capacity(self.params.len());
        let mut at = 0;
        let mut sym_at = 0;
        for (param, &count) in self.params.iter().zip(counts.iter()) {
            let matched = &symbols[sym_at..sym_at + count];
            sym_at += count;
            if count == 0 {
                if let Some(class) = &param.context {
                    let ctx_symbol = context.map_or('m', JValue::symbol);
                    if class.contains(&ctx_symbol) {
                        out.push(context.cloned());
                    } else {
                        return Err(
                            JsonataError::code("T0411").with(alloc::format!("argument {}", at + 1))
                        );
                    }
                } else {
                    out.push(args.get(at).cloned().flatten());
                    at += 1;
                }
                continue;
            }
            for &single in matched {
                let arg = args.get(at).cloned().flatten();
                if param.kind == 'a' {
                    if single == 'm' {
                        out.push(None);
                        at += 1;
                        continue;
                    }
                    let arg = arg.unwrap_or(JValue::Null);
                    if let Some(sub) = &param.subtype {
                        let ok = if single != 'a' {
                            matched.iter().collect::<String>() == *sub
                        } else {
                            let items = arg.items();
                            match items.first() {
                                None => true,
                                Some(first) => {
                                    let t = first.symbol();
                                    sub.starts_with(t) && items.iter().all(|v| v.symbol() == t)
                                }
                            }
                        };
                        if !ok {
                            return Err(JsonataError::code("T0412")
                                .with(alloc::format!("argument {}", at + 1)));
                        }
                    }
                    out.push(Some(if single == 'a' {
                        arg
                    } else {
                        JValue::array(alloc::vec![arg])
                    }));
                } else {
                    out.push(arg);
                }
                at += 1;
            }
        }
        Ok(out)
    }

    fn mismatch(&self, args: &[Option<JValue>], symbols: &[char]) -> JsonataError {
        let mut good_to = 0;
        for n in 1..=self.params.len() {
            let sub = Signature {
                params: self.params[..n].to_vec(),
            };
            match sub.match_from(0, symbols, 0, false) {
                None => break,
                Some(counts) => good_to = counts.iter().sum(),
            }
        }
        let _ = args;
        JsonataError::code("T0410").with(alloc::format!("argument {}", good_to + 1))
    }

    /// Greedy backtracking match of the parameters from `p` against `symbols[s..]`;
    /// returns how many symbols each parameter took.
    fn match_from(
        &self,
        p: usize,
        symbols: &[char],
        s: usize,
        anchored: bool,
    ) -> Option<Vec<usize>> {
        if p == self.params.len() {
            return if !anchored || s == symbols.len() {
                Some(Vec::new())
            } else {
                None
            };
        }
        let param = &self.params[p];
        let mut max = 0;
        while s + max < symbols.len() && param.class.contains(&symbols[s + max]) {
            max += 1;
            if param.quant != Quant::Plus {
                break;
            }
        }
        let min = if param.quant == Quant::Optional { 0 } else { 1 };
        let mut take = max;
        loop {
            if take < min {
                return None;
            }
            if let Some(mut rest) = self.match_from(p + 1, symbols, s + take, anchored) {
                rest.insert(0, take);
                return Some(rest);
            }
            if take == 0 {
                return None;
            }
            take -= 1;
        }
    }
}
