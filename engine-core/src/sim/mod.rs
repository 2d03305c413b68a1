//! What the studio shows about a finished (or partial) execution, computed from its
//! history alone: how far the debugger's cursor has got, each state's colour at the
//! cursor, the timeline of states over virtual time, and an estimated cost; plus the
//! simulate panel's pure models (the Task list with starter mocks, the mock drafts, the
//! debugging session).
//!
//! Stepping back is moving the cursor: an execution is deterministic, so its whole
//! history is the replay, and every view is a pure function of `history[..=cursor]`.
//!
//! | module | purpose |
//! |---|---|
//! | `status` | each state's status at the cursor |
//! | `nesting` | which Map or Parallel (and branch) holds each state |
//! | `visits` | the history read as state visits and Map iterations (each event's thread) |
//! | `groups` | per-iteration and per-branch status; graph colours for a picked iteration |
//! | `timeline` | lanes and bars of states over virtual time, with Wait and back-off |
//! | `diff` | added / removed / changed paths between two data-flow stages |
//! | `decision` | what a visit decided: the Choice rule matched, Retry/Catch, assigned variables |
//! | `cost` | Standard and Express cost estimates |
//! | `tasks` | the Task states of a machine and starter responses per Resource |
//! | `drafts` | mocks as edited (responses, durations, repeat, ItemReader contents); case format in and out |
//! | `mock_config` | Step Functions Local's MockConfigFile out |
//! | `map_sources` | distributed Maps with an ItemReader, and item counts of typed contents |
//! | `scenarios` | named scenarios of a document: add, duplicate, rename, delete |
//! | `scenario_run` | scenarios run to their end for the pass/fail table, and their worker messages |
//! | `scenario_record` | scenarios as a lossless JSON record (autosave, share links) |
//! | `verdict` | expected outcomes and the pass/fail comparison with a run |
//! | `session` | the execution, its events and the cursor; slices, steps, breakpoints |
//! | `recording` | a run recorded elsewhere (a Web Worker): request, chunks, `Recorder` |
//! | `wire` | history events, inspection records and nesting as JSON values and back |

mod cost;
mod decision;
mod diff;
mod drafts;
mod groups;
mod map_sources;
mod mock_config;
mod nesting;
mod recording;
mod scenario_record;
mod scenario_run;
mod scenarios;
mod session;
mod status;
mod tasks;
mod timeline;
mod verdict;
mod visits;
mod wire;

pub use cost::{estimate_cost, CostEstimate};
pub use drafts::{
    mock_config_test_cases, DraftError, MockDrafts, OutcomeDraft, ResponseDraft, StateMocks,
};
pub use map_sources::{item_reader_maps, MapSourceSlot};
pub use mock_config::{mock_config_case_names, to_mock_config};
pub use scenario_run::{run_scenario, ScenarioBatch, ScenarioInput, ScenarioReply, SCENARIO_BATCH_PREFIX};
pub use scenarios::{Scenario, Scenarios};
pub use verdict::{judge, Expected, Mismatch, Verdict};
pub use recording::{Recorder, RecordingChunk, RunRequest, WORKER_NEXT, WORKER_READY};
pub use session::{CursorResult, Session, Stop};
pub use status::{state_statuses, RunStatus};
pub use tasks::{starter_response, task_states, TaskSlot};
pub use decision::{decision, value_at, Decision, RuleMatch};
pub use diff::{diff, Change, Diff, PathChange};
pub use groups::{group_views, picked_statuses, Child, GroupView};
pub use nesting::{GroupKind, Nesting, Placement};
pub use timeline::{fit, iteration_label, timeline, Bar, Lane, Span, SpanKind, Timeline, MIN_BAR_PX};
pub use visits::{Iteration, IterationPath, IterationRun, Visit, Visits};
