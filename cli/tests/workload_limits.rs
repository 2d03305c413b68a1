//! The oracle kit's benchmark workloads through `statelab run --history`: each file's
//! `_history_events` is the number of events AWS writes for it. Under the 25,000-event
//! limit the execution succeeds with exactly that history; over it (choice_loop_10k,
//! map_10k, which the peer interpreter runs to the end) it fails as on AWS: event
//! 25,000 is `ExecutionFailed` with `States.Runtime` and AWS's cause.

use engine_core::json::parse_value;
use engine_core::Value;
use std::path::PathBuf;
use std::process::Command;

const LIMIT: i64 = 25_000;
const CAUSE: &str = "The execution reached the maximum number of history events (25000).";

/// `STATELAB_SHARED`, else a `shared/` folder beside an ancestor of the crate.
fn shared() -> PathBuf {
    if let Ok(p) = std::env::var("STATELAB_SHARED") {
        return PathBuf::from(p);
    }
    let mut dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    loop {
        if dir.join("shared/oracle/workloads").is_dir() {
            return dir.join("shared");
        }
        assert!(dir.pop(), "shared corpus not found: set STATELAB_SHARED or place shared/ beside the repository");
    }
}

fn run(case: &PathBuf) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_statelab")).arg("run").arg(case).arg("--history").output().expect("statelab runs");
    assert!(out.status.success(), "{}: {}", case.display(), String::from_utf8_lossy(&out.stderr));
    parse_value(&String::from_utf8_lossy(&out.stdout)).expect("one JSON object")
}

#[test]
fn workloads_keep_or_hit_the_history_limit_as_aws() {
    let dir = shared().join("oracle/workloads");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).expect("workloads").flatten().map(|e| e.path()).collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    assert!(files.len() >= 8, "the kit has its eight workloads");
    let mut over = Vec::new();
    for case in &files {
        let raw = parse_value(&std::fs::read_to_string(case).unwrap()).unwrap();
        let events = raw.get("_history_events").and_then(Value::as_i64).expect("_history_events");
        let result = run(case);
        let history = result.get("history").and_then(Value::as_array).expect("history");
        let status = result.get("status").and_then(Value::as_str);
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        if events <= LIMIT {
            assert_eq!(status, Some("SUCCEEDED"), "{name}: {:?}", result.get("cause"));
            assert_eq!(history.len() as i64, events, "{name}: history length");
            let transitions = raw.get("_transitions").and_then(Value::as_i64).expect("_transitions");
            assert_eq!(result.get("transitions").and_then(Value::as_i64), Some(transitions), "{name}: transitions");
        } else {
            over.push(name.clone());
            assert_eq!(status, Some("FAILED"), "{name}");
            assert_eq!(result.get("error").and_then(Value::as_str), Some("States.Runtime"), "{name}");
            assert_eq!(result.get("cause").and_then(Value::as_str), Some(CAUSE), "{name}");
            assert_eq!(history.len() as i64, LIMIT, "{name}: history length");
            let last = history.last().and_then(|e| e.get("type")).and_then(Value::as_str);
            assert_eq!(last, Some("ExecutionFailed"), "{name}");
        }
    }
    assert!(over.contains(&"choice_loop_10k.json".to_string()) && over.contains(&"map_10k.json".to_string()), "{over:?}");
}
