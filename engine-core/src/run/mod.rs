//! The deterministic interpreter: a compiled machine, an `Execution` that advances
//! step by step on a virtual clock, mocked Tasks, and AWS-shaped history events.
//!
//! Both query languages, per state: JSONPath (paths, templates, intrinsics) and JSONata
//! (`{% … %}` expressions with `$states`), with workflow variables (`Assign`) in both.
//!
//! | module | purpose |
//! |---|---|
//! | `definition` | the machine model compiled from a definition `Value` |
//! | `exec` | `Execution`: options, step loop, clock, limits, terminal events |
//! | `frame` | one thread of execution and each state type's units of work |
//! | `group` | Parallel and Map children, interleaving, failure and abort events |
//! | `dataflow` | InputPath → Parameters → ResultSelector → ResultPath → OutputPath |
//! | `jsonata_definition` | JSONata-mode fields, `QueryLanguage` and which fields each language has |
//! | `jsonata_mode` | JSONata-mode states: `Output`, `Assign`, `Condition`, Wait, Fail, Task, Catch |
//! | `jsonata_group` | JSONata-mode Map (`Items`, `ItemSelector`, limits) and Parallel `Arguments` |
//! | `query_template` | field values with `{% … %}` expressions, compiled and evaluated |
//! | `states_binding` | `$states` (input, context, result, errorOutput) and the expression environment |
//! | `query_error` | `States.QueryEvaluationError` causes and the failing field |
//! | `task` | Task resources, patterns, Lambda result shaping |
//! | `mocks` | mocked Task responses (case format, MockConfigFile) |
//! | `retry` | Retry/Catch matching and back-off |
//! | `size` | the payload size limit's measure, with a per-execution cache |
//! | `wait` | Wait durations and their validation |
//! | `variables` | `Assign`: names, scopes, size limits |
//! | `item_reader` | distributed Map `ItemReader`: mocked JSON / JSONL / CSV datasets |
//! | `result_writer` | distributed Map `ItemBatcher` and `ResultWriter` |
//! | `context` | the `$$` context object |
//! | `events`, `history` | history events and their cheap, shared storage |
//! | `inspect` | per-state inspection records (TestState's names) |
//! | `clock` | RFC 3339 timestamps on the virtual clock |

pub mod clock;
mod context;
mod dataflow;
pub(crate) mod definition;
mod events;
mod exec;
mod frame;
mod group;
mod history;
mod inspect;
mod item_reader;
mod jsonata_definition;
mod jsonata_group;
mod jsonata_mode;
mod mocks;
mod query_error;
mod query_template;
mod result_writer;
mod retry;
mod states_binding;
mod size;
mod task;
mod variables;
mod wait;

pub use definition::{DefinitionError, StateMachine, MAX_NESTING};
pub use events::{Details, HistoryEvent, RareDetails};
pub use exec::{Execution, ExecutionOptions, ExecutionType, Limits, Status};
pub use inspect::StateInspection;
pub use item_reader::count_items;
pub use mocks::{MapSources, MockOutcome, MockResponse, Mocks, EVERY_CALL_END};
pub use result_writer::WrittenObject;
pub use variables::{MAX_ASSIGN_BYTES, MAX_EXECUTION_VARIABLE_BYTES, MAX_VARIABLE_BYTES};
