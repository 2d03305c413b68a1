//! Text measurement without a browser: an estimate of how wide a line is drawn, from
//! per-character advances close to DejaVu Sans (the widest of the common sans fonts, so
//! boxes sized from it hold the text in narrower fonts too), and line wrapping.

use alloc::string::String;
use alloc::vec::Vec;

/// Advance of one character in em, rounded up from DejaVu Sans.
fn advance(c: char) -> f64 {
    match c {
        'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'I' => 0.32,
        ' ' | 'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '/' | '\\' | '-' | '`' => 0.42,
        'm' | 'M' | 'W' | '%' | '@' => 1.0,
        'w' | 'O' | 'Q' | 'G' | 'D' | 'H' | 'N' | 'C' | 'U' | '&' => 0.82,
        'A'..='Z' => 0.74,
        '0'..='9' | 'a'..='z' | '_' | '$' | '#' | '?' => 0.64,
        '<' | '>' | '=' | '+' | '~' | '^' | '*' | '"' | '{' | '}' => 0.84,
        c if is_wide(c) => 1.05,
        _ => 0.8,
    }
}

/// East Asian wide and full-width characters, and emoji: drawn about one em wide.
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1FAFF
        | 0x20000..=0x3FFFD)
}

/// Estimated width of `text` at `font_size` pixels; bold text is drawn wider.
pub fn text_width(text: &str, font_size: f64, bold: bool) -> f64 {
    let em: f64 = text.chars().map(advance).sum();
    em * font_size * if bold { 1.08 } else { 1.0 }
}

/// Whether a line may break between `prev` and `next`: after a space or separator,
/// or between a lower-case letter (or digit) and an upper-case one.
fn may_break(prev: char, next: char) -> bool {
    matches!(prev, ' ' | '-' | '_' | '.' | ':' | '/' | ',')
        || ((prev.is_lowercase() || prev.is_ascii_digit()) && next.is_uppercase())
}

/// `text` split into lines no wider than `max_width` (at `font_size`, bold), breaking
/// at word and camelCase boundaries where it can and anywhere where it must. Nothing
/// is dropped: the lines joined give `text` back (trailing spaces stay on their line).
pub fn wrap(text: &str, max_width: f64, font_size: f64, bold: bool) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    if chars.is_empty() {
        return alloc::vec![String::new()];
    }
    let scale = font_size * if bold { 1.08 } else { 1.0 };
    let mut lines = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        // The longest run from `start` that fits (at least one character).
        let mut width = 0.0;
        let mut end = start;
        while end < chars.len() {
            let w = advance(chars[end]) * scale;
            if end > start && width + w > max_width {
                break;
            }
            width += w;
            end += 1;
        }
        if end < chars.len() {
            // Back up to the last good break inside the run, if there is one.
            if let Some(b) = (start + 1..end)
                .rev()
                .find(|&b| may_break(chars[b - 1], chars[b]))
            {
                end = b;
            }
        }
        lines.push(chars[start..end].iter().collect());
        start = end;
    }
    lines
}

/// `text` cut to fit `max_width`, ending in `…` when cut.
pub fn ellipsize(text: &str, max_width: f64, font_size: f64) -> String {
    if text_width(text, font_size, false) <= max_width {
        return String::from(text);
    }
    let budget = max_width - advance('…') * font_size;
    let mut out = String::new();
    let mut width = 0.0;
    for c in text.chars() {
        width += advance(c) * font_size;
        if width > budget {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn wrapping_prefers_word_and_camel_case_breaks_and_keeps_every_character() {
        let name = "ProcessIncomingOrderAndNotifyTheWarehouse";
        let lines = wrap(name, 150.0, 13.0, true);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), name);
        for l in &lines {
            assert!(text_width(l, 13.0, true) <= 150.0, "{l}");
            assert!(
                l.starts_with(char::is_uppercase),
                "broke inside a word: {l}"
            );
        }
        let spaced = wrap("Send the confirmation email", 120.0, 13.0, false);
        assert_eq!(spaced.concat(), "Send the confirmation email");
        assert!(spaced.iter().skip(1).all(|l| !l.starts_with(' ')));
    }

    #[test]
    fn unbreakable_text_breaks_anywhere_and_tiny_widths_still_progress() {
        let lines = wrap(&"x".repeat(100), 60.0, 13.0, false);
        assert!(lines.len() >= 10);
        assert_eq!(lines.concat(), "x".repeat(100));
        let one_each = wrap("abc", 0.0, 13.0, false);
        assert_eq!(one_each, ["a", "b", "c"]);
        assert_eq!(wrap("", 100.0, 13.0, false), [""]);
    }

    #[test]
    fn wide_characters_count_wider_and_ellipsis_fits() {
        assert!(text_width("状态机", 13.0, false) > text_width("abc", 13.0, false));
        assert!(text_width("W", 13.0, true) > text_width("W", 13.0, false));
        let cut = ellipsize(&"long words ".repeat(20), 100.0, 11.0);
        assert!(cut.ends_with('…'));
        assert!(text_width(&cut, 11.0, false) <= 100.0 + 1e-9);
        assert_eq!(ellipsize("short", 100.0, 11.0), "short".to_string());
    }
}
