//! Mocked Task results: the case format (`{"State": [{"Return": ..} | {"Throw": ..}]}`)
//! and Step Functions Local's MockConfigFile (`StateMachines`/`TestCases`/`MockedResponses`
//! with `"0"` and `"1-2"` invocation keys).
//!
//! A distributed Map's data sources are mocked under the Map state's name with an object
//! instead of a list: `{"MapState": {"ItemReader": {"Return": <items or text>},
//! "ResultWriter": {"Throw": {...}}}}` (see `item_reader.rs`; a ResultWriter mock is only
//! needed to make the write fail).
//!
//! A response may also carry `"DelaySeconds"`: how long the call takes on the virtual
//! clock, which is what `TimeoutSeconds`/`HeartbeatSeconds` are measured against.
//!
//! "The same response for every later call": in the case format the last response of a
//! list may carry `"Repeat": true`. A MockConfigFile has no open-ended invocation range,
//! so it writes this as a last range ending at [`EVERY_CALL_END`]; one Task cannot be
//! called that often within an execution's 25,000-event history (each call takes at
//! least its scheduled, started and closing events), so such a range is read back as
//! a repeating response.

use crate::{Failure, Value};
use alloc::format;
use alloc::rc::Rc;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use hashbrown::HashMap;

/// The most invocations a MockConfigFile range may expand to.
const MAX_RANGE: u64 = 10_000;

/// The last invocation number a MockConfigFile range may name; a range ending there
/// answers every later call.
pub const EVERY_CALL_END: u64 = MAX_RANGE - 1;

/// What one Task call returns.
#[derive(Clone, Debug, PartialEq)]
pub enum MockOutcome {
    Return(Value),
    Throw(Failure),
}

/// One mocked response.
#[derive(Clone, Debug, PartialEq)]
pub struct MockResponse {
    pub outcome: MockOutcome,
    /// Virtual duration of the call in milliseconds.
    pub delay_ms: i64,
    /// This response also answers every later call (only on a list's last response).
    pub repeat: bool,
}

/// Per Task state name, the responses in call order. Cloning shares them.
#[derive(Clone, Debug, Default)]
pub struct Mocks {
    by_state: Rc<HashMap<String, Rc<[MockResponse]>>>,
    map_sources: Rc<HashMap<String, MapSources>>,
}

/// A distributed Map's mocked `ItemReader` content and `ResultWriter` outcome.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapSources {
    pub item_reader: Option<MockOutcome>,
    pub result_writer: Option<MockOutcome>,
}

impl Mocks {
    /// No mocks: every Task fails with a clear error.
    pub fn none() -> Mocks {
        Mocks::default()
    }

    /// Reads the case format: `{"State": [response, ...]}`.
    pub fn from_case(value: &Value) -> Result<Mocks, String> {
        let obj = value.as_object().ok_or("mocks must be an object of state names")?;
        let mut by_state = HashMap::new();
        let mut map_sources = HashMap::new();
        for (state, list) in obj {
            if let Some(m) = list.as_object() {
                let outcome = |key: &str| m.get(key).map(|r| response(r, state).map(|r| r.outcome)).transpose();
                let sources = MapSources { item_reader: outcome("ItemReader")?, result_writer: outcome("ResultWriter")? };
                map_sources.insert(state.to_string(), sources);
                continue;
            }
            let list = list.as_array().ok_or_else(|| format!("mocks for '{state}' must be an array (or an ItemReader object)"))?;
            let responses = list.iter().map(|r| response(r, state)).collect::<Result<Vec<_>, _>>()?;
            if responses.iter().rev().skip(1).any(|r| r.repeat) {
                return Err(format!("only the last mock response of '{state}' may Repeat"));
            }
            by_state.insert(state.to_string(), Rc::from(responses));
        }
        Ok(Mocks { by_state: Rc::new(by_state), map_sources: Rc::new(map_sources) })
    }

    /// The mocked data sources of a distributed Map state.
    pub fn map_sources(&self, state: &str) -> Option<&MapSources> {
        self.map_sources.get(state)
    }

    /// Reads a Step Functions Local MockConfigFile for one state machine's test case.
    /// With no `machine` name, the test case is looked up in every state machine.
    pub fn from_mock_config(config: &Value, machine: Option<&str>, test_case: &str) -> Result<Mocks, String> {
        let machines = config.get("StateMachines").and_then(Value::as_object).ok_or("MockConfigFile needs StateMachines")?;
        let responses = config.get("MockedResponses").and_then(Value::as_object).ok_or("MockConfigFile needs MockedResponses")?;
        let case = machines
            .iter()
            .filter(|(name, _)| machine.is_none_or(|m| m == name.as_str()))
            .find_map(|(_, sm)| sm.get("TestCases").and_then(|t| t.get(test_case)))
            .ok_or_else(|| format!("test case '{test_case}' not found in the MockConfigFile"))?;
        let case = case.as_object().ok_or("a test case maps state names to response names")?;
        let mut by_state = HashMap::new();
        for (state, response_name) in case {
            let rname = response_name.as_str().ok_or_else(|| format!("the response for '{state}' must be a name"))?;
            let table = responses.get(rname).and_then(Value::as_object).ok_or_else(|| format!("MockedResponses has no '{rname}'"))?;
            let mut slots: Vec<Option<MockResponse>> = Vec::new();
            for (key, r) in table {
                let (lo, hi) = match key.split_once('-') {
                    Some((a, b)) => (parse_index(a, rname)?, parse_index(b, rname)?),
                    None => {
                        let i = parse_index(key, rname)?;
                        (i, i)
                    }
                };
                if hi < lo || hi >= MAX_RANGE {
                    return Err(format!("bad invocation range '{key}' in '{rname}'"));
                }
                let mut resp = response(r, state)?;
                if hi == EVERY_CALL_END {
                    // One slot that answers every call from `lo` on.
                    resp.repeat = true;
                    if slots.len() <= lo as usize {
                        slots.resize(lo as usize + 1, None);
                    }
                    slots.truncate(lo as usize + 1);
                    slots[lo as usize] = Some(resp);
                    continue;
                }
                for i in lo..=hi {
                    let i = i as usize;
                    if slots.len() <= i {
                        slots.resize(i + 1, None);
                    }
                    slots[i] = Some(resp.clone());
                }
            }
            let list = slots
                .into_iter()
                .enumerate()
                .map(|(i, s)| s.ok_or_else(|| format!("'{rname}' has no response for invocation {i}")))
                .collect::<Result<Vec<_>, _>>()?;
            by_state.insert(state.to_string(), Rc::from(list));
        }
        Ok(Mocks { by_state: Rc::new(by_state), map_sources: Rc::default() })
    }

    /// The response for call number `call` (0-based) of `state`, if one is left.
    pub fn response(&self, state: &str, call: usize) -> Option<&MockResponse> {
        let list = self.by_state.get(state)?;
        list.get(call).or_else(|| list.last().filter(|r| r.repeat))
    }

    /// The mocks in the case format (`{"State": [{"Return": ..} | {"Throw": ..}]}`), states
    /// in name order, so a MockConfigFile test case can be shown and edited as a case.
    pub fn to_case(&self) -> Value {
        let mut names: Vec<&String> = self.by_state.keys().collect();
        crate::sort::sort_by(&mut names, |a, b| a.cmp(b));
        let mut out = crate::Map::default();
        for name in names {
            let list = self.by_state[name].iter().map(MockResponse::to_value).collect();
            out.insert(name.as_str().into(), Value::array(list));
        }
        Value::from(out)
    }

    /// Adds or replaces one state's responses.
    pub fn insert(&mut self, state: &str, responses: Vec<MockResponse>) {
        Rc::make_mut(&mut self.by_state).insert(state.to_string(), Rc::from(responses));
    }
}

impl MockResponse {
    /// The response as the case format writes it (`DelaySeconds` only when non-zero).
    pub fn to_value(&self) -> Value {
        let mut m = crate::Map::default();
        match &self.outcome {
            MockOutcome::Return(v) => {
                m.insert("Return".into(), v.clone());
            }
            MockOutcome::Throw(f) => {
                let mut t = crate::Map::default();
                for (key, field) in [("Error", &f.error), ("Cause", &f.cause)] {
                    if let Some(text) = field {
                        t.insert(key.into(), Value::from(text.as_str()));
                    }
                }
                m.insert("Throw".into(), Value::from(t));
            }
        }
        if self.delay_ms != 0 {
            let seconds = crate::Number::from_f64_normalized(self.delay_ms as f64 / 1000.0);
            m.insert("DelaySeconds".into(), Value::Number(seconds));
        }
        if self.repeat {
            m.insert("Repeat".into(), Value::Bool(true));
        }
        Value::from(m)
    }
}

fn parse_index(s: &str, rname: &str) -> Result<u64, String> {
    s.trim().parse().map_err(|_| format!("bad invocation key '{s}' in '{rname}'"))
}

fn response(r: &Value, state: &str) -> Result<MockResponse, String> {
    let delay_ms = match r.get("DelaySeconds") {
        None => 0,
        Some(v) => v.as_f64().filter(|s| *s >= 0.0 && *s < 1e9).map(|s| (s * 1000.0) as i64).ok_or_else(|| format!("DelaySeconds of '{state}' must be a non-negative number"))?,
    };
    let repeat = match r.get("Repeat") {
        None => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(format!("Repeat of '{state}' must be true or false")),
    };
    let outcome = match (r.get("Return"), r.get("Throw")) {
        (Some(v), None) => MockOutcome::Return(v.clone()),
        (None, Some(t)) => {
            let field = |k: &str| t.get(k).and_then(Value::as_str).map(str::to_string);
            MockOutcome::Throw(Failure { error: field("Error"), cause: field("Cause") })
        }
        _ => return Err(format!("a mock response of '{state}' needs exactly one of Return or Throw")),
    };
    Ok(MockResponse { outcome, delay_ms, repeat })
}
