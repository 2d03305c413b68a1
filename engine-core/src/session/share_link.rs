//! Share links: a definition carried in the URL fragment, so nothing is sent anywhere.
//!
//! The fragment is `#asl=` followed by the text compressed with raw DEFLATE (RFC 1951, what
//! the browser's `CompressionStream("deflate-raw")` also reads) and written in base64url
//! without padding (RFC 4648 §5), whose alphabet needs no escaping in a URL.
//! The document's scenarios (inputs, mocks, expected outcomes) may follow as
//! `&sim=` and their record, encoded the same way; links without it still open.

use crate::json::{parse_value, write_compact};
use crate::sim::Scenarios;
use alloc::string::String;
use alloc::vec::Vec;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// The fragment key a share link uses.
pub const FRAGMENT_KEY: &str = "asl=";

/// The fragment key of the scenarios part.
pub const SCENARIOS_KEY: &str = "sim=";

/// The largest definition a link may expand to; a crafted link cannot exhaust memory.
pub const MAX_SHARED_BYTES: usize = 4 << 20;

/// Why a link could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareLinkError {
    /// The fragment is not a share link at all (no `asl=`).
    NotAShareLink,
    /// The payload is not base64url.
    Encoding,
    /// The payload is not DEFLATE data, or expands past [`MAX_SHARED_BYTES`].
    Compression,
    /// The expanded bytes are not UTF-8 text.
    NotText,
}

impl core::fmt::Display for ShareLinkError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            ShareLinkError::NotAShareLink => "the link carries no definition",
            ShareLinkError::Encoding => "the link's definition is not valid base64url",
            ShareLinkError::Compression => "the link's definition is damaged or too large",
            ShareLinkError::NotText => "the link's definition is not text",
        })
    }
}

/// The URL fragment (with its leading `#`) that carries `text`.
pub fn encode_fragment(text: &str) -> String {
    let mut fragment = String::from("#");
    fragment.push_str(FRAGMENT_KEY);
    pack(text, &mut fragment);
    fragment
}

/// The URL fragment that carries `text` and the document's scenarios.
pub fn encode_fragment_with_scenarios(text: &str, scenarios: &Scenarios) -> String {
    let mut fragment = encode_fragment(text);
    fragment.push('&');
    fragment.push_str(SCENARIOS_KEY);
    pack(&write_compact(&scenarios.to_value()), &mut fragment);
    fragment
}

/// The text a fragment carries; accepts it with or without the leading `#`.
pub fn decode_fragment(fragment: &str) -> Result<String, ShareLinkError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let payload = fragment
        .strip_prefix(FRAGMENT_KEY)
        .ok_or(ShareLinkError::NotAShareLink)?;
    unpack(payload.split('&').next().unwrap_or(""))
}

/// The scenarios a fragment carries, if it has a scenarios part; a damaged part is an
/// error (the definition may still open).
pub fn decode_fragment_scenarios(fragment: &str) -> Option<Result<Scenarios, ShareLinkError>> {
    let part = fragment.split('&').skip(1).find_map(|p| p.strip_prefix(SCENARIOS_KEY))?;
    Some(unpack(part).and_then(|json| {
        parse_value(&json)
            .ok()
            .and_then(|v| Scenarios::from_value(&v))
            .ok_or(ShareLinkError::NotText)
    }))
}

fn pack(text: &str, out: &mut String) {
    let compressed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 9);
    URL_SAFE_NO_PAD.encode_string(&compressed, out);
}

fn unpack(payload: &str) -> Result<String, ShareLinkError> {
    let compressed: Vec<u8> = URL_SAFE_NO_PAD
        .decode(payload.trim_end())
        .map_err(|_| ShareLinkError::Encoding)?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, MAX_SHARED_BYTES)
        .map_err(|_| ShareLinkError::Compression)?;
    String::from_utf8(bytes).map_err(|_| ShareLinkError::NotText)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_text_byte_for_byte() {
        let text =
            "{\n  \"StartAt\": \"Ä\",\r\n\t\"States\": {\"Ä\": {\"Type\": \"Succeed\"}}\n}\n";
        let fragment = encode_fragment(text);
        assert!(fragment.starts_with("#asl="));
        assert!(fragment[5..]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        assert_eq!(decode_fragment(&fragment).unwrap(), text);
    }

    #[test]
    fn reads_a_stored_raw_deflate_block() {
        // RFC 1951 §3.2.4: BFINAL=1, BTYPE=00 (stored), LEN=2, NLEN=!2, then the bytes "hi".
        let raw = [0x01, 0x02, 0x00, 0xfd, 0xff, b'h', b'i'];
        let fragment = alloc::format!("asl={}", URL_SAFE_NO_PAD.encode(raw));
        assert_eq!(decode_fragment(&fragment).unwrap(), "hi");
    }

    #[test]
    fn rejects_what_is_not_a_link() {
        assert_eq!(
            decode_fragment("#view=1"),
            Err(ShareLinkError::NotAShareLink)
        );
        assert_eq!(decode_fragment("#asl=***"), Err(ShareLinkError::Encoding));
        assert_eq!(
            decode_fragment("#asl=AAAA"),
            Err(ShareLinkError::Compression)
        );
        // A stored block holding the single byte 0xff, which is not UTF-8.
        let raw = [0x01, 0x01, 0x00, 0xfe, 0xff, 0xff];
        let fragment = alloc::format!("asl={}", URL_SAFE_NO_PAD.encode(raw));
        assert_eq!(decode_fragment(&fragment), Err(ShareLinkError::NotText));
    }

    #[test]
    fn carries_scenarios_beside_the_definition() {
        let mut scenarios = Scenarios::default();
        scenarios.active_mut().input = "{\"n\": 1".into();
        scenarios.add(crate::sim::MockDrafts::default());
        let fragment = encode_fragment_with_scenarios("{}", &scenarios);
        assert_eq!(decode_fragment(&fragment).unwrap(), "{}");
        assert_eq!(decode_fragment_scenarios(&fragment), Some(Ok(scenarios)));
        // A link made before scenarios travelled has none; a damaged part is an error.
        assert_eq!(decode_fragment_scenarios(&encode_fragment("{}")), None);
        let damaged = alloc::format!("{}&sim=***", encode_fragment("{}"));
        assert_eq!(decode_fragment(&damaged).unwrap(), "{}");
        assert_eq!(decode_fragment_scenarios(&damaged), Some(Err(ShareLinkError::Encoding)));
    }

    #[test]
    fn compresses_a_repetitive_definition() {
        let mut text = String::from("{\"StartAt\":\"S0\",\"States\":{");
        for i in 0..200 {
            text.push_str(&alloc::format!(
                "\"S{i}\":{{\"Type\":\"Pass\",\"Next\":\"S{}\"}},",
                i + 1
            ));
        }
        text.push_str("\"S200\":{\"Type\":\"Succeed\"}}}");
        let fragment = encode_fragment(&text);
        assert!(
            fragment.len() * 3 < text.len(),
            "{} vs {}",
            fragment.len(),
            text.len()
        );
        assert_eq!(decode_fragment(&fragment).unwrap(), text);
    }
}
