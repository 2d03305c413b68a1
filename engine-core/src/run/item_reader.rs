//! A distributed Map's `ItemReader`: the dataset comes from a mock (the interpreter has
//! no S3) and is parsed as AWS parses the object: a JSON array, JSON Lines, or CSV with
//! the header in the first row or given in `CSVHeaders`, split on `CSVDelimiter`, cut
//! to `MaxItems`. `s3:listObjectsV2` readers take the mocked object list as the items.
//!
//! Mock shape (see `mocks.rs`): `{"<Map state name>": {"ItemReader": {"Return": <value>}}}`
//! where `<value>` is the object's text (a string, for CSV, JSONL or JSON) or already
//! parsed JSON (an array of items, or for JSONL an array of lines' values); or
//! `{"Throw": {"Error", "Cause"}}` to make the read fail.

use crate::shared::Shared;
use super::definition::{DefinitionError, Knob};
use crate::failure::errors;
use crate::json::parse_value;
use crate::path::Template;
use crate::{Failure, Map, Value};
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// AWS's limit on `MaxItems`.
const MAX_ITEMS_LIMIT: i64 = 100_000_000;

/// How the object's content is parsed.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum InputType {
    Json,
    Jsonl,
    Csv,
    /// `s3:listObjectsV2`: the (mocked) object list is the items.
    ObjectList,
}

/// Where CSV column names come from.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum CsvHeader {
    FirstRow,
    Given(Vec<String>),
}

/// A compiled `ItemReader`.
#[derive(Debug)]
pub(crate) struct ItemReaderSpec {
    pub resource: String,
    pub parameters: Option<Template>,
    pub input_type: InputType,
    pub header: CsvHeader,
    pub delimiter: char,
    pub max_items: Knob,
}

impl ItemReaderSpec {
    /// Reads `ItemReader{Resource, Parameters, ReaderConfig{…}}`.
    pub fn compile(v: &Value, ptr: &str) -> Result<ItemReaderSpec, DefinitionError> {
        let bad = |at: &str, m: &str| DefinitionError { pointer: format!("{ptr}/ItemReader{at}"), message: m.to_string() };
        let m = v.as_object().ok_or_else(|| bad("", "ItemReader must be an object"))?;
        let resource = m.get("Resource").and_then(Value::as_str).ok_or_else(|| bad("/Resource", "ItemReader needs a Resource"))?;
        let parameters = m
            .get("Parameters")
            .map(|t| Template::compile(t).map_err(|e| bad(&format!("/Parameters{}", e.at), &e.message)))
            .transpose()?;
        let empty = Map::default();
        let config = match m.get("ReaderConfig") {
            None => &empty,
            Some(c) => c.as_object().ok_or_else(|| bad("/ReaderConfig", "ReaderConfig must be an object"))?,
        };
        let input_type = match config.get("InputType").and_then(Value::as_str) {
            Some("JSON") => InputType::Json,
            Some("JSONL") => InputType::Jsonl,
            Some("CSV") => InputType::Csv,
            Some(other) => return Err(bad("/ReaderConfig/InputType", &format!("InputType {other} is not supported by this interpreter (JSON, JSONL, CSV)"))),
            None if resource.ends_with(":listObjectsV2") => InputType::ObjectList,
            None => return Err(bad("/ReaderConfig", "ReaderConfig needs InputType for s3:getObject")),
        };
        let header = match config.get("CSVHeaderLocation").and_then(Value::as_str) {
            None | Some("FIRST_ROW") => CsvHeader::FirstRow,
            Some("GIVEN") => {
                let list = config.get("CSVHeaders").and_then(Value::as_array).ok_or_else(|| bad("/ReaderConfig/CSVHeaders", "CSVHeaderLocation GIVEN needs CSVHeaders"))?;
                let names = list.iter().map(|h| h.as_str().map(str::to_string)).collect::<Option<Vec<_>>>();
                CsvHeader::Given(names.ok_or_else(|| bad("/ReaderConfig/CSVHeaders", "CSVHeaders holds strings"))?)
            }
            Some(other) => return Err(bad("/ReaderConfig/CSVHeaderLocation", &format!("unknown CSVHeaderLocation {other}"))),
        };
        let delimiter = match config.get("CSVDelimiter").and_then(Value::as_str) {
            None | Some("COMMA") => ',',
            Some("PIPE") => '|',
            Some("SEMICOLON") => ';',
            Some("SPACE") => ' ',
            Some("TAB") => '\t',
            Some(other) => return Err(bad("/ReaderConfig/CSVDelimiter", &format!("unknown CSVDelimiter {other}"))),
        };
        let max_items = match (config.get("MaxItems"), config.get("MaxItemsPath").and_then(Value::as_str)) {
            (Some(v), _) => Knob::Constant(v.clone()),
            (None, Some(p)) => Knob::Path(crate::path::CompiledPath::compile(p).map_err(|e| bad("/ReaderConfig/MaxItemsPath", &e.message))?),
            (None, None) => Knob::Absent,
        };
        Ok(ItemReaderSpec { resource: resource.to_string(), parameters, input_type, header, delimiter, max_items })
    }
}

/// How many items a Map's `ItemReader` (its definition object) would read from the
/// object text `content`, before `MaxItems`; the error says why it cannot be read.
pub fn count_items(item_reader: &Value, content: &str) -> Result<usize, String> {
    let spec = ItemReaderSpec::compile(item_reader, "").map_err(|e| e.message)?;
    read(&spec, &Value::from(content), 0).map(|items| items.len()).map_err(|f| f.cause.unwrap_or_default())
}

fn reader_failed(cause: String) -> Failure {
    Failure::new(errors::ITEM_READER_FAILED, cause)
}

/// Parses the mocked object into items, keeping at most `max_items` (0 = no limit).
pub(crate) fn read(spec: &ItemReaderSpec, content: &Value, max_items: i64) -> Result<Vec<Value>, Failure> {
    if !(0..=MAX_ITEMS_LIMIT).contains(&max_items) {
        return Err(Failure::runtime(format!("MaxItems must be between 0 and {MAX_ITEMS_LIMIT}, got {max_items}")));
    }
    let limit = if max_items == 0 { usize::MAX } else { max_items as usize };
    let mut items = match (&spec.input_type, content) {
        (InputType::Json | InputType::ObjectList, Value::Array(a)) => a.to_vec(),
        (InputType::Json, Value::String(text)) => match parse_value(text) {
            Ok(Value::Array(a)) => Shared::unwrap_or_clone(a),
            Ok(_) => return Err(reader_failed(String::from("The JSON object read by the ItemReader must be an array."))),
            Err(e) => return Err(reader_failed(format!("The ItemReader could not parse the object as JSON: {e:?}"))),
        },
        (InputType::Jsonl, Value::Array(a)) => a.to_vec(),
        (InputType::Jsonl, Value::String(text)) => jsonl(text, limit)?,
        (InputType::Csv, Value::String(text)) => csv(text, spec, limit)?,
        (_, other) => {
            return Err(reader_failed(format!("The mocked ItemReader content does not fit the reader's input type: {}", other.to_json())));
        }
    };
    items.truncate(limit);
    Ok(items)
}

fn jsonl(text: &str, limit: usize) -> Result<Vec<Value>, Failure> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if out.len() >= limit {
            break;
        }
        if line.trim().is_empty() {
            continue;
        }
        let v = parse_value(line).map_err(|e| reader_failed(format!("The ItemReader could not parse line {} as JSON: {e:?}", n + 1)))?;
        out.push(v);
    }
    Ok(out)
}

/// RFC 4180 rows: fields may be quoted, `""` is a quote, quoted fields may hold delimiters and line breaks.
fn csv_rows(text: &str, delimiter: char) -> Result<Vec<Vec<String>>, Failure> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                at_field_start = false;
            }
            c if c == delimiter => {
                row.push(core::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                row.push(core::mem::take(&mut field));
                rows.push(core::mem::take(&mut row));
                at_field_start = true;
            }
            _ => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if quoted {
        return Err(reader_failed(String::from("The CSV object ends inside a quoted field.")));
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    // Blank lines carry no item.
    rows.retain(|r| !(r.len() == 1 && r[0].is_empty()));
    Ok(rows)
}

fn csv(text: &str, spec: &ItemReaderSpec, limit: usize) -> Result<Vec<Value>, Failure> {
    let mut rows = csv_rows(text, spec.delimiter)?.into_iter();
    let headers = match &spec.header {
        CsvHeader::Given(h) => h.clone(),
        CsvHeader::FirstRow => rows.next().ok_or_else(|| reader_failed(String::from("The CSV object has no header row.")))?,
    };
    let mut out = Vec::new();
    for (n, row) in rows.enumerate() {
        if out.len() >= limit {
            break;
        }
        if row.len() > headers.len() {
            return Err(reader_failed(format!("CSV row {} has {} fields but there are {} headers.", n + 1, row.len(), headers.len())));
        }
        // Missing trailing fields read as empty strings; every value is a string.
        let item: Map = headers.iter().enumerate().map(|(i, h)| (h.as_str().into(), Value::from(row.get(i).map_or("", String::as_str)))).collect();
        out.push(Value::from(item));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(header: CsvHeader, delimiter: char) -> ItemReaderSpec {
        ItemReaderSpec { resource: String::new(), parameters: None, input_type: InputType::Csv, header, delimiter, max_items: Knob::Absent }
    }

    #[test]
    fn csv_quotes_and_delimiters() {
        let rows = csv_rows("a|b\n\"x|y\"|\"say \"\"hi\"\"\"\r\n", '|').unwrap();
        assert_eq!(rows, [["a", "b"], ["x|y", "say \"hi\""]]);
        let items = read(&spec(CsvHeader::Given(alloc::vec!["p".into(), "q".into()]), ','), &Value::from("1,2\n3,4\n5,6"), 2).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].get("q"), Some(&Value::from("4")));
    }
}
