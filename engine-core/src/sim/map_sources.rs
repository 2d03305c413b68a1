//! The distributed Map states whose `ItemReader` needs a mocked object: where they
//! are, what the object is read as, and how many items a typed text gives.

use super::tasks::walk_states;
use crate::run::count_items;
use crate::Value;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// One distributed Map with an `ItemReader`.
#[derive(Clone, Debug, PartialEq)]
pub struct MapSourceSlot {
    /// The Map state's name (its mock is keyed by it).
    pub name: String,
    /// JSON Pointer of the state in the definition.
    pub pointer: String,
    /// `ReaderConfig.InputType` (`JSON`, `JSONL`, `CSV`), or `listObjectsV2` for an
    /// object listing.
    pub input_type: String,
    /// The `ItemReader` object itself, to read a typed text as the run would.
    pub item_reader: Value,
}

impl MapSourceSlot {
    /// How many items `content` gives, or why it cannot be read.
    pub fn count_items(&self, content: &str) -> Result<usize, String> {
        count_items(&self.item_reader, content)
    }
}

/// Every Map state in DISTRIBUTED mode that has an `ItemReader`, in document order.
pub fn item_reader_maps(definition: &Value) -> Vec<MapSourceSlot> {
    let mut out = Vec::new();
    walk_states(definition, "", &mut |name, pointer, state| {
        let distributed = state
            .get("ItemProcessor")
            .and_then(|p| p.get("ProcessorConfig"))
            .and_then(|c| c.get("Mode"))
            .and_then(Value::as_str)
            == Some("DISTRIBUTED");
        let Some(reader) = state.get("ItemReader").filter(|_| distributed) else {
            return;
        };
        let resource = reader.get("Resource").and_then(Value::as_str).unwrap_or("");
        let input_type = reader
            .get("ReaderConfig")
            .and_then(|c| c.get("InputType"))
            .and_then(Value::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| resource.rsplit(':').next().unwrap_or("").to_string());
        out.push(MapSourceSlot {
            name: name.to_string(),
            pointer: pointer.to_string(),
            input_type,
            item_reader: reader.clone(),
        });
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_value;

    fn v(text: &str) -> Value {
        parse_value(text).unwrap()
    }

    #[test]
    fn lists_distributed_maps_with_readers_only() {
        let d = v(r#"{"StartAt":"A","States":{
            "A":{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV"}},
                 "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"Next":"B"},
            "B":{"Type":"Map","ItemProcessor":{"StartAt":"Q","States":{"Q":{"Type":"Pass","End":true}}},"Next":"C"},
            "C":{"Type":"Parallel","Branches":[{"StartAt":"L","States":{"L":{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:listObjectsV2"},
                 "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED"},"StartAt":"R","States":{"R":{"Type":"Pass","End":true}}},"End":true}}}],"End":true}}}"#);
        let maps = item_reader_maps(&d);
        let found: Vec<(&str, &str, &str)> = maps.iter().map(|m| (m.name.as_str(), m.pointer.as_str(), m.input_type.as_str())).collect();
        assert_eq!(found, [("A", "/States/A", "CSV"), ("L", "/States/C/Branches/0/States/L", "listObjectsV2")]);
    }

    #[test]
    fn counts_items_as_the_reader_parses_them() {
        // Developer guide, ItemReader: a CSV's first row is the header; JSONL is one item per line.
        let csv = MapSourceSlot {
            name: "M".into(),
            pointer: "/States/M".into(),
            input_type: "CSV".into(),
            item_reader: v(r#"{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"}}"#),
        };
        assert_eq!(csv.count_items("a,b\n1,2\n3,4\n"), Ok(2));
        assert!(csv.count_items("a,b\n1,2,3\n").is_err());
        let jsonl = MapSourceSlot {
            item_reader: v(r#"{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSONL"}}"#),
            ..csv.clone()
        };
        assert_eq!(jsonl.count_items("{\"a\":1}\n{\"a\":2}\n{\"a\":3}"), Ok(3));
        assert!(jsonl.count_items("{\"a\":1}\n{oops").is_err());
    }
}
