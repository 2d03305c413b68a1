//! Coordinates as the markup writes them: one decimal, exactly as `{:.1}` would, but
//! without the float formatter's exact mode (a 1,000-state drawing writes some 50,000
//! numbers, and that mode was most of the time spent writing it).

use core::fmt;

/// `x` with one decimal, written as `format!("{:.1}", x)` writes it.
#[derive(Clone, Copy)]
pub(super) struct Tenths(pub f64);

/// How far from a tie (a hundredth ending in 5) the fast path works; closer, and the
/// rounding of `10 * x` could decide it, so the exact formatter does.
const TIE_MARGIN: f64 = 1e-6;
/// Below this, `10 * x` is off by far less than `TIE_MARGIN`.
const FAST_BELOW: f64 = 1e9;

impl fmt::Display for Tenths {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.0;
        let scaled = x.abs() * 10.0;
        // NaN and the infinities fail this test and go to the exact formatter.
        if scaled < FAST_BELOW {
            let whole = scaled as u64;
            let frac = scaled - whole as f64;
            if (frac - 0.5).abs() > TIE_MARGIN {
                let tenths = whole + u64::from(frac > 0.5);
                let sign = if x.is_sign_negative() { "-" } else { "" };
                return write!(f, "{sign}{}.{}", tenths / 10, tenths % 10);
            }
        }
        write!(f, "{x:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::Tenths;
    use alloc::format;

    fn same(x: f64) {
        assert_eq!(format!("{}", Tenths(x)), format!("{x:.1}"), "for {x:?}");
    }

    #[test]
    fn writes_what_the_standard_formatter_writes() {
        for x in [
            0.0,
            -0.0,
            0.04,
            -0.04,
            0.05,
            0.15,
            0.25,
            0.35,
            -0.25,
            1.0,
            2810.4,
            2810.45,
            -1432.44999,
            1e9,
            1e12,
            -3.5e15,
            0.95,
            9.95,
            99.95,
            123456.75,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
            f64::MAX,
        ] {
            same(x);
        }
        // A deterministic spread of values with up to three decimals, and of arbitrary bits.
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let thousandths = (seed % 20_000_000) as i64 - 10_000_000;
            same(thousandths as f64 / 1000.0);
            same(f64::from_bits(seed) % 1e7);
        }
    }
}
