//! The virtual clock's calendar: RFC 3339 timestamps to and from epoch milliseconds.

use crate::calendar::{civil_from_days, days_from_civil};
use alloc::format;
use alloc::string::String;



fn digits(s: &[u8], at: usize, n: usize) -> Option<i64> {
    let part = s.get(at..at + n)?;
    let mut v = 0i64;
    for &c in part {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + i64::from(c - b'0');
    }
    Some(v)
}

/// Parses an ISO-8601 extended offset date-time (`2016-03-14T01:59:00Z`,
/// `…T01:59:00.123+02:00`) to epoch milliseconds. An offset is required and `T` must be
/// upper-case, as AWS requires.
pub fn parse_timestamp(text: &str) -> Option<i64> {
    let s = text.as_bytes();
    let (y, mo, d) = (digits(s, 0, 4)?, digits(s, 5, 2)?, digits(s, 8, 2)?);
    if s.get(4) != Some(&b'-') || s.get(7) != Some(&b'-') || s.get(10) != Some(&b'T') {
        return None;
    }
    let (h, mi) = (digits(s, 11, 2)?, digits(s, 14, 2)?);
    if s.get(13) != Some(&b':') {
        return None;
    }
    let mut i = 16;
    let mut sec = 0;
    let mut ms = 0;
    if s.get(i) == Some(&b':') {
        sec = digits(s, 17, 2)?;
        i = 19;
        if s.get(i) == Some(&b'.') {
            i += 1;
            let start = i;
            while i < s.len() && s[i].is_ascii_digit() {
                if i - start < 3 {
                    ms = ms * 10 + i64::from(s[i] - b'0');
                }
                i += 1;
            }
            if i == start {
                return None;
            }
            for _ in (i - start)..3 {
                ms *= 10;
            }
        }
    }
    let offset_min = match s.get(i) {
        Some(b'Z') if i + 1 == s.len() => 0,
        Some(&sign @ (b'+' | b'-')) if s.len() == i + 6 && s[i + 3] == b':' => {
            let off = digits(s, i + 1, 2)? * 60 + digits(s, i + 4, 2)?;
            if sign == b'-' { -off } else { off }
        }
        _ => return None,
    };
    let month_days = [31, if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&mo) || d < 1 || d > month_days[(mo - 1) as usize] || h > 23 || mi > 59 || sec > 59 {
        return None;
    }
    let days = days_from_civil(y, mo, d);
    Some(((days * 24 + h) * 60 + mi - offset_min) * 60_000 + sec * 1000 + ms)
}

/// Formats epoch milliseconds as AWS writes context timestamps (`2024-01-01T00:00:00.000Z`).
pub fn format_timestamp(ms: i64) -> String {
    let days = ms.div_euclid(86_400_000);
    let rest = ms.rem_euclid(86_400_000);
    let (y, m, d) = civil_from_days(days);
    if !(0..=9999).contains(&y) {
        return format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z", rest / 3_600_000, rest / 60_000 % 60, rest / 1000 % 60, rest % 1000);
    }
    // Written digit by digit: every history event and `$$` carries one (a hot path).
    let mut out = String::with_capacity(24);
    let mut push = |n: i64, width: u32, sep: Option<char>| {
        for k in (0..width).rev() {
            out.push(char::from(b'0' + (n / 10_i64.pow(k) % 10) as u8));
        }
        if let Some(c) = sep {
            out.push(c);
        }
    };
    push(y, 4, Some('-'));
    push(m, 2, Some('-'));
    push(d, 2, Some('T'));
    push(rest / 3_600_000, 2, Some(':'));
    push(rest / 60_000 % 60, 2, Some(':'));
    push(rest / 1000 % 60, 2, Some('.'));
    push(rest % 1000, 3, Some('Z'));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_epoch_milliseconds() {
        let t = parse_timestamp("2016-03-14T01:59:00Z").unwrap();
        assert_eq!(t, 1_457_920_740_000);
        assert_eq!(format_timestamp(t), "2016-03-14T01:59:00.000Z");
        assert_eq!(parse_timestamp("2016-03-14T03:59:00.5+02:00"), Some(t + 500));
    }

    #[test]
    fn rejects_what_aws_rejects() {
        for bad in ["2016-12-05T21:29:29", "2016-12-05 21:29:29Z", "05-12-2016T21:29:29Z", "2016-12-05T25:29:29Z", "2016-13-05T21:29:29Z", "2016-12-05t21:29:29Z"] {
            assert_eq!(parse_timestamp(bad), None, "{bad}");
        }
    }

    #[test]
    fn digits_written_one_by_one_match_padded_formatting() {
        for ms in [0_i64, 1, 999, 86_399_999, -1, -86_400_001, 1_704_067_200_123, 253_402_300_799_999, 951_782_400_000] {
            let days = ms.div_euclid(86_400_000);
            let rest = ms.rem_euclid(86_400_000);
            let (y, m, d) = civil_from_days(days);
            let padded = format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z", rest / 3_600_000, rest / 60_000 % 60, rest / 1000 % 60, rest % 1000);
            assert_eq!(format_timestamp(ms), padded);
        }
        assert_eq!(format_timestamp(951_782_400_000), "2000-02-29T00:00:00.000Z");
    }
}
