//! RFC 3339 timestamps as Step Functions accepts them (`2016-08-18T17:33:00Z`,
//! `2016-08-18T17:33:00.123+02:00`): Choice `Timestamp*` rules and Wait `Timestamp`.

use crate::calendar::days_from_civil;
use core::cmp::Ordering;

/// An instant: seconds since the Unix epoch plus nanoseconds, ordered in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp {
    pub seconds: i64,
    pub nanos: u32,
}

impl Timestamp {
    /// Milliseconds since the Unix epoch (sub-millisecond digits dropped).
    pub fn epoch_millis(self) -> i64 {
        self.seconds * 1000 + i64::from(self.nanos / 1_000_000)
    }
}

/// Parse an ISO-8601 extended offset date-time as AWS (Java's ISO_OFFSET_DATE_TIME)
/// accepts it: `YYYY-MM-DDTHH:MM[:SS[.fraction]](Z|±HH:MM[:SS])`, `T` and `Z` in either
/// case, at most nine fraction digits. `None` for anything else, including a missing
/// offset, a space for `T`, or an out-of-range field.
pub fn parse_timestamp(text: &str) -> Option<Timestamp> {
    let b = text.as_bytes();
    let year = digits(b, 0, 4)?;
    let month = digits(b, 5, 2)?;
    let day = digits(b, 8, 2)?;
    let hour = digits(b, 11, 2)?;
    let minute = digits(b, 14, 2)?;
    if b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't') || b[13] != b':' {
        return None;
    }
    let mut pos = 16;
    let mut second = 0;
    let mut nanos: u32 = 0;
    if b.get(pos) == Some(&b':') {
        second = digits(b, pos + 1, 2)?;
        pos += 3;
        if b.get(pos) == Some(&b'.') {
            pos += 1;
            let start = pos;
            while let Some(d @ b'0'..=b'9') = b.get(pos).copied() {
                nanos = nanos.checked_mul(10)? + u32::from(d - b'0');
                pos += 1;
            }
            let count = pos - start;
            if count == 0 || count > 9 {
                return None;
            }
            nanos *= 10u32.pow((9 - count) as u32);
        }
    }
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let offset_seconds: i64 = match b.get(pos)? {
        b'Z' | b'z' if pos + 1 == b.len() => 0,
        sign @ (b'+' | b'-') if b.get(pos + 3) == Some(&b':') => {
            let h = digits(b, pos + 1, 2)?;
            let m = digits(b, pos + 4, 2)?;
            let s = match b.len() - pos {
                6 => 0,
                9 if b[pos + 6] == b':' => digits(b, pos + 7, 2)?,
                _ => return None,
            };
            if h > 18 || m > 59 || s > 59 {
                return None;
            }
            let total = i64::from(h * 3600 + m * 60 + s);
            if *sign == b'-' { -total } else { total }
        }
        _ => return None,
    };
    let days = days_from_civil(i64::from(year), i64::from(month), i64::from(day));
    let local = days * 86_400 + i64::from(hour * 3600 + minute * 60 + second);
    Some(Timestamp { seconds: local - offset_seconds, nanos })
}

/// Compare two timestamp texts; `None` when either is not a timestamp.
pub fn compare_timestamps(a: &str, b: &str) -> Option<Ordering> {
    Some(parse_timestamp(a)?.cmp(&parse_timestamp(b)?))
}

fn digits(b: &[u8], at: usize, n: usize) -> Option<u32> {
    let mut v = 0u32;
    for &d in b.get(at..at + n)? {
        if !d.is_ascii_digit() {
            return None;
        }
        v = v * 10 + u32::from(d - b'0');
    }
    Some(v)
}

fn is_leap(year: u32) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_utc_and_offsets() {
        let t = parse_timestamp("1970-01-01T00:00:01Z").unwrap();
        assert_eq!(t, Timestamp { seconds: 1, nanos: 0 });
        let a = parse_timestamp("2012-10-09T19:00:55+01:00").unwrap();
        let b = parse_timestamp("2012-10-09T18:00:55Z").unwrap();
        assert_eq!(a, b);
        let f = parse_timestamp("2016-08-18T17:33:00.5Z").unwrap();
        assert_eq!(f.nanos, 500_000_000);
        assert_eq!(parse_timestamp("2000-02-29T00:00:00Z").unwrap().seconds, 951_782_400);
        assert_eq!(parse_timestamp("1970-01-01t00:01z").unwrap().seconds, 60);
        assert_eq!(parse_timestamp("1970-01-01T00:00:00.123456789-00:00:30").unwrap(), Timestamp { seconds: 30, nanos: 123_456_789 });
    }

    #[test]
    fn rejects_what_aws_rejects() {
        // Recorded by AWS as invalid (scenarios.test_base_scenarios.test_wait_timestamp_path.*).
        for bad in [
            "05-12-2016T21:29:29Z",
            "2016-12-05T21:29:29",
            "2016-12-05 21:29:29Z",
            "2016-12-05T25:29:29Z",
            "2023-02-24",
            "2023-02-24 12:15:56.832957",
            "2001-02-29T00:00:00Z",
            "2001-01-01T00:00:00.1234567891Z",
            "2001-01-01T00:00:00+0100",
            "",
        ] {
            assert!(parse_timestamp(bad).is_none(), "{bad}");
        }
    }
}
