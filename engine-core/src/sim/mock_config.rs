//! Writing Step Functions Local's MockConfigFile: one test case per named set of mocks,
//! each Task's responses under `MockedResponses` keyed by 0-based invocation numbers,
//! equal neighbours merged into an inclusive range (`"1-2"`), a repeating last response
//! written as a range up to [`EVERY_CALL_END`] (the format has no open-ended range).
//! Reading it back ([`MockDrafts::from_mock_config`]) gives the same mocks.
//!
//! Distributed Map data sources (`ItemReader`) have no place in a MockConfigFile; the
//! case format keeps them.

use super::drafts::{DraftError, MockDrafts};
use crate::run::EVERY_CALL_END;
use crate::{Map, Value};
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// A MockConfigFile for the state machine `machine`, with one test case per
/// `(name, mocks)`; the first invalid response is reported.
pub fn to_mock_config(machine: &str, cases: &[(String, MockDrafts)]) -> Result<Value, DraftError> {
    let mut test_cases = Map::default();
    let mut responses = Map::default();
    for (case_name, drafts) in cases {
        let case = drafts.to_case()?;
        let mut states = Map::default();
        for s in &drafts.states {
            let Some(list) = case.get(&s.state).and_then(Value::as_array) else {
                continue;
            };
            let name = unique_name(&responses, &format!("{case_name}.{}", s.state));
            responses.insert(name.as_str().into(), Value::from(invocations(list)));
            states.insert(s.state.as_str().into(), Value::from(name.as_str()));
        }
        test_cases.insert(case_name.as_str().into(), Value::from(states));
    }
    let mut sm = Map::default();
    sm.insert("TestCases".into(), Value::from(test_cases));
    let mut machines = Map::default();
    machines.insert(machine.into(), Value::from(sm));
    let mut config = Map::default();
    config.insert("StateMachines".into(), Value::from(machines));
    config.insert("MockedResponses".into(), Value::from(responses));
    Ok(Value::from(config))
}

/// Case-format responses as invocation keys: runs of equal responses become ranges.
fn invocations(list: &[Value]) -> Map {
    let mut out = Map::default();
    let mut first = 0usize;
    while first < list.len() {
        let mut last = first;
        while last + 1 < list.len() && list[last + 1] == list[first] {
            last += 1;
        }
        let mut response = list[last].as_object().cloned().unwrap_or_default();
        let repeats = response.shift_remove("Repeat") == Some(Value::Bool(true));
        let key = match (repeats, first == last) {
            (true, _) => format!("{first}-{EVERY_CALL_END}"),
            (false, true) => format!("{first}"),
            (false, false) => format!("{first}-{last}"),
        };
        out.insert(key.into(), Value::from(response));
        first = last + 1;
    }
    out
}

fn unique_name(taken: &Map, wanted: &str) -> String {
    let mut name = String::from(wanted);
    let mut n = 2;
    while taken.contains_key(name.as_str()) {
        name = format!("{wanted}.{n}");
        n += 1;
    }
    name
}

/// The test case names of `config`, in order, for "import every test case".
pub fn mock_config_case_names(config: &Value) -> Vec<String> {
    super::drafts::mock_config_test_cases(config).into_iter().map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_value;

    fn v(text: &str) -> Value {
        parse_value(text).unwrap()
    }

    fn at<'a>(value: &'a Value, path: &[&str]) -> &'a Value {
        path.iter().fold(value, |v, k| v.get(k).unwrap())
    }

    #[test]
    fn writes_ranges_as_step_functions_local_keys() {
        // The developer guide's RetryPath: one failure, two timeouts, then success.
        let drafts = MockDrafts::from_case(&v(r#"{"LambdaState":[
            {"Throw":{"Error":"Lambda.ResourceNotReadyException","Cause":"Lambda resource is not ready."}},
            {"Throw":{"Error":"Lambda.TimeoutException","Cause":"Lambda timed out."}},
            {"Throw":{"Error":"Lambda.TimeoutException","Cause":"Lambda timed out."}},
            {"Return":{"StatusCode":200}}]}"#))
        .unwrap();
        let config = to_mock_config("LambdaSQSIntegration", &[("RetryPath".into(), drafts.clone())]).unwrap();
        let keys: Vec<&str> = at(&config, &["MockedResponses", "RetryPath.LambdaState"]).as_object().unwrap().keys().map(|k| &**k).collect();
        assert_eq!(keys, ["0", "1-2", "3"]);
        assert_eq!(
            at(&config, &["StateMachines", "LambdaSQSIntegration", "TestCases", "RetryPath", "LambdaState"]),
            &Value::from("RetryPath.LambdaState")
        );
        assert_eq!(MockDrafts::from_mock_config(&config, "RetryPath").unwrap(), drafts);
    }

    #[test]
    fn every_call_round_trips_and_keeps_delays() {
        let drafts = MockDrafts::from_case(&v(
            r#"{"A":[{"Return":{"x":1},"DelaySeconds":3}],"B":[{"Throw":{"Error":"E","Cause":"c"}},{"Return":2,"Repeat":true}]}"#,
        ))
        .unwrap();
        let config = to_mock_config("SM", &[("One".into(), drafts.clone()), ("Two".into(), drafts.clone())]).unwrap();
        let b: Vec<&str> = at(&config, &["MockedResponses", "One.B"]).as_object().unwrap().keys().map(|k| &**k).collect();
        assert_eq!(b, ["0", "1-9999"]);
        assert_eq!(mock_config_case_names(&config), ["One", "Two"]);
        let back = MockDrafts::from_mock_config(&config, "Two").unwrap();
        assert_eq!(back, drafts);
        let mocks = back.to_mocks().unwrap();
        assert_eq!(mocks.response("B", 5000), mocks.response("B", 1));
    }

    #[test]
    fn an_invalid_response_is_reported_not_written() {
        let mut drafts = MockDrafts::from_case(&v(r#"{"A":[{"Return":1}]}"#)).unwrap();
        drafts.states[0].responses[0].delay = "x".into();
        assert_eq!(to_mock_config("SM", &[("C".into(), drafts)]).unwrap_err().state, "A");
    }
}
