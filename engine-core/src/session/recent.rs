//! "Open recent": the documents the person worked on before, newest first, kept in
//! `localStorage` as a JSON array of `{title, text}`.

use crate::json::{parse_value, write_compact};
use crate::{Map, Value};
use alloc::string::{String, ToString};
use crate::shared::Shared;
use alloc::vec::Vec;

/// How many documents the list remembers.
pub const RECENT_LIMIT: usize = 10;

/// One remembered document.
#[derive(Clone, Debug, PartialEq)]
pub struct RecentDocument {
    pub title: String,
    pub text: String,
}

/// Remembered documents, newest first, without duplicates.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RecentList {
    pub documents: Vec<RecentDocument>,
}

impl RecentList {
    /// Remembers `text` as the newest document; an identical text moves to the front.
    /// Blank texts are not worth remembering.
    pub fn remember(&mut self, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        self.documents.retain(|d| d.text != text);
        self.documents.insert(
            0,
            RecentDocument {
                title: title_of(text),
                text: text.into(),
            },
        );
        self.documents.truncate(RECENT_LIMIT);
    }

    /// The list as compact JSON.
    pub fn to_json(&self) -> String {
        let items = self
            .documents
            .iter()
            .map(|d| {
                let mut m = Map::default();
                m.insert("title".into(), Value::String(d.title.clone()));
                m.insert("text".into(), Value::String(d.text.clone()));
                Value::Object(Shared::new(m))
            })
            .collect();
        write_compact(&Value::array(items))
    }

    /// Reads a list written by [`RecentList::to_json`]; damaged entries are skipped.
    pub fn from_json(json: &str) -> RecentList {
        let Ok(Value::Array(items)) = parse_value(json) else {
            return RecentList::default();
        };
        let documents = items
            .iter()
            .filter_map(|item| {
                let text = item.get("text")?.as_str()?.to_string();
                let title = item
                    .get("title")
                    .and_then(Value::as_str)
                    .map(String::from)
                    .unwrap_or_else(|| title_of(&text));
                Some(RecentDocument { title, text })
            })
            .take(RECENT_LIMIT)
            .collect();
        RecentList { documents }
    }
}

/// A short name for a definition: its `Comment`, else its `StartAt`, else its first line.
pub fn title_of(text: &str) -> String {
    const MAX_CHARS: usize = 60;
    let from_json = parse_value(text).ok().and_then(|v| {
        ["Comment", "StartAt"].iter().find_map(|key| {
            v.get(key)
                .and_then(Value::as_str)
                .filter(|s| !s.trim().is_empty())
                .map(String::from)
        })
    });
    let title = from_json.unwrap_or_else(|| {
        text.lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("Untitled")
            .trim()
            .into()
    });
    if title.chars().count() > MAX_CHARS {
        let mut short: String = title.chars().take(MAX_CHARS - 1).collect();
        short.push('…');
        short
    } else {
        title
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_without_duplicates_and_bounded() {
        let mut list = RecentList::default();
        for i in 0..12 {
            list.remember(&alloc::format!("{{\"StartAt\": \"S{i}\"}}"));
        }
        list.remember("{\"StartAt\": \"S5\"}");
        list.remember("   ");
        assert_eq!(list.documents.len(), RECENT_LIMIT);
        assert_eq!(list.documents[0].title, "S5");
        assert_eq!(list.documents[1].title, "S11");
        assert_eq!(list.documents.iter().filter(|d| d.title == "S5").count(), 1);
        assert_eq!(RecentList::from_json(&list.to_json()), list);
    }

    #[test]
    fn titles_prefer_the_comment() {
        assert_eq!(
            title_of("{\"Comment\": \"Polls a job\", \"StartAt\": \"A\"}"),
            "Polls a job"
        );
        assert_eq!(title_of("{\"Comment\": \" \", \"StartAt\": \"A\"}"), "A");
        assert_eq!(title_of("\n  {broken\n"), "{broken");
        assert_eq!(title_of(&"x".repeat(80)).chars().count(), 60);
        assert!(RecentList::from_json("[{\"text\": 1}, 5]")
            .documents
            .is_empty());
    }
}
