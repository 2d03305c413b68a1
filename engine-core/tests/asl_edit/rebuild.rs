//! Two gallery examples rebuilt from an empty machine with the editor's operations only:
//! templates from the catalogue, positions on the graph, renames, parts, and field values
//! as the inspector takes them. The result must mean the same as the example (same states,
//! fields and transitions), validate, and undo back to empty through every intermediate
//! text, then redo to the end.

use super::common;

use engine_core::asl::edit::*;
use engine_core::asl::{validate, Diagnostic, QueryLanguage};
use engine_core::json::tree::{parse_document, Document, Edit};

const EMPTY: &str = "{\n  \"StartAt\": \"\",\n  \"States\": {}\n}\n";

/// The document being built, with the undo edits and every text it went through.
struct Session {
    doc: Document,
    undo: Vec<Edit>,
    texts: Vec<String>,
}

impl Session {
    fn new() -> Session {
        Session {
            doc: parse_document(EMPTY),
            undo: Vec::new(),
            texts: vec![EMPTY.into()],
        }
    }

    fn run(&mut self, change: Result<Change, engine_core::json::tree::EditError>) -> Vec<String> {
        let change = change.unwrap_or_else(|e| panic!("step {}: {e}", self.texts.len()));
        let undo = self.doc.apply(&change.edit).expect("the edit applies");
        assert!(self.doc.syntax_errors().is_empty());
        self.undo.push(undo);
        self.texts.push(self.doc.text().into());
        change.selection
    }

    /// Insert a template at `at` and name the new state `name`; its pointer.
    fn add(&mut self, id: &str, at: Position, name: &str) -> String {
        let template = find_template(id).unwrap();
        let created = self
            .run(insert_template(&self.doc, template, &at))
            .remove(0);
        self.run(rename_state(&self.doc, &created, name)).remove(0)
    }

    fn set(&mut self, pointer: &str, value: &str) {
        self.run(set_field(&self.doc, pointer, value));
    }

    /// Undo to empty checking each intermediate text, then redo to the end.
    fn undo_and_redo_all(mut self) {
        let end = self.doc.text().to_string();
        let mut redo = Vec::new();
        while let Some(undo) = self.undo.pop() {
            redo.push(self.doc.apply(&undo).unwrap());
            assert_eq!(
                self.doc.text(),
                self.texts[self.undo.len()],
                "undo to step {}",
                self.undo.len()
            );
        }
        assert_eq!(self.doc.text(), EMPTY);
        while let Some(again) = redo.pop() {
            self.doc.apply(&again).unwrap();
            assert_eq!(
                self.doc.text(),
                self.texts[self.texts.len() - 1 - redo.len()]
            );
        }
        assert_eq!(self.doc.text(), end);
    }
}

fn example(name: &str) -> String {
    std::fs::read_to_string(common::shared_dir().join("examples").join(name)).unwrap()
}

fn assert_same_machine(built: &Document, name: &str) {
    let errors: Vec<Diagnostic> = validate(built)
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect();
    assert!(errors.is_empty(), "{}\n{errors:#?}", built.text());
    let expected = parse_document(&example(name));
    let value = |d: &Document| d.to_value(d.root().unwrap());
    assert_eq!(value(built), value(&expected), "{}", built.text());
}

#[test]
fn rebuilds_game_housekeeping() {
    let mut s = Session::new();
    s.run(set_comment(
        &s.doc,
        Some("Housekeeping when a player completes a level or the whole game: report, bookkeeping and a metric, side by side."),
    ));
    let parallel = s.add("Parallel", Position::Start(String::new()), "Housekeeping");
    s.run(add_branch(&s.doc, &parallel));
    s.run(add_branch(&s.doc, &parallel));
    let branch = |i: usize| format!("{parallel}/Branches/{i}");

    let report = s.add(
        "lambda-invoke",
        Position::Start(branch(0)),
        "GenerateLevelReport",
    );
    s.set(
        &format!("{report}/Parameters/FunctionName"),
        "\"arn:aws:lambda:us-east-1:123456789012:function:GenerateLevelReport\"",
    );
    s.set(
        &format!("{report}/ResultSelector"),
        r#"{ "report.$": "$.Payload" }"#,
    );

    let choice = s.add("Choice", Position::Start(branch(1)), "LevelOrGame");
    s.set(
        &format!("{choice}/Choices/0/Variable"),
        "\"$.gameCompleted\"",
    );
    let game = s.add(
        "dynamodb-putitem",
        Position::Edge(format!("{choice}/Choices/0/Next")),
        "UpdateCompletedGame",
    );
    let level = s.add(
        "dynamodb-putitem",
        Position::Edge(format!("{choice}/Default")),
        "UpdateCompletedLevel",
    );
    s.set(
        &format!("{level}/Parameters/TableName"),
        "\"CompletedLevel\"",
    );
    s.set(
        &format!("{level}/Parameters/Item"),
        r#"{ "playerId": { "S.$": "$.playerId" }, "level": { "N.$": "States.Format('{}', $.level)" } }"#,
    );
    s.set(&format!("{level}/ResultPath"), "null");
    s.set(&format!("{game}/Parameters/TableName"), "\"CompletedGame\"");
    s.set(
        &format!("{game}/Parameters/Item"),
        r#"{ "playerId": { "S.$": "$.playerId" } }"#,
    );
    s.set(&format!("{game}/ResultPath"), "null");

    let (base, sdk) = aws_sdk_call("cloudwatch", "putMetricData", QueryLanguage::JsonPath);
    let metric = s
        .run(insert_state(
            &s.doc,
            &base,
            &sdk,
            &Position::Start(branch(2)),
        ))
        .remove(0);
    let metric = s.run(rename_state(&s.doc, &metric, "LogMetric")).remove(0);
    s.set(
        &format!("{metric}/Parameters"),
        r#"{ "Namespace": "Game", "MetricData": [ { "MetricName": "LevelCompleted", "Value": 1 } ] }"#,
    );
    s.set(&format!("{metric}/ResultPath"), "null");
    s.set(
        &format!("{parallel}/ResultSelector"),
        r#"{ "report.$": "$[0].report", "player.$": "$[1].playerId" }"#,
    );

    assert_same_machine(&s.doc, "game-housekeeping.asl.json");
    s.undo_and_redo_all();
}

#[test]
fn rebuilds_retry_and_fallback() {
    let mut s = Session::new();
    s.run(set_comment(
        &s.doc,
        Some("A task retried with exponential back-off, and a fallback when it keeps failing."),
    ));
    let first = s.add("lambda-invoke", Position::Start(String::new()), "FirstStep");
    s.set(
        &format!("{first}/Resource"),
        "\"arn:aws:lambda:us-east-1:123456789012:function:MyLambdaFunction\"",
    );
    s.run(clear_field(&s.doc, &format!("{first}/Parameters")));
    let retrier = s
        .run(add_retry(&s.doc, &first, &["States.TaskFailed"]))
        .remove(0);
    s.set(&format!("{retrier}/IntervalSeconds"), "5");
    s.set(&format!("{retrier}/BackoffRate"), "2.0");
    let catcher = s.run(add_catch(&s.doc, &first, &[], None)).remove(0);
    s.set(&format!("{catcher}/ResultPath"), "\"$.error\"");
    let fallback = s.add(
        "Fail",
        Position::Edge(format!("{catcher}/Next")),
        "FallbackStep",
    );
    s.set(&format!("{fallback}/Error"), "\"TaskFailed\"");
    s.set(
        &format!("{fallback}/Cause"),
        "\"The task failed after multiple attempts.\"",
    );
    s.add("Succeed", Position::After(first.clone()), "SecondStep");

    assert_same_machine(&s.doc, "retry-and-fallback.asl.json");
    s.undo_and_redo_all();
}
