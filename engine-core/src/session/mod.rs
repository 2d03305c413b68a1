//! Keeping the person's work: the autosaved document, the recent list and share links.
//! Pure encodings only; the studio moves them in and out of `localStorage` and the URL.

mod recent;
mod saved;
mod share_link;

pub use recent::{title_of, RecentDocument, RecentList, RECENT_LIMIT};
pub use saved::{SavedDocument, SavedView};
pub use share_link::{
    decode_fragment, decode_fragment_scenarios, encode_fragment, encode_fragment_with_scenarios,
    ShareLinkError, FRAGMENT_KEY, MAX_SHARED_BYTES, SCENARIOS_KEY,
};
