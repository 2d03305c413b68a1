//! Date and time: `$now`, `$millis` (the environment's virtual clock), `$fromMillis` and
//! `$toMillis` with XPath `format-dateTime` picture strings (`[Y0001]-[M01]-[D01]`…),
//! on a proleptic Gregorian calendar in UTC plus an optional `±HHMM` offset.

use crate::calendar::{civil_from_days, days_from_civil};
use super::integer::{self, Case, IntegerFormat, Primary};
use super::string::{arg_num, arg_str};
use super::Ctx;
use crate::jsonata::error::JsonataError;
use crate::jsonata::eval::{Evaluator, R};
use crate::jsonata::regex::Regex;
use crate::jsonata::value::JValue;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

const DAYS: [&str; 8] = [
    "",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAY_MS: i64 = 86_400_000;
const ISO_PICTURE: &str = "[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]";



/// `Date.UTC(year, month0, day, h, m, s, ms)` with JavaScript's overflow rules.
/// Components from hostile pictures can be any 64-bit number: the sum is taken in 128 bits
/// and saturated, so it never overflows (JavaScript's range check rejects such results).
fn utc(y: i64, month0: i64, d: i64, h: i64, mi: i64, s: i64, ms: i64) -> i64 {
    // Far beyond JavaScript's ±275,760 years, small enough for the civil-day arithmetic.
    const YEAR_BOUND: i64 = 1_000_000_000;
    let y = y
        .saturating_add(month0.div_euclid(12))
        .clamp(-YEAR_BOUND, YEAR_BOUND);
    let m = month0.rem_euclid(12) + 1;
    let days = days_from_civil(y, m, 1) as i128 + d as i128 - 1;
    let total = days * DAY_MS as i128
        + h as i128 * 3_600_000
        + mi as i128 * 60_000
        + s as i128 * 1000
        + ms as i128;
    total.clamp(i64::MIN as i128, i64::MAX as i128) as i64
}

/// Broken-down UTC time of epoch milliseconds.
#[derive(Clone, Copy)]
struct Tm {
    millis: i64,
    year: i64,
    month0: i64,
    day: i64,
    hour: i64,
    minute: i64,
    second: i64,
    milli: i64,
    /// 0 = Sunday … 6 = Saturday.
    weekday: i64,
}

fn tm(millis: i64) -> Tm {
    let days = millis.div_euclid(DAY_MS);
    let rem = millis.rem_euclid(DAY_MS);
    let (year, month, day) = civil_from_days(days);
    Tm {
        millis,
        year,
        month0: month - 1,
        day,
        hour: rem / 3_600_000,
        minute: rem / 60_000 % 60,
        second: rem / 1000 % 60,
        milli: rem % 1000,
        weekday: (days + 4).rem_euclid(7),
    }
}

/// Start (millis) of ISO week 1 of the year/month (`month0`): the week with its first Thursday.
fn start_of_first_week(year: i64, month0: i64) -> i64 {
    let first = utc(year, month0, 1, 0, 0, 0, 0);
    let mut dow = tm(first).weekday;
    if dow == 0 {
        dow = 7;
    }
    if dow > 4 {
        first + (8 - dow) * DAY_MS
    } else {
        first - (dow - 1) * DAY_MS
    }
}

fn next_month(y: i64, m: i64) -> (i64, i64) {
    if m == 11 {
        (y + 1, 0)
    } else {
        (y, m + 1)
    }
}

fn previous_month(y: i64, m: i64) -> (i64, i64) {
    if m == 0 {
        (y - 1, 11)
    } else {
        (y, m - 1)
    }
}

fn delta_weeks(start: i64, end: i64) -> f64 {
    (end - start) as f64 / (DAY_MS * 7) as f64 + 1.0
}

/// A numeric component of a date (`F`, `W`, `X`… as the reference defines them).
fn component(t: &Tm, c: char) -> i64 {
    match c {
        'Y' => t.year,
        'M' => t.month0 + 1,
        'D' => t.day,
        'd' => (t.millis - utc(t.year, 0, 1, 0, 0, 0, 0)).div_euclid(DAY_MS) + 1,
        'F' => {
            if t.weekday == 0 {
                7
            } else {
                t.weekday
            }
        }
        'W' => {
            let start = start_of_first_week(t.year, 0);
            let today = utc(t.year, t.month0, t.day, 0, 0, 0, 0);
            let mut week = delta_weeks(start, today);
            if week > 52.0 {
                if today >= start_of_first_week(t.year + 1, 0) {
                    week = 1.0;
                }
            } else if week < 1.0 {
                week = delta_weeks(start_of_first_week(t.year - 1, 0), today);
            }
            libm::floor(week) as i64
        }
        'w' => {
            let start = start_of_first_week(t.year, t.month0);
            let today = utc(t.year, t.month0, t.day, 0, 0, 0, 0);
            let mut week = delta_weeks(start, today);
            if week > 4.0 {
                let (ny, nm) = next_month(t.year, t.month0);
                if today >= start_of_first_week(ny, nm) {
                    week = 1.0;
                }
            } else if week < 1.0 {
                let (py, pm) = previous_month(t.year, t.month0);
                week = delta_weeks(start_of_first_week(py, pm), today);
            }
            libm::floor(week) as i64
        }
        'X' => {
            let start = start_of_first_week(t.year, 0);
            let end = start_of_first_week(t.year + 1, 0);
            if t.millis < start {
                t.year - 1
            } else if t.millis >= end {
                t.year + 1
            } else {
                t.year
            }
        }
        'x' => {
            let start = start_of_first_week(t.year, t.month0);
            let (ny, nm) = next_month(t.year, t.month0);
            let end = start_of_first_week(ny, nm);
            if t.millis < start {
                previous_month(t.year, t.month0).1 + 1
            } else if t.millis >= end {
                nm + 1
            } else {
                t.month0 + 1
            }
        }
        'H' => t.hour,
        'h' => {
            let h = t.hour % 12;
            if h == 0 {
                12
            } else {
                h
            }
        }
        'm' => t.minute,
        's' => t.second,
        'f' => t.milli,
        _ => 0,
    }
}

/// One piece of a picture.
#[derive(Debug, Clone)]
enum Part {
    Literal(String),
    Marker(Marker),
}

#[derive(Debug, Clone)]
struct Marker {
    component: char,
    presentation2: Option<char>,
    names: Option<Case>,
    width_max: Option<usize>,
    integer: Option<IntegerFormat>,
    year_digits: Option<usize>,
}

fn default_presentation(c: char) -> Option<&'static str> {
    Some(match c {
        'Y' | 'M' | 'D' | 'd' | 'W' | 'w' | 'X' | 'x' | 'H' | 'h' | 'f' => "1",
        'F' | 'P' | 'C' | 'E' => "n",
        'm' | 's' => "01",
        'Z' | 'z' => "01:01",
        _ => return None,
    })
}

fn parse_width(w: &str) -> Option<usize> {
    if w == "*" {
        None
    } else {
        w.parse().ok()
    }
}

fn analyse(picture: &str) -> Result<Vec<Part>, JsonataError> {
    let chars: Vec<char> = picture.chars().collect();
    let mut parts = Vec::new();
    let mut literal = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '[' && chars.get(i + 1) == Some(&'[') {
            literal.push('[');
            i += 2;
            continue;
        }
        if c == ']' && chars.get(i + 1) == Some(&']') {
            literal.push(']');
            i += 2;
            continue;
        }
        if c != '[' {
            literal.push(c);
            i += 1;
            continue;
        }
        if !literal.is_empty() {
            parts.push(Part::Literal(core::mem::take(&mut literal)));
        }
        let Some(close) = chars[i..].iter().position(|c| *c == ']').map(|p| p + i) else {
            return Err(JsonataError::code("D3135"));
        };
        let marker: String = chars[i + 1..close]
            .iter()
            .filter(|c| !c.is_whitespace())
            .collect();
        parts.push(Part::Marker(analyse_marker(&marker)?));
        i = close + 1;
    }
    if !literal.is_empty() {
        parts.push(Part::Literal(literal));
    }
    Ok(parts)
}

fn analyse_marker(marker: &str) -> Result<Marker, JsonataError> {
    let component = marker.chars().next().unwrap_or(' ');
    let rest = &marker[component.len_utf8().min(marker.len())..];
    let (pres, width) = match rest.rfind(',') {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let (width_min, width_max) = match width {
        None => (None, None),
        Some(w) => match w.split_once('-') {
            Some((a, b)) => (parse_width(a), parse_width(b)),
            None => (parse_width(w), None),
        },
    };
    let mut presentation2 = None;
    let presentation1: String = if pres.chars().count() > 1 {
        let last = pres.chars().last().unwrap_or(' ');
        if "atco".contains(last) {
            presentation2 = Some(last);
            pres[..pres.len() - last.len_utf8()].to_string()
        } else {
            pres.to_string()
        }
    } else if pres.is_empty() {
        match default_presentation(component) {
            Some(p) => p.to_string(),
            None => return Err(JsonataError::code("D3132").with(component)),
        }
    } else {
        pres.to_string()
    };
    if default_presentation(component).is_none() {
        return Err(JsonataError::code("D3132").with(component));
    }
    let mut m = Marker {
        component,
        presentation2,
        names: None,
        width_max,
        integer: None,
        year_digits: None,
    };
    let mut p1 = presentation1.chars();
    match (p1.next(), p1.next()) {
        (Some('n'), _) => m.names = Some(Case::Lower),
        (Some('N'), Some('n')) => m.names = Some(Case::Title),
        (Some('N'), _) => m.names = Some(Case::Upper),
        _ if "YMDdFWwXxHhmsf".contains(component) => {
            let mut pattern = presentation1.clone();
            if let Some(p2) = presentation2 {
                pattern.push(';');
                pattern.push(p2);
            }
            let mut f = integer::analyse(&pattern)?;
            if let Some(min) = width_min {
                if f.mandatory_digits < min {
                    f.mandatory_digits = min;
                }
            }
            if component == 'Y' {
                if let Some(max) = width_max {
                    m.year_digits = Some(max);
                    f.mandatory_digits = max;
                } else {
                    let w = f.mandatory_digits + f.optional_digits;
                    if w >= 2 {
                        m.year_digits = Some(w);
                    }
                }
            }
            m.integer = Some(f);
        }
        _ => {}
    }
    if component == 'Z' || component == 'z' {
        m.integer = Some(integer::analyse(&presentation1)?);
    }
    Ok(m)
}

fn apply_case(s: &str, case: Case) -> String {
    match case {
        Case::Upper => s.to_uppercase(),
        Case::Lower => s.to_lowercase(),
        Case::Title => s.to_string(),
    }
}

fn format_marker(
    t: &Tm,
    m: &Marker,
    offset_hours: i64,
    offset_minutes: i64,
) -> Result<String, JsonataError> {
    let c = m.component;
    if "YMDdFWwXxHhms".contains(c) {
        let mut v = component(t, c);
        if c == 'Y' {
            if let Some(n) = m.year_digits {
                v %= 10i64.pow(n.min(18) as u32);
            }
        }
        if let Some(case) = m.names {
            let name = match c {
                'M' | 'x' => MONTHS
                    .get((v - 1).clamp(0, 11) as usize)
                    .copied()
                    .unwrap_or(""),
                'F' => DAYS.get(v.clamp(0, 7) as usize).copied().unwrap_or(""),
                _ => return Err(JsonataError::code("D3133").with(c)),
            };
            let mut name = apply_case(name, case);
            if let Some(max) = m.width_max {
                name = name.chars().take(max).collect();
            }
            return Ok(name);
        }
        return match &m.integer {
            Some(f) => integer::format(v as f64, f),
            None => Ok(v.to_string()),
        };
    }
    match c {
        'f' => match &m.integer {
            Some(f) => integer::format(t.milli as f64, f),
            None => Ok(t.milli.to_string()),
        },
        'Z' | 'z' => {
            let offset = offset_hours * 100 + offset_minutes;
            let f = m.integer.clone().unwrap_or_else(|| {
                integer::analyse("01:01").unwrap_or_else(|_| unreachable_format())
            });
            let mut s = if f.regular.is_some() {
                integer::format(offset as f64, &f)?
            } else {
                match f.mandatory_digits {
                    1 | 2 => {
                        let mut s = integer::format(offset_hours as f64, &f)?;
                        if offset_minutes != 0 {
                            s.push(':');
                            s.push_str(&alloc::format!("{:02}", offset_minutes.abs()));
                        }
                        s
                    }
                    3 | 4 => integer::format(offset as f64, &f)?,
                    n => return Err(JsonataError::code("D3134").with(n)),
                }
            };
            if offset >= 0 {
                s.insert(0, '+');
            }
            if c == 'z' {
                s.insert_str(0, "GMT");
            }
            if offset == 0 && m.presentation2 == Some('t') {
                s = "Z".into();
            }
            Ok(s)
        }
        'P' => {
            let s = if t.hour >= 12 { "pm" } else { "am" };
            Ok(if m.names == Some(Case::Upper) {
                s.to_uppercase()
            } else {
                s.to_string()
            })
        }
        'C' | 'E' => Ok("ISO".into()),
        _ => Ok(String::new()),
    }
}

fn unreachable_format() -> IntegerFormat {
    IntegerFormat {
        primary: Primary::Decimal,
        case: Case::Lower,
        ordinal: false,
        zero_code: 0x30,
        mandatory_digits: 4,
        optional_digits: 0,
        regular: Some(2),
        separators: alloc::vec![integer::Separator {
            position: 2,
            character: ':'
        }],
        token: String::new(),
    }
}

/// Formats epoch milliseconds by a picture, at a `±HHMM` offset.
fn format_datetime(
    millis: f64,
    picture: Option<&str>,
    timezone: Option<&str>,
) -> Result<String, JsonataError> {
    let (mut oh, mut om) = (0, 0);
    if let Some(tz) = timezone {
        let offset: i64 = tz.trim_start_matches('+').parse().unwrap_or(0);
        oh = offset.div_euclid(100);
        om = offset.rem_euclid(100);
        if offset < 0 && om != 0 {
            oh = -((-offset) / 100);
            om = -((-offset) % 100);
        }
    }
    let parts = analyse(picture.unwrap_or(ISO_PICTURE))?;
    // Saturating, like the rest of the date arithmetic: absurd instants and offsets
    // (far outside any calendar) must not overflow.
    let shift = oh
        .saturating_mul(60)
        .saturating_add(om)
        .saturating_mul(60_000);
    let t = tm((libm::floor(millis) as i64).saturating_add(shift));
    let mut out = String::new();
    for p in &parts {
        match p {
            Part::Literal(s) => out.push_str(s),
            Part::Marker(m) => out.push_str(&format_marker(&t, m, oh, om)?),
        }
    }
    Ok(out)
}

/// Parses an ISO 8601 timestamp (`YYYY[-MM[-DD[Thh:mm[:ss[.sss]][Z|±hh:mm]]]]`).
fn parse_iso(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let mut i = 0;
    let num = |i: &mut usize, n: usize| -> Option<i64> {
        let part = s.get(*i..*i + n)?;
        if !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        *i += n;
        part.parse().ok()
    };
    let year = num(&mut i, 4)?;
    let (mut month, mut day, mut h, mut mi, mut sec, mut ms, mut offset) = (1, 1, 0, 0, 0, 0, 0);
    if i < b.len() && b[i] == b'-' {
        i += 1;
        month = num(&mut i, 2)?;
        if i < b.len() && b[i] == b'-' {
            i += 1;
            day = num(&mut i, 2)?;
        }
    }
    if i < b.len() && b[i] == b'T' {
        i += 1;
        h = num(&mut i, 2)?;
        if b.get(i) != Some(&b':') {
            return None;
        }
        i += 1;
        mi = num(&mut i, 2)?;
        if b.get(i) == Some(&b':') {
            i += 1;
            sec = num(&mut i, 2)?;
            if b.get(i) == Some(&b'.') {
                i += 1;
                let start = i;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                let frac = &s[start..i];
                let padded: String = frac.chars().chain("000".chars()).take(3).collect();
                ms = padded.parse().ok()?;
            }
        }
        match b.get(i) {
            Some(b'Z') => i += 1,
            Some(b'+') | Some(b'-') => {
                let sign = if b[i] == b'-' { -1 } else { 1 };
                i += 1;
                let oh = num(&mut i, 2)?;
                if b.get(i) == Some(&b':') {
                    i += 1;
                }
                let om = num(&mut i, 2).unwrap_or(0);
                offset = sign * (oh * 60 + om);
            }
            _ => {}
        }
    }
    if i != b.len()
        || !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || h > 24
        || mi > 59
        || sec > 59
    {
        return None;
    }
    Some(utc(year, month - 1, day, h, mi, sec, ms) - offset * 60_000)
}

/// The regex escaped form of a literal.
fn escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if ".*+?^${}()|[]\\/".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// How each captured piece of a timestamp is read back.
enum Reader {
    None,
    Integer(IntegerFormat),
    Names(Vec<(String, i64)>),
    Offset { gmt: bool, separator: Option<char> },
}

fn parse_datetime(text: &str, picture: &str, now: i64) -> Result<Option<f64>, JsonataError> {
    let parts = analyse(picture)?;
    let mut regex = String::from("^");
    let mut readers: Vec<(char, Reader)> = Vec::new();
    for (k, p) in parts.iter().enumerate() {
        let next_is_marker = matches!(parts.get(k + 1), Some(Part::Marker(_)));
        match p {
            Part::Literal(s) => {
                regex.push('(');
                regex.push_str(&escape(s));
                regex.push(')');
                readers.push((' ', Reader::None));
            }
            Part::Marker(m) if m.component == 'Z' || m.component == 'z' => {
                let f = m.integer.clone();
                let separator = f
                    .as_ref()
                    .filter(|f| f.regular.is_some())
                    .and_then(|f| f.separators.first().map(|s| s.character));
                let mut r = String::new();
                if m.component == 'z' {
                    r.push_str("GMT");
                }
                r.push_str("[-+][0-9]+");
                if let Some(sep) = separator {
                    r.push_str(&escape(&sep.to_string()));
                    r.push_str("[0-9]+");
                }
                regex.push_str(&alloc::format!("({r})"));
                readers.push((
                    m.component,
                    Reader::Offset {
                        gmt: m.component == 'z',
                        separator,
                    },
                ));
            }
            Part::Marker(m) => {
                if let Some(f) = &m.integer {
                    regex.push_str(&alloc::format!(
                        "({})",
                        integer::pattern(f, next_is_marker)?
                    ));
                    readers.push((m.component, Reader::Integer(f.clone())));
                } else {
                    let names: Vec<(String, i64)> = match m.component {
                        'M' | 'x' => MONTHS
                            .iter()
                            .enumerate()
                            .map(|(i, n)| (n.to_string(), i as i64 + 1))
                            .collect(),
                        'F' => DAYS[1..]
                            .iter()
                            .enumerate()
                            .map(|(i, n)| (n.to_string(), i as i64 + 1))
                            .collect(),
                        'P' => alloc::vec![("am".into(), 0), ("pm".into(), 1)],
                        _ => return Err(JsonataError::code("D3133").with(m.component)),
                    };
                    let names = names
                        .into_iter()
                        .map(|(n, v)| match m.width_max {
                            Some(max) => (n.chars().take(max).collect(), v),
                            None => (n, v),
                        })
                        .collect();
                    regex.push_str("([a-zA-Z]+)");
                    readers.push((m.component, Reader::Names(names)));
                }
            }
        }
    }
    regex.push('$');
    let re = Regex::new(&regex, "i")?;
    let chars: Vec<char> = text.chars().collect();
    let Some(found) = re.find_at(&chars, 0)? else {
        return Ok(None);
    };
    let mut comps: [Option<i64>; 128] = [None; 128];
    for ((c, reader), g) in readers.iter().zip(found.groups.iter()) {
        let Some((a, b)) = g else { continue };
        let s: String = chars[*a..*b].iter().collect();
        let v = match reader {
            Reader::None => continue,
            // Fractional seconds are a fraction: truncated or padded to milliseconds.
            Reader::Integer(_) if *c == 'f' => s
                .chars()
                .chain("000".chars())
                .take(3)
                .collect::<String>()
                .parse()
                .ok(),
            Reader::Integer(f) => integer::parse(&s, f)?.map(|v| v as i64),
            Reader::Names(names) => names
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(&s))
                .map(|(_, v)| *v),
            Reader::Offset { gmt, separator } => {
                let s = if *gmt { &s[3..] } else { &s[..] };
                let (h, m) = match separator {
                    Some(sep) => match s.split_once(*sep) {
                        Some((h, m)) => {
                            (h.parse::<i64>().unwrap_or(0), m.parse::<i64>().unwrap_or(0))
                        }
                        None => (0, 0),
                    },
                    None if s.len() <= 3 => (s.parse::<i64>().unwrap_or(0), 0),
                    None => (
                        s[..3].parse::<i64>().unwrap_or(0),
                        s[3..].parse::<i64>().unwrap_or(0),
                    ),
                };
                Some(h * 60 + if h < 0 || s.starts_with('-') { -m } else { m })
            }
        };
        if let Some(v) = v {
            comps[*c as usize & 127] = Some(v);
        }
    }
    let has = |c: char| comps[c as usize].is_some();
    if !"YXMxWwdDFPHhmsfZz".chars().any(has) {
        return Ok(None);
    }
    let mask = |list: &str| list.chars().fold(0u32, |m, c| (m << 1) | has(c) as u32);
    let is_type = |t: u32, m: u32| (!t & m) == 0 && (t & m) != 0;
    let dm = mask("YXMxWwdD");
    let date_a = is_type(161, dm);
    let date_b = !date_a && is_type(130, dm);
    let date_c = is_type(84, dm);
    let date_d = !date_c && is_type(72, dm);
    let tmask = mask("PHhmsf");
    let time_a = is_type(23, tmask);
    let time_b = !time_a && is_type(47, tmask);
    let date_comps = if date_b {
        "Yd"
    } else if date_c {
        "XxwF"
    } else if date_d {
        "XWF"
    } else {
        "YMD"
    };
    let time_comps = if time_b { "Phmsf" } else { "Hmsf" };
    let now_tm = tm(now);
    let (mut start, mut end) = (false, false);
    for c in date_comps.chars().chain(time_comps.chars()) {
        if comps[c as usize].is_none() {
            if start {
                comps[c as usize] = Some(if "MDd".contains(c) { 1 } else { 0 });
                end = true;
            } else {
                comps[c as usize] = Some(if c == 'P' {
                    (now_tm.hour >= 12) as i64
                } else {
                    component(&now_tm, c)
                });
            }
        } else {
            start = true;
            if end {
                return Err(JsonataError::code("D3136"));
            }
        }
    }
    let get = |c: char| comps[c as usize].unwrap_or(0);
    let mut month0 = if get('M') > 0 { get('M') - 1 } else { 0 };
    let mut day = get('D');
    if date_b {
        let t = tm(utc(get('Y'), 0, get('d'), 0, 0, 0, 0));
        month0 = t.month0;
        day = t.day;
    }
    if date_c || date_d {
        return Err(JsonataError::code("D3136"));
    }
    let mut hour = get('H');
    if time_b {
        hour = if get('h') == 12 { 0 } else { get('h') };
        if get('P') == 1 {
            hour = hour.saturating_add(12);
        }
    }
    let mut millis = utc(get('Y'), month0, day, hour, get('m'), get('s'), get('f'));
    let tz = comps['Z' as usize].or(comps['z' as usize]).unwrap_or(0);
    millis = millis.saturating_sub(tz.saturating_mul(60_000));
    Ok(Some(millis as f64))
}

/// `$now([picture[, timezone]])`: the virtual clock as a timestamp.
pub fn now(ev: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let ms = ev.env.now_millis as f64;
    Ok(Some(JValue::string(format_datetime(
        ms,
        arg_str(args, 0),
        arg_str(args, 1),
    )?)))
}

/// `$millis()`: the virtual clock in milliseconds.
pub fn millis(ev: &mut Evaluator, _: &[Option<JValue>], _: &Ctx) -> R {
    Ok(Some(JValue::Number(ev.env.now_millis as f64)))
}

/// `$fromMillis(number[, picture[, timezone]])`.
pub fn from_millis(_: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(ms) = arg_num(args, 0) else {
        return Ok(None);
    };
    Ok(Some(JValue::string(format_datetime(
        ms,
        arg_str(args, 1),
        arg_str(args, 2),
    )?)))
}

/// `$toMillis(timestamp[, picture])`.
pub fn to_millis(ev: &mut Evaluator, args: &[Option<JValue>], _: &Ctx) -> R {
    let Some(text) = arg_str(args, 0) else {
        return Ok(None);
    };
    match arg_str(args, 1) {
        Some(picture) => Ok(parse_datetime(text, picture, ev.env.now_millis)?.map(JValue::Number)),
        None => match parse_iso(text) {
            Some(ms) => Ok(Some(JValue::Number(ms as f64))),
            None => Err(JsonataError::code("D3110")),
        },
    }
}
