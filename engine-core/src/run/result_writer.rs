//! A distributed Map's `ItemBatcher` and `ResultWriter`.
//!
//! Batching (AWS): each child execution gets `{"BatchInput": <BatchInput>, "Items": [...]}`
//! (`BatchInput` only when given), at most `MaxItemsPerBatch` items and at most
//! `MaxInputBytesPerBatch` bytes of input; a single item larger than the byte limit fails
//! the Map with States.Runtime (our rule: AWS's text for it is not recorded).
//!
//! Writing (AWS): with `ResultWriter{Resource: s3:putObject, Parameters{Bucket, Prefix}}`
//! the Map's result is `{"MapRunArn", "ResultWriterDetails": {"Bucket", "Key"}}` where Key
//! is `<Prefix>/<map run id>/manifest.json`; the manifest and the `SUCCEEDED_0.json` /
//! `FAILED_0.json` files are recorded as `WrittenObject`s on the execution.
//! `WriterConfig.Transformation` NONE (default) writes the child executions' records,
//! COMPACT only their outputs, FLATTEN the outputs with arrays spliced in;
//! `OutputType` JSONL writes one record per line. A `ResultWriter` with only a
//! `WriterConfig` (no Resource) keeps the result inline, flattened for FLATTEN.

use crate::shared::Shared;
use super::definition::{DefinitionError, Knob};
use crate::path::Template;
use crate::{Map, Value};
use alloc::format;
use alloc::rc::Rc;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

/// The byte limit AWS allows for `MaxInputBytesPerBatch`.
pub const MAX_BATCH_BYTES: i64 = 262_144;

/// A compiled `ItemBatcher`.
#[derive(Debug)]
pub(crate) struct ItemBatcherSpec {
    pub max_items: Knob,
    pub max_bytes: Knob,
    pub batch_input: Option<Template>,
}

/// `WriterConfig.Transformation`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Transformation {
    None,
    Compact,
    Flatten,
}

/// A compiled `ResultWriter`.
#[derive(Debug)]
pub(crate) struct ResultWriterSpec {
    /// `None` when only a `WriterConfig` is given (results stay inline).
    pub resource: Option<String>,
    pub parameters: Option<Template>,
    pub transformation: Transformation,
    pub jsonl: bool,
}

fn knob(m: &Map, key: &str, ptr: &str) -> Result<Knob, DefinitionError> {
    if let Some(v) = m.get(key) {
        return Ok(Knob::Constant(v.clone()));
    }
    match m.get(format!("{key}Path").as_str()).and_then(Value::as_str) {
        None => Ok(Knob::Absent),
        Some(p) => crate::path::CompiledPath::compile(p)
            .map(Knob::Path)
            .map_err(|e| DefinitionError { pointer: format!("{ptr}/{key}Path"), message: e.message }),
    }
}

fn template(m: &Map, key: &str, ptr: &str) -> Result<Option<Template>, DefinitionError> {
    m.get(key)
        .map(|t| Template::compile(t).map_err(|e| DefinitionError { pointer: format!("{ptr}/{key}{}", e.at), message: e.message }))
        .transpose()
}

impl ItemBatcherSpec {
    /// Reads `ItemBatcher{MaxItemsPerBatch[Path], MaxInputBytesPerBatch[Path], BatchInput}`.
    pub fn compile(v: &Value, ptr: &str) -> Result<ItemBatcherSpec, DefinitionError> {
        let ptr = format!("{ptr}/ItemBatcher");
        let m = v.as_object().ok_or_else(|| DefinitionError { pointer: ptr.clone(), message: "ItemBatcher must be an object".to_string() })?;
        Ok(ItemBatcherSpec {
            max_items: knob(m, "MaxItemsPerBatch", &ptr)?,
            max_bytes: knob(m, "MaxInputBytesPerBatch", &ptr)?,
            batch_input: template(m, "BatchInput", &ptr)?,
        })
    }
}

impl ResultWriterSpec {
    /// Reads `ResultWriter{Resource, Parameters, WriterConfig{Transformation, OutputType}}`.
    pub fn compile(v: &Value, ptr: &str) -> Result<ResultWriterSpec, DefinitionError> {
        let ptr = format!("{ptr}/ResultWriter");
        let bad = |m: &str| DefinitionError { pointer: ptr.clone(), message: m.to_string() };
        let m = v.as_object().ok_or_else(|| bad("ResultWriter must be an object"))?;
        let config = m.get("WriterConfig").and_then(Value::as_object);
        let transformation = match config.and_then(|c| c.get("Transformation")).and_then(Value::as_str) {
            None | Some("NONE") => Transformation::None,
            Some("COMPACT") => Transformation::Compact,
            Some("FLATTEN") => Transformation::Flatten,
            Some(other) => return Err(bad(&format!("unknown Transformation {other}"))),
        };
        let jsonl = match config.and_then(|c| c.get("OutputType")).and_then(Value::as_str) {
            None | Some("JSON") => false,
            Some("JSONL") => true,
            Some(other) => return Err(bad(&format!("unknown OutputType {other}"))),
        };
        let resource = m.get("Resource").and_then(Value::as_str).map(str::to_string);
        if resource.is_none() && config.is_none() {
            return Err(bad("ResultWriter needs a Resource or a WriterConfig"));
        }
        Ok(ResultWriterSpec { resource, parameters: template(m, "Parameters", &ptr)?, transformation, jsonl })
    }
}

/// Groups child inputs into batches; returns each batch's input and its item count.
pub(crate) fn batch(items: Vec<Value>, max_items: usize, max_bytes: usize, batch_input: Option<Value>) -> Result<Vec<(Value, usize)>, String> {
    let shell = |list: Vec<Value>| {
        let mut m = Map::default();
        if let Some(b) = &batch_input {
            m.insert("BatchInput".into(), b.clone());
        }
        m.insert("Items".into(), Value::from(list));
        Value::from(m)
    };
    let base = shell(Vec::new()).to_json().len();
    let mut out = Vec::new();
    let mut current: Vec<Value> = Vec::new();
    let mut bytes = base;
    for item in items {
        let size = item.to_json().len();
        if base + size > max_bytes {
            return Err(format!("An item of {size} bytes does not fit in a batch of at most {max_bytes} bytes (MaxInputBytesPerBatch)."));
        }
        // Every item after the first also takes a comma.
        if !current.is_empty() && (current.len() >= max_items || bytes + 1 + size > max_bytes) {
            let n = current.len();
            out.push((shell(core::mem::take(&mut current)), n));
            bytes = base;
        }
        bytes += size + usize::from(!current.is_empty());
        current.push(item);
    }
    if !current.is_empty() {
        let n = current.len();
        out.push((shell(current), n));
    }
    Ok(out)
}

/// One object the ResultWriter stored.
#[derive(Clone, Debug, PartialEq)]
pub struct WrittenObject {
    pub bucket: String,
    pub key: String,
    pub body: String,
}

/// What one child execution did, for the result files.
pub(crate) struct ChildRecord {
    pub name: String,
    pub input: Rc<Value>,
    pub output: Option<Rc<Value>>,
    pub error: Option<crate::Failure>,
    pub start: String,
    pub stop: String,
}

/// A child execution's record as the result files list it.
fn record_value(r: &ChildRecord, execution_arn_prefix: &str, state_machine_arn: &str) -> Value {
    let mut m = Map::default();
    if let Some(f) = &r.error {
        m.insert("Cause".into(), f.cause.as_deref().map_or(Value::Null, Value::from));
        m.insert("Error".into(), f.error.as_deref().map_or(Value::Null, Value::from));
    }
    m.insert("ExecutionArn".into(), Value::from(format!("{execution_arn_prefix}:{}", r.name)));
    m.insert("Input".into(), Value::from(r.input.to_json()));
    m.insert("InputDetails".into(), included());
    m.insert("Name".into(), Value::from(r.name.as_str()));
    if let Some(o) = &r.output {
        m.insert("Output".into(), Value::from(o.to_json()));
        m.insert("OutputDetails".into(), included());
    }
    m.insert("RedriveCount".into(), Value::from(0i64));
    m.insert("StartDate".into(), Value::from(r.start.as_str()));
    m.insert("StateMachineArn".into(), Value::from(state_machine_arn));
    m.insert("Status".into(), Value::from(if r.error.is_some() { "FAILED" } else { "SUCCEEDED" }));
    m.insert("StopDate".into(), Value::from(r.stop.as_str()));
    Value::from(m)
}

fn included() -> Value {
    let mut m = Map::default();
    m.insert("Included".into(), Value::Bool(true));
    Value::from(m)
}

/// Applies the transformation to the records of one status.
fn transform(spec: &ResultWriterSpec, records: &[&ChildRecord], arn_prefix: &str, sm_arn: &str) -> Vec<Value> {
    match spec.transformation {
        Transformation::None => records.iter().map(|r| record_value(r, arn_prefix, sm_arn)).collect(),
        Transformation::Compact => records.iter().map(|r| r.output.as_deref().cloned().unwrap_or(Value::Null)).collect(),
        Transformation::Flatten => records
            .iter()
            .flat_map(|r| match r.output.as_deref() {
                Some(Value::Array(a)) => a.to_vec(),
                Some(v) => alloc::vec![v.clone()],
                None => Vec::new(),
            })
            .collect(),
    }
}

fn body(spec: &ResultWriterSpec, values: Vec<Value>) -> String {
    if spec.jsonl {
        values.iter().map(Value::to_json).collect::<Vec<_>>().join("\n")
    } else {
        Value::from(values).to_json()
    }
}

/// The inline result when the writer has no Resource: FLATTEN splices array outputs in,
/// NONE and COMPACT keep the outputs as they are.
pub(crate) fn inline(spec: &ResultWriterSpec, results: Vec<Value>) -> Vec<Value> {
    if spec.transformation != Transformation::Flatten {
        return results;
    }
    results
        .into_iter()
        .flat_map(|v| match v {
            Value::Array(a) => Shared::unwrap_or_clone(a),
            other => alloc::vec![other],
        })
        .collect()
}

/// Writes the result files and the manifest; returns the Map's result and the objects.
pub(crate) fn write(spec: &ResultWriterSpec, params: &Value, map_run_arn: &str, records: &[ChildRecord], arn_prefix: &str, sm_arn: &str) -> (Value, Vec<WrittenObject>) {
    let bucket = params.get("Bucket").and_then(Value::as_str).unwrap_or("").to_string();
    let prefix = params.get("Prefix").and_then(Value::as_str).unwrap_or("").trim_end_matches('/');
    let run_id = map_run_arn.rsplit(':').next().unwrap_or("");
    let folder = if prefix.is_empty() { run_id.to_string() } else { format!("{prefix}/{run_id}") };
    let mut objects = Vec::new();
    let mut files = Map::default();
    for (status, failed) in [("FAILED", true), ("PENDING", false), ("SUCCEEDED", false)] {
        let mut list = Vec::new();
        let chosen: Vec<&ChildRecord> = match status {
            "PENDING" => Vec::new(),
            _ => records.iter().filter(|r| r.error.is_some() == failed).collect(),
        };
        if !chosen.is_empty() {
            let ext = if spec.jsonl { "jsonl" } else { "json" };
            let key = format!("{folder}/{status}_0.{ext}");
            let text = body(spec, transform(spec, &chosen, arn_prefix, sm_arn));
            let mut entry = Map::default();
            entry.insert("Key".into(), Value::from(key.as_str()));
            entry.insert("Size".into(), Value::from(text.len() as i64));
            list.push(Value::from(entry));
            objects.push(WrittenObject { bucket: bucket.clone(), key, body: text });
        }
        files.insert(status.into(), Value::from(list));
    }
    let mut manifest = Map::default();
    manifest.insert("DestinationBucket".into(), Value::from(bucket.as_str()));
    manifest.insert("MapRunArn".into(), Value::from(map_run_arn));
    manifest.insert("ResultFiles".into(), Value::from(files));
    let manifest_key = format!("{folder}/manifest.json");
    objects.push(WrittenObject { bucket: bucket.clone(), key: manifest_key.clone(), body: Value::from(manifest).to_json() });
    let mut details = Map::default();
    details.insert("Bucket".into(), Value::from(bucket.as_str()));
    details.insert("Key".into(), Value::from(manifest_key));
    let mut result = Map::default();
    result.insert("MapRunArn".into(), Value::from(map_run_arn));
    result.insert("ResultWriterDetails".into(), Value::from(details));
    (Value::from(result), objects)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_respect_count_and_bytes() {
        let items: Vec<Value> = (0..5).map(Value::from).collect();
        let b = batch(items.clone(), 2, 1000, None).unwrap();
        assert_eq!(b.iter().map(|(_, n)| *n).collect::<Vec<_>>(), [2, 2, 1]);
        assert_eq!(b[0].0.to_json(), r#"{"Items":[0,1]}"#);
        // {"Items":[0,1]} is 15 bytes, {"Items":[0,1,2]} 17.
        let b = batch(items, usize::MAX, 15, None).unwrap();
        assert_eq!(b.iter().map(|(_, n)| *n).collect::<Vec<_>>(), [2, 2, 1]);
    }
}
