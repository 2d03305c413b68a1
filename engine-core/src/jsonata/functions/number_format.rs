//! `$formatNumber(number, picture[, options])`: XPath `format-number` pictures
//! (`#,##0.00`, `0.0e0`, percent and per-mille, two sub-pictures, custom symbols).

use super::numeric::round_half_even;
use super::string::{arg_num, arg_str};
use super::Ctx;
use crate::jsonata::error::JsonataError;
use crate::jsonata::eval::{Evaluator, R};
use crate::jsonata::value::JValue;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// The decimal-format symbols, overridable through the options object.
struct Symbols {
    decimal: char,
    grouping: char,
    exponent: char,
    minus: char,
    percent: char,
    per_mille: char,
    zero: char,
    digit: char,
    pattern: char,
}

impl Symbols {
    fn from_options(options: Option<&JValue>) -> Symbols {
        let mut s = Symbols {
            decimal: '.',
            grouping: ',',
            exponent: 'e',
            minus: '-',
            percent: '%',
            per_mille: '\u{2030}',
            zero: '0',
            digit: '#',
            pattern: ';',
        };
        if let Some(JValue::Object(m)) = options {
            for (k, v) in m.iter() {
                let Some(c) = v.as_str().and_then(|s| s.chars().next()) else {
                    continue;
                };
                match &**k {
                    "decimal-separator" => s.decimal = c,
                    "grouping-separator" => s.grouping = c,
                    "exponent-separator" => s.exponent = c,
                    "minus-sign" => s.minus = c,
                    "percent" => s.percent = c,
                    "per-mille" => s.per_mille = c,
                    "zero-digit" => s.zero = c,
                    "digit" => s.digit = c,
                    "pattern-separator" => s.pattern = c,
                    _ => {}
                }
            }
        }
        s
    }

    fn is_decimal_digit(&self, c: char) -> bool {
        (c as u32) >= self.zero as u32 && (c as u32) < self.zero as u32 + 10
    }

    fn is_active(&self, c: char) -> bool {
        self.is_decimal_digit(c)
            || c == self.decimal
            || c == self.exponent
            || c == self.grouping
            || c == self.digit
            || c == self.pattern
    }
}

struct Parts {
    prefix: Vec<char>,
    suffix: Vec<char>,
    active: Vec<char>,
    mantissa: Vec<char>,
    exponent: Option<Vec<char>>,
    integer: Vec<char>,
    fraction: Vec<char>,
    picture: Vec<char>,
}

fn index_of(hay: &[char], c: char) -> Option<usize> {
    hay.iter().position(|x| *x == c)
}

fn split_parts(pic: &[char], s: &Symbols) -> Parts {
    let start = pic
        .iter()
        .position(|c| s.is_active(*c) && *c != s.exponent)
        .unwrap_or(pic.len());
    let end = pic
        .iter()
        .rposition(|c| s.is_active(*c) && *c != s.exponent)
        .map_or(start, |i| i + 1)
        .max(start);
    let prefix = pic[..start].to_vec();
    let suffix = pic[end..].to_vec();
    let active = pic[start..end].to_vec();
    let exp_pos = pic
        .iter()
        .skip(start)
        .position(|c| *c == s.exponent)
        .map(|p| p + start);
    let (mantissa, exponent) = match exp_pos {
        Some(p) if p <= end => {
            let rel = p - start;
            (
                active[..rel.min(active.len())].to_vec(),
                Some(active[(rel + 1).min(active.len())..].to_vec()),
            )
        }
        _ => (active.clone(), None),
    };
    let (integer, fraction) = match index_of(&mantissa, s.decimal) {
        Some(d) => (mantissa[..d].to_vec(), mantissa[d + 1..].to_vec()),
        None => (mantissa.clone(), suffix.clone()),
    };
    Parts {
        prefix,
        suffix,
        active,
        mantissa,
        exponent,
        integer,
        fraction,
        picture: pic.to_vec(),
    }
}

fn validate(p: &Parts, s: &Symbols) -> Result<(), JsonataError> {
    let count = |c: char| p.picture.iter().filter(|x| **x == c).count();
    if !p
        .picture
        .iter()
        .any(|c| s.is_active(*c) && *c != s.exponent)
    {
        return Err(JsonataError::code("D3086"));
    }
    let mut error = None;
    if count(s.decimal) > 1 {
        error = Some("D3081");
    }
    if count(s.percent) > 1 {
        error = Some("D3082");
    }
    if count(s.per_mille) > 1 {
        error = Some("D3083");
    }
    if count(s.percent) > 0 && count(s.per_mille) > 0 {
        error = Some("D3084");
    }
    if !p
        .mantissa
        .iter()
        .any(|c| s.is_decimal_digit(*c) || *c == s.digit)
    {
        error = Some("D3085");
    }
    if p.active.iter().any(|c| !s.is_active(*c)) {
        error = Some("D3086");
    }
    match index_of(&p.picture, s.decimal) {
        Some(d) => {
            if (d > 0 && p.picture[d - 1] == s.grouping)
                || p.picture.get(d + 1) == Some(&s.grouping)
            {
                error = Some("D3087");
            }
        }
        None => {
            if p.integer.last() == Some(&s.grouping) {
                error = Some("D3088");
            }
        }
    }
    if p.picture
        .windows(2)
        .any(|w| w[0] == s.grouping && w[1] == s.grouping)
    {
        error = Some("D3089");
    }
    if let Some(o) = index_of(&p.integer, s.digit) {
        if p.integer[..o].iter().any(|c| s.is_decimal_digit(*c)) {
            error = Some("D3090");
        }
    }
    if let Some(o) = p.fraction.iter().rposition(|c| *c == s.digit) {
        if p.fraction[o..].iter().any(|c| s.is_decimal_digit(*c)) {
            error = Some("D3091");
        }
    }
    if let Some(e) = &p.exponent {
        if !e.is_empty() && (count(s.percent) > 0 || count(s.per_mille) > 0) {
            error = Some("D3092");
        }
        if e.is_empty() || e.iter().any(|c| !s.is_decimal_digit(*c)) {
            error = Some("D3093");
        }
    }
    match error {
        Some(code) => Err(JsonataError::code(code)),
        None => Ok(()),
    }
}

#[derive(Clone)]
struct Analysis {
    grouping: Vec<usize>,
    regular: usize,
    min_int: usize,
    scaling: usize,
    prefix: String,
    fraction_grouping: Vec<usize>,
    min_frac: usize,
    max_frac: usize,
    min_exp: usize,
    suffix: String,
    picture: Vec<char>,
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

fn analyse(p: &Parts, s: &Symbols) -> Analysis {
    let digits_in = |part: &[char]| {
        part.iter()
            .filter(|c| s.is_decimal_digit(**c) || **c == s.digit)
            .count()
    };
    let grouping_positions = |part: &[char], to_left: bool| -> Vec<usize> {
        let mut out = Vec::new();
        for (i, c) in part.iter().enumerate() {
            if *c == s.grouping {
                out.push(if to_left {
                    digits_in(&part[..i])
                } else {
                    digits_in(&part[i..])
                });
            }
        }
        out
    };
    let grouping = grouping_positions(&p.integer, false);
    let regular = if grouping.is_empty() {
        0
    } else {
        let factor = grouping.iter().copied().fold(0, gcd);
        if factor > 0 && (1..=grouping.len()).all(|i| grouping.contains(&(i * factor))) {
            factor
        } else {
            0
        }
    };
    let fraction_grouping = grouping_positions(&p.fraction, true);
    let mut min_int = p.integer.iter().filter(|c| s.is_decimal_digit(**c)).count();
    let scaling = min_int;
    let mut min_frac = p
        .fraction
        .iter()
        .filter(|c| s.is_decimal_digit(**c))
        .count();
    let mut max_frac = digits_in(&p.fraction);
    let has_exp = p.exponent.is_some();
    if min_int == 0 && max_frac == 0 {
        if has_exp {
            min_frac = 1;
            max_frac = 1;
        } else {
            min_int = 1;
        }
    }
    if has_exp && min_int == 0 && p.integer.contains(&s.digit) {
        min_int = 1;
    }
    if min_int == 0 && min_frac == 0 {
        min_frac = 1;
    }
    let min_exp = p
        .exponent
        .as_ref()
        .map_or(0, |e| e.iter().filter(|c| s.is_decimal_digit(**c)).count());
    Analysis {
        grouping,
        regular,
        min_int,
        scaling,
        prefix: p.prefix.iter().collect(),
        fraction_grouping,
        min_frac,
        max_frac,
        min_exp,
        suffix: p.suffix.iter().collect(),
        picture: p.picture.clone(),
    }
}

fn digits_of(v: f64, dp: usize, s: &Symbols) -> Vec<char> {
    alloc::format!("{:.*}", dp, libm::fabs(v))
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                char::from_u32(s.zero as u32 + (c as u32 - 48)).unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

/// Formats `value` by `picture`.
fn format(value: f64, picture: &str, s: &Symbols) -> Result<String, JsonataError> {
    let chars: Vec<char> = picture.chars().collect();
    let subs: Vec<&[char]> = chars.split(|c| *c == s.pattern).collect();
    if subs.len() > 2 {
        return Err(JsonataError::code("D3080"));
    }
    let parts: Vec<Parts> = subs.iter().map(|p| split_parts(p, s)).collect();
    for p in &parts {
        validate(p, s)?;
    }
    let mut vars: Vec<Analysis> = parts.iter().map(|p| analyse(p, s)).collect();
    if vars.len() == 1 {
        let mut neg = vars[0].clone();
        neg.prefix.insert(0, s.minus);
        vars.push(neg);
    }
    let pic = if value >= 0.0 { &vars[0] } else { &vars[1] };
    let adjusted = if pic.picture.contains(&s.percent) {
        value * 100.0
    } else if pic.picture.contains(&s.per_mille) {
        value * 1000.0
    } else {
        value
    };
    let (mantissa, exponent) = if pic.min_exp == 0 {
        (adjusted, None)
    } else {
        let max_m = libm::pow(10.0, pic.scaling as f64);
        let min_m = libm::pow(10.0, pic.scaling as f64 - 1.0);
        let (mut m, mut e) = (libm::fabs(adjusted), 0i32);
        while m < min_m && m != 0.0 && e > -400 {
            m *= 10.0;
            e -= 1;
        }
        while m > max_m && e < 400 {
            m /= 10.0;
            e += 1;
        }
        (if adjusted < 0.0 { -m } else { m }, Some(e))
    };
    let rounded = round_half_even(mantissa, pic.max_frac as i32);
    let mut sv = digits_of(rounded, pic.max_frac, s);
    match index_of(&sv, '.') {
        Some(d) => sv[d] = s.decimal,
        None => sv.push(s.decimal),
    }
    while sv.first() == Some(&s.zero) {
        sv.remove(0);
    }
    while sv.last() == Some(&s.zero) {
        sv.pop();
    }
    let dpos = index_of(&sv, s.decimal).unwrap_or(sv.len());
    let pad_left = pic.min_int as i64 - dpos as i64;
    let pad_right = pic.min_frac as i64 - (sv.len() as i64 - dpos as i64 - 1);
    for _ in 0..pad_left.max(0) {
        sv.insert(0, s.zero);
    }
    for _ in 0..pad_right.max(0) {
        sv.push(s.zero);
    }
    let mut dpos = index_of(&sv, s.decimal).unwrap_or(sv.len());
    if let Some(groups) = dpos.saturating_sub(1).checked_div(pic.regular) {
        for g in 1..=groups {
            sv.insert(dpos - g * pic.regular, s.grouping);
        }
    } else {
        for pos in &pic.grouping {
            if *pos <= dpos {
                sv.insert(dpos - pos, s.grouping);
                dpos += 1;
            }
        }
    }
    let dpos = index_of(&sv, s.decimal).unwrap_or(sv.len());
    for pos in &pic.fraction_grouping {
        let at = pos + dpos + 1;
        if at <= sv.len() {
            sv.insert(at, s.grouping);
        }
    }
    if sv.last() == Some(&s.decimal) {
        sv.pop();
    }
    let mut out: String = sv.iter().collect();
    if let Some(e) = exponent {
        let mut es: Vec<char> = digits_of(e as f64, 0, s);
        while es.len() < pic.min_exp {
            es.insert(0, s.zero);
        }
        out.push(s.exponent);
        if e < 0 {
            out.push(s.minus);
        }
        out.extend(es);
    }
    Ok(alloc::format!("{}{}{}", pic.prefix, out, pic.suffix))
}

pub fn format_number(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(v) = arg_num(args, 0) else {
        return Ok(None);
    };
    let picture = arg_str(args, 1).unwrap_or("").to_string();
    let symbols = Symbols::from_options(args.get(2).and_then(|a| a.as_ref()));
    Ok(Some(JValue::string(format(v, &picture, &symbols)?)))
}
