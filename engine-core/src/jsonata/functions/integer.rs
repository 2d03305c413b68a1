//! `$formatInteger` and `$parseInteger`: XPath `format-integer` pictures — decimal
//! digit patterns (any Unicode digit family, grouping separators, ordinals), letters,
//! Roman numerals and English words.

use super::string::{arg_num, arg_str};
use super::Ctx;
use crate::jsonata::error::JsonataError;
use crate::jsonata::eval::{Evaluator, R};
use crate::jsonata::value::JValue;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

const FEW: [&str; 20] = [
    "Zero",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Eleven",
    "Twelve",
    "Thirteen",
    "Fourteen",
    "Fifteen",
    "Sixteen",
    "Seventeen",
    "Eighteen",
    "Nineteen",
];
const ORDINALS: [&str; 20] = [
    "Zeroth",
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Sixth",
    "Seventh",
    "Eighth",
    "Ninth",
    "Tenth",
    "Eleventh",
    "Twelfth",
    "Thirteenth",
    "Fourteenth",
    "Fifteenth",
    "Sixteenth",
    "Seventeenth",
    "Eighteenth",
    "Nineteenth",
];
const DECADES: [&str; 9] = [
    "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety", "Hundred",
];
const MAGNITUDES: [&str; 4] = ["Thousand", "Million", "Billion", "Trillion"];

/// Zero code points of the Unicode decimal digit families.
const DECIMAL_GROUPS: [u32; 37] = [
    0x30, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
    0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10,
];

/// How an integer is presented.
#[derive(Debug, Clone, PartialEq)]
pub enum Primary {
    Decimal,
    Letters,
    Roman,
    Words,
    Sequence,
}

/// Letter case of names, words, letters and numerals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Case {
    Upper,
    Lower,
    Title,
}

/// A grouping separator and its distance from the right.
#[derive(Debug, Clone, PartialEq)]
pub struct Separator {
    pub position: usize,
    pub character: char,
}

/// An analysed integer picture.
#[derive(Debug, Clone)]
pub struct IntegerFormat {
    pub primary: Primary,
    pub case: Case,
    pub ordinal: bool,
    pub zero_code: u32,
    pub mandatory_digits: usize,
    pub optional_digits: usize,
    /// Separators every `n` digits (`Some(n)`), or at the listed positions.
    pub regular: Option<usize>,
    pub separators: Vec<Separator>,
    pub token: String,
}

fn words(num: f64, prev: bool, ord: bool) -> String {
    let mut w = String::new();
    if num <= 19.0 {
        if prev {
            w.push_str(" and ");
        }
        w.push_str(if ord {
            ORDINALS[num as usize]
        } else {
            FEW[num as usize]
        });
    } else if num < 100.0 {
        if prev {
            w.push_str(" and ");
        }
        w.push_str(DECADES[(libm::floor(num / 10.0) - 2.0) as usize]);
        let rem = num % 10.0;
        if rem > 0.0 {
            w.push('-');
            w.push_str(&words(rem, false, ord));
        } else if ord {
            w.pop();
            w.push_str("ieth");
        }
    } else if num < 1000.0 {
        if prev {
            w.push_str(", ");
        }
        w.push_str(FEW[libm::floor(num / 100.0) as usize]);
        w.push_str(" Hundred");
        let rem = num % 100.0;
        if rem > 0.0 {
            w.push_str(&words(rem, true, ord));
        } else if ord {
            w.push_str("th");
        }
    } else {
        let mut mag = libm::floor(libm::log10(num) / 3.0) as usize;
        if mag > MAGNITUDES.len() {
            mag = MAGNITUDES.len();
        }
        let factor = libm::pow(10.0, 3.0 * mag as f64);
        let mant = libm::floor(num / factor);
        let rem = num - mant * factor;
        if prev {
            w.push_str(", ");
        }
        w.push_str(&words(mant, false, false));
        w.push(' ');
        w.push_str(MAGNITUDES[mag - 1]);
        if rem > 0.0 {
            w.push_str(&words(rem, true, ord));
        } else if ord {
            w.push_str("th");
        }
    }
    w
}

fn word_value(word: &str) -> Option<f64> {
    for (i, w) in FEW.iter().enumerate() {
        if w.eq_ignore_ascii_case(word) {
            return Some(i as f64);
        }
    }
    for (i, w) in ORDINALS.iter().enumerate() {
        if w.eq_ignore_ascii_case(word) {
            return Some(i as f64);
        }
    }
    for (i, w) in DECADES.iter().enumerate() {
        let v = (i as f64 + 2.0) * 10.0;
        let ieth = alloc::format!("{}ieth", &w[..w.len() - 1]);
        if w.eq_ignore_ascii_case(word) || ieth.eq_ignore_ascii_case(word) {
            return Some(if *w == "Hundred" { 100.0 } else { v });
        }
    }
    if word.eq_ignore_ascii_case("hundredth") {
        return Some(100.0);
    }
    for (i, w) in MAGNITUDES.iter().enumerate() {
        let v = libm::pow(10.0, 3.0 * (i as f64 + 1.0));
        if w.eq_ignore_ascii_case(word) || alloc::format!("{w}th").eq_ignore_ascii_case(word) {
            return Some(v);
        }
    }
    None
}

fn words_to_number(text: &str) -> f64 {
    let lower = text.to_lowercase();
    let normalised = lower
        .replace(", ", " ")
        .replace(" and ", " ")
        .replace('-', " ");
    let mut segs: Vec<f64> = alloc::vec![0.0];
    for part in normalised.split_whitespace() {
        let value = word_value(part).unwrap_or(0.0);
        if value < 100.0 {
            let mut top = segs.pop().unwrap_or(0.0);
            if top >= 1000.0 {
                segs.push(top);
                top = 0.0;
            }
            segs.push(top + value);
        } else {
            let top = segs.pop().unwrap_or(0.0);
            segs.push(top * value);
        }
    }
    segs.iter().sum()
}

const ROMAN: [(u64, &str); 13] = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
];

fn to_roman(mut v: u64) -> String {
    let mut out = String::new();
    for (n, s) in ROMAN {
        while v >= n {
            out.push_str(s);
            v -= n;
        }
    }
    out
}

fn from_roman(s: &str) -> u64 {
    let mut total: i64 = 0;
    let mut max = 1;
    for c in s.chars().rev() {
        let v = match c.to_ascii_uppercase() {
            'M' => 1000,
            'D' => 500,
            'C' => 100,
            'L' => 50,
            'X' => 10,
            'V' => 5,
            'I' => 1,
            _ => 0,
        };
        if v < max {
            total -= v;
        } else {
            max = v;
            total += v;
        }
    }
    total.max(0) as u64
}

fn to_letters(mut v: u64, a: char) -> String {
    let mut out = Vec::new();
    while v > 0 {
        out.push(char::from_u32(((v - 1) % 26) as u32 + a as u32).unwrap_or(a));
        v = (v - 1) / 26;
    }
    out.iter().rev().collect()
}

/// The reference's `lettersToDecimal`: each UTF-16 unit's distance from `a`, plus one,
/// as a base-26 digit, summed in floating point, so a long text is a huge (or infinite)
/// number rather than an overflow.
fn from_letters(s: &str, a: char) -> f64 {
    let a = a as u32 as f64;
    let units: Vec<u16> = s.encode_utf16().collect();
    units
        .iter()
        .rev()
        .enumerate()
        .map(|(i, unit)| (f64::from(*unit) - a + 1.0) * libm::pow(26.0, i as f64))
        .sum()
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

fn regular_repeat(seps: &[Separator]) -> Option<usize> {
    let first = seps.first()?;
    if seps.iter().any(|s| s.character != first.character) {
        return None;
    }
    let factor = seps.iter().map(|s| s.position).fold(0, gcd);
    if factor == 0 {
        return None;
    }
    for i in 1..=seps.len() {
        if !seps.iter().any(|s| s.position == i * factor) {
            return None;
        }
    }
    Some(factor)
}

/// Analyses an integer picture such as `#,##0`, `a`, `I`, `w;o`.
pub fn analyse(picture: &str) -> Result<IntegerFormat, JsonataError> {
    let mut f = IntegerFormat {
        primary: Primary::Decimal,
        case: Case::Lower,
        ordinal: false,
        zero_code: 0x30,
        mandatory_digits: 0,
        optional_digits: 0,
        regular: None,
        separators: Vec::new(),
        token: String::new(),
    };
    let primary = match picture.rfind(';') {
        Some(i) => {
            f.ordinal = picture[i + 1..].starts_with('o');
            &picture[..i]
        }
        None => picture,
    };
    match primary {
        "A" => (f.case, f.primary) = (Case::Upper, Primary::Letters),
        "a" => f.primary = Primary::Letters,
        "I" => (f.case, f.primary) = (Case::Upper, Primary::Roman),
        "i" => f.primary = Primary::Roman,
        "W" => (f.case, f.primary) = (Case::Upper, Primary::Words),
        "Ww" => (f.case, f.primary) = (Case::Title, Primary::Words),
        "w" => f.primary = Primary::Words,
        _ => {
            let mut zero: Option<u32> = None;
            let mut position = 0;
            for c in primary.chars().rev() {
                let cp = c as u32;
                if let Some(g) = DECIMAL_GROUPS.iter().find(|g| cp >= **g && cp <= **g + 9) {
                    f.mandatory_digits += 1;
                    position += 1;
                    match zero {
                        None => zero = Some(*g),
                        Some(z) if z != *g => return Err(JsonataError::code("D3131")),
                        _ => {}
                    }
                } else if c == '#' {
                    position += 1;
                    f.optional_digits += 1;
                } else {
                    f.separators.push(Separator {
                        position,
                        character: c,
                    });
                }
            }
            if f.mandatory_digits > 0 {
                f.zero_code = zero.unwrap_or(0x30);
                f.regular = regular_repeat(&f.separators);
            } else {
                f.primary = Primary::Sequence;
                f.token = primary.to_string();
            }
        }
    }
    Ok(f)
}

/// Formats an integer by an analysed picture.
pub fn format(value: f64, f: &IntegerFormat) -> Result<String, JsonataError> {
    let negative = value < 0.0;
    let fv = libm::fabs(value);
    let v = fv as u64;
    let mut s = match f.primary {
        Primary::Letters => to_letters(v, if f.case == Case::Upper { 'A' } else { 'a' }),
        Primary::Roman => {
            let r = to_roman(v);
            if f.case == Case::Upper {
                r.to_uppercase()
            } else {
                r
            }
        }
        Primary::Words => {
            let w = words(fv, false, f.ordinal);
            match f.case {
                Case::Upper => w.to_uppercase(),
                Case::Lower => w.to_lowercase(),
                Case::Title => w,
            }
        }
        Primary::Decimal => {
            let mut digits: Vec<char> = super::string::js_number(fv).chars().collect();
            while digits.len() < f.mandatory_digits {
                digits.insert(0, '0');
            }
            if f.zero_code != 0x30 {
                for d in digits.iter_mut() {
                    *d = char::from_u32(*d as u32 - 0x30 + f.zero_code).unwrap_or(*d);
                }
            }
            match f.regular {
                Some(every) => {
                    let ch = f.separators[0].character;
                    let n = (digits.len() - 1) / every;
                    for k in (1..=n).rev() {
                        let pos = digits.len() - k * every;
                        digits.insert(pos, ch);
                    }
                }
                None => {
                    for sep in f.separators.iter().rev() {
                        if sep.position <= digits.len() {
                            let pos = digits.len() - sep.position;
                            digits.insert(pos, sep.character);
                        }
                    }
                }
            }
            let mut out: String = digits.iter().collect();
            if f.ordinal {
                let last = digits.last().copied().unwrap_or('0');
                let tens = digits.len() > 1 && digits[digits.len() - 2] == '1';
                out.push_str(match (last, tens) {
                    ('1', false) => "st",
                    ('2', false) => "nd",
                    ('3', false) => "rd",
                    _ => "th",
                });
            }
            out
        }
        Primary::Sequence => return Err(JsonataError::code("D3130").with(&f.token)),
    };
    if negative {
        s.insert(0, '-');
    }
    Ok(s)
}

/// Reads an integer written by a picture (the inverse of `format`).
pub fn parse(text: &str, f: &IntegerFormat) -> Result<Option<f64>, JsonataError> {
    Ok(Some(match f.primary {
        Primary::Letters => from_letters(text, if f.case == Case::Upper { 'A' } else { 'a' }),
        Primary::Roman => from_roman(text) as f64,
        Primary::Words => words_to_number(text),
        Primary::Decimal => {
            let mut digits: String = text.into();
            if f.ordinal && digits.len() >= 2 {
                digits.truncate(digits.len() - 2);
            }
            let digits: String = digits
                .chars()
                .filter(|c| !f.separators.iter().any(|s| s.character == *c))
                .map(|c| {
                    let cp = c as u32;
                    if cp >= f.zero_code && cp <= f.zero_code + 9 {
                        char::from_u32(cp - f.zero_code + 0x30).unwrap_or(c)
                    } else {
                        c
                    }
                })
                .collect();
            match digits.parse::<f64>() {
                Ok(v) => v,
                Err(_) => return Ok(None),
            }
        }
        Primary::Sequence => return Err(JsonataError::code("D3130").with(&f.token)),
    }))
}

/// The regular expression that recognises text written by `f`.
pub fn pattern(f: &IntegerFormat, fixed_width: bool) -> Result<String, JsonataError> {
    Ok(match f.primary {
        Primary::Letters if f.case == Case::Upper => "[A-Z]+".into(),
        Primary::Letters => "[a-z]+".into(),
        Primary::Roman if f.case == Case::Upper => "[MDCLXVI]+".into(),
        Primary::Roman => "[mdclxvi]+".into(),
        Primary::Words => {
            let mut alts: Vec<String> = Vec::new();
            for w in FEW.iter().chain(ORDINALS.iter()).chain(MAGNITUDES.iter()) {
                alts.push(w.to_lowercase());
                alts.push(alloc::format!("{}th", w.to_lowercase()));
            }
            for w in DECADES.iter() {
                alts.push(w.to_lowercase());
                alts.push(alloc::format!("{}ieth", &w.to_lowercase()[..w.len() - 1]));
            }
            alts.sort_by_key(|a| core::cmp::Reverse(a.len()));
            alloc::format!("(?:{}|and|[\\-, ])+", alts.join("|"))
        }
        Primary::Decimal => {
            let mut p = if fixed_width {
                alloc::format!("[0-9]{{{}}}", f.mandatory_digits.max(1))
            } else {
                "[0-9]+".into()
            };
            if f.ordinal {
                p.push_str("(?:th|st|nd|rd)");
            }
            p
        }
        Primary::Sequence => return Err(JsonataError::code("D3130").with(&f.token)),
    })
}

/// `$formatInteger(number, picture)`.
pub fn format_integer(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(v) = arg_num(args, 0) else {
        return Ok(None);
    };
    let f = analyse(arg_str(args, 1).unwrap_or(""))?;
    Ok(Some(JValue::string(format(libm::floor(v), &f)?)))
}

/// `$parseInteger(string, picture)`.
pub fn parse_integer(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(text) = arg_str(args, 0) else {
        return Ok(None);
    };
    let f = analyse(arg_str(args, 1).unwrap_or(""))?;
    Ok(parse(text, &f)?.map(JValue::Number))
}
