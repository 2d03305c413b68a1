//! Running one scenario to its end without the debugger (no inspection data), for the
//! pass/fail table.

use super::scenarios::Scenario;
use super::session::CursorResult;
use crate::json::parse_value;
use crate::run::{Execution, ExecutionOptions, StateMachine};
use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;

/// Runs `scenario` against `machine`; the error says why it could not start (its input
/// or a mock is not valid).
pub fn run_scenario(machine: &StateMachine, scenario: &Scenario) -> Result<CursorResult, String> {
    let input = parse_value(&scenario.input)
        .map_err(|e| format!("The execution input is not valid JSON: {e}"))?;
    let mocks = scenario.mocks.to_mocks().map_err(|e| format!("{e}"))?;
    let options = ExecutionOptions {
        mocks,
        ..ExecutionOptions::default()
    };
    let mut exec = Execution::new(machine, input, options);
    let status = exec.run();
    Ok(CursorResult {
        status: status.as_str(),
        output: exec.output().cloned().map(Rc::new),
        failure: exec.failure().cloned(),
        transitions: exec.transitions(),
        elapsed_ms: exec.virtual_elapsed_ms(),
    })
}
