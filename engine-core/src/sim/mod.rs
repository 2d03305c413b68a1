//! What the studio shows about a finished (or partial) execution, computed from its
//! history alone: how far the debugger's cursor has got, each state's colour at the
//! cursor, the timeline of states over virtual time, and an estimated cost.
//!
//! Stepping back is moving the cursor: an execution is deterministic, so its whole
//! history is the replay, and every view is a pure function of `history[..=cursor]`.

mod cost;
mod status;
mod timeline;

pub use cost::{estimate_cost, CostEstimate};
pub use status::{state_statuses, RunStatus};
pub use timeline::{timeline, Span, SpanKind};
