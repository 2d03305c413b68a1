//! One visit's inspection data as a session keeps it. A recorded run's records arrive
//! as text, one line each, and are decoded only when a person looks at that visit: a
//! long run writes tens of thousands of them and the page reads each in a moment.
//!
//! A line is `enteredEventId TAB name TAB record`, the name as a JSON string and the
//! record as `wire::inspection_to_value` writes it, compact (JSON text written compact
//! has no raw tab or line break, so neither separator can occur inside a field).

use super::wire::{inspection_from_value, inspection_to_value};
use crate::json::{parse_value, write_compact};
use crate::run::StateInspection;
use crate::Value;
use alloc::boxed::Box;
use alloc::format;
use alloc::rc::Rc;
use alloc::string::{String, ToString};
use core::cell::OnceCell;
use core::fmt;

/// A visit's record: found by state name and entered event, decoded on first use.
#[derive(Clone)]
pub struct InspectionRecord {
    name: Rc<str>,
    entered_event_id: u32,
    body: Body,
}

#[derive(Clone)]
enum Body {
    Decoded(Rc<StateInspection>),
    /// The record's JSON text; `None` in the cell when it turned out malformed.
    Text(Box<str>, OnceCell<Option<Rc<StateInspection>>>),
}

impl InspectionRecord {
    /// A record made here (a live session's, or the recorder's).
    pub fn decoded(record: Rc<StateInspection>) -> InspectionRecord {
        InspectionRecord { name: record.name.clone(), entered_event_id: record.entered_event_id, body: Body::Decoded(record) }
    }

    /// Reads one line; only the name and entered event are decoded now.
    pub fn from_line(line: &str) -> Result<InspectionRecord, String> {
        let bad = |what: &str| format!("an inspection record is malformed: {what}");
        let mut parts = line.splitn(3, '\t');
        let (Some(id), Some(name), Some(record)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad("it has fewer than three fields"));
        };
        let entered_event_id = id.parse().map_err(|_| bad("enteredEventId"))?;
        let name = match parse_value(name) {
            Ok(Value::String(s)) => Rc::from(s),
            _ => return Err(bad("name")),
        };
        Ok(InspectionRecord { name, entered_event_id, body: Body::Text(record.into(), OnceCell::new()) })
    }

    /// The line `from_line` reads.
    pub fn to_line(&self) -> String {
        let record = match &self.body {
            Body::Decoded(r) => write_compact(&inspection_to_value(r)),
            Body::Text(text, _) => text.to_string(),
        };
        format!("{}\t{}\t{}", self.entered_event_id, write_compact(&Value::from(&*self.name)), record)
    }

    /// The state the visit was of.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Id of the visit's `…StateEntered` event.
    pub fn entered_event_id(&self) -> u32 {
        self.entered_event_id
    }

    /// The record, decoded now if it has not been; `None` when its text is malformed
    /// (a recording is written by the simulator itself, so this does not happen).
    pub fn get(&self) -> Option<Rc<StateInspection>> {
        match &self.body {
            Body::Decoded(r) => Some(r.clone()),
            Body::Text(text, cell) => cell.get_or_init(|| decode(text, &self.name, self.entered_event_id)).clone(),
        }
    }
}

fn decode(text: &str, name: &Rc<str>, entered_event_id: u32) -> Option<Rc<StateInspection>> {
    let value = parse_value(text).ok()?;
    let record = inspection_from_value(&value).ok()?;
    // The line's own name and id are the ones the session found it by.
    (&*record.name == &**name && record.entered_event_id == entered_event_id).then(|| Rc::new(record))
}

impl PartialEq for InspectionRecord {
    fn eq(&self, other: &InspectionRecord) -> bool {
        self.name == other.name && self.entered_event_id == other.entered_event_id && self.get() == other.get()
    }
}

impl fmt::Debug for InspectionRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let decoded = matches!(&self.body, Body::Decoded(_));
        f.debug_struct("InspectionRecord")
            .field("name", &self.name)
            .field("entered_event_id", &self.entered_event_id)
            .field("decoded", &decoded)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_value;

    fn record() -> Rc<StateInspection> {
        Rc::new(StateInspection {
            name: Rc::from("Tab\there \"quoted\"\nline"),
            entered_event_id: 7,
            input: Some(Rc::new(parse_value(r#"{"a":"x\ty"}"#).unwrap())),
            output: Some(Rc::new(parse_value("[1,2.5]").unwrap())),
            status: "CAUGHT_ERROR",
            catch_index: Some(0),
            ..StateInspection::default()
        })
    }

    #[test]
    fn a_line_round_trips_and_is_decoded_on_first_use() {
        let line = InspectionRecord::decoded(record()).to_line();
        assert_eq!(line.matches('\t').count(), 2, "tabs inside fields are escaped: {line}");
        assert!(!line.contains('\n'));
        let read = InspectionRecord::from_line(&line).unwrap();
        assert_eq!((read.name(), read.entered_event_id()), ("Tab\there \"quoted\"\nline", 7));
        assert!(matches!(&read.body, Body::Text(_, cell) if cell.get().is_none()), "not decoded yet");
        assert_eq!(read.get(), Some(record()));
        assert_eq!(read.to_line(), line);
    }

    #[test]
    fn malformed_lines_are_errors_or_nothing_never_panics() {
        for line in ["", "7", "7\t\"T\"", "x\t\"T\"\t{}", "7\tT\t{}"] {
            assert!(InspectionRecord::from_line(line).is_err(), "{line:?}");
        }
        // Found by name and id, but the record itself is not one, or is another's.
        for record in ["{", r#"{"name":"T"}"#, r#"{"name":"U","enteredEventId":7,"status":"SUCCEEDED"}"#] {
            let read = InspectionRecord::from_line(&format!("7\t\"T\"\t{record}")).unwrap();
            assert_eq!(read.get(), None, "{record}");
        }
    }
}
