//! The simulate panel (issue 8): run the machine in the page with mocked Tasks, watch
//! it on the graph, read its history, step forward and back, and inspect each state's
//! data flow. Thin over `engine_core::sim`; one component per file.
//!
//! | file | purpose |
//! |---|---|
//! | `state.rs` | `SimState`: the session, its revision, input, mock drafts, scenarios, breakpoints |
//! | `runner.rs` | starting a run, following its recording, pause and cancel |
//! | `worker.rs` | the simulator's Web Worker: loaded on the first run, runs off the main thread |
//! | `document_link.rs` | the scenarios saved with the document (autosave, share links) |
//! | `scenario_bar.rs` | `ScenarioBar`: pick, add, duplicate, rename, delete scenarios |
//! | `expected_editor.rs` | `ExpectedEditor`: the expected outcome and the run's verdict |
//! | `scenario_table.rs` | `ScenarioTable`: run one or all scenarios, pass/fail table |
//! | `map_sources_editor.rs` | `MapSourcesEditor`: ItemReader objects of distributed Maps |
//! | `mock_export.rs` | `MockExport`: MockConfigFile (every scenario) or case format out |
//! | `pane_tabs.rs` | `PaneTabs`: Definition / Simulate tabs in the left pane |
//! | `sim_panel.rs` | `SimPanel`: the panel's layout |
//! | `input_editor.rs` | `InputEditor`: execution input with JSON validation |
//! | `mocks_editor.rs` | `MocksEditor`: every Task with its response sequence |
//! | `response_editor.rs` | `ResponseEditor`: one Return/Throw response |
//! | `mock_import.rs` | `MockImport`: paste case-format mocks or a MockConfigFile (test-case picker) |
//! | `result_view.rs` | `ResultView`: status, output or error/cause, transitions, duration, cost |
//! | `debugger.rs` | `Debugger`: step, step over a state, step back, slider, breakpoints, continue |
//! | `history_table.rs` | `HistoryTable`: the virtualized, filterable event table and its export |
//! | `inspector.rs` | `Inspector`: the selected state's data-flow stages at the cursor, changes highlighted, Choice rule, Retry/Catch, variables |
//! | `json_tree.rs` | `JsonTree`: collapsible JSON with marked paths (added, changed, assigned) |
//! | `iterations.rs` | `Iterations`: per-iteration / per-branch status and the Map iteration picker |
//! | `timeline_view.rs` | `TimelineView`: the Gantt of states over virtual time; clicking a bar moves the cursor |

mod debugger;
mod document_link;
mod expected_editor;
mod history_table;
mod input_editor;
mod inspector;
mod iterations;
mod json_tree;
mod map_sources_editor;
mod mock_export;
mod mock_import;
mod mocks_editor;
mod pane_tabs;
mod response_editor;
mod result_view;
mod runner;
mod scenario_bar;
mod scenario_table;
mod sim_panel;
mod state;
mod timeline_view;
mod worker;

pub use pane_tabs::PaneTabs;
