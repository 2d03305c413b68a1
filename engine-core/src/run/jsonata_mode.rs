//! What JSONata-mode states do: their fields are evaluated with `$states` and the
//! workflow variables bound, `Output` replaces the JSONPath stages (default: the state
//! input, or the result for Task/Map/Parallel, or the error output for a Catcher), and
//! `Assign` is evaluated against the state-entry variables and written when the state
//! exits. Evaluation failures are `States.QueryEvaluationError`, recorded with an
//! `EvaluationFailed` event naming the field.

use super::dataflow::Env;
use super::definition::{Kind, State};
use super::events::{Details, RareDetails};
use super::exec::Ctx;
use super::frame::{Frame, Phase, TaskCall};
use super::jsonata_definition::JsonataState;
use super::query_error::{self, QueryFailure};
use super::query_template::{typed_field, QueryValue};
use super::states_binding::{with_scope, QueryScope, StatesBinding};
use super::variables;
use super::wait;
use crate::failure::errors;
use crate::{Failure, Value};
use alloc::format;
use alloc::rc::Rc;
use alloc::string::String;

/// A state's output and the state it goes to next (`None`: the thread ends).
type Outcome = Result<(Rc<Value>, Option<usize>), QueryFailure>;

impl Frame {
    /// Enters a JSONata-mode state (Task, Map and Parallel continue in their own phases).
    pub(crate) fn enter_jsonata(&mut self, ctx: &mut Ctx, state: &State, q: &JsonataState) {
        let outcome = match &state.kind {
            Kind::Task(_) => return self.task_schedule(ctx, state),
            Kind::Parallel { .. } | Kind::Map(_) => return super::group::start(self, ctx, state),
            Kind::Fail { .. } => {
                self.in_state = false;
                match self.fail_fields_jsonata(ctx, state, q) {
                    Ok(f) => self.fail_frame(ctx, f),
                    Err(qf) => self.fail_query(ctx, state, qf),
                }
                return;
            }
            Kind::Pass { .. } | Kind::Succeed => self.pass_jsonata(ctx, state, q),
            Kind::Choice { default, .. } => self.choice_jsonata(ctx, state, q, *default),
            Kind::Wait(_) => self.wait_jsonata(ctx, state, q),
        };
        match outcome {
            Ok((output, next)) => self.phase = Phase::Exit { output, next },
            Err(qf) => self.fail_query(ctx, state, qf),
        }
    }

    /// Fails the state: AWS's state prefix on the cause, an `EvaluationFailed` event for a
    /// query evaluation error, then Retry/Catch.
    pub(crate) fn fail_query(&mut self, ctx: &mut Ctx, state: &State, qf: QueryFailure) {
        self.fail_evaluation(ctx, state, qf, false);
    }

    /// A Map or Parallel state failing before it starts: after `EvaluationFailed`, AWS
    /// closes the state with `MapStateFailed`/`ParallelStateFailed` (unless it retries).
    pub(crate) fn fail_group_entry(&mut self, ctx: &mut Ctx, state: &State, qf: QueryFailure) {
        self.fail_evaluation(ctx, state, qf, true);
    }

    fn fail_evaluation(
        &mut self,
        ctx: &mut Ctx,
        state: &State,
        qf: QueryFailure,
        group_entry: bool,
    ) {
        let evaluation = state.jsonata.is_some() && qf.is_evaluation_error();
        let f = self.located(state, qf.failure);
        if evaluation {
            self.record_evaluation_failed(ctx, state, &f, qf.location);
            let failed = match state.kind {
                Kind::Map(_) => "MapStateFailed",
                _ => "ParallelStateFailed",
            };
            if group_entry && !self.will_retry(state, &f) {
                self.emit(ctx, failed, Details::default());
            }
        }
        self.handle_failure(ctx, state, f);
    }

    /// The `EvaluationFailed` event: the located failure, the field and the state.
    fn record_evaluation_failed(
        &mut self,
        ctx: &mut Ctx,
        state: &State,
        f: &Failure,
        location: Option<String>,
    ) {
        let details = Details {
            rare: RareDetails {
                error: f.error.clone(),
                cause: f.cause.clone(),
                location,
                state: Some(state.name.clone()),
                ..RareDetails::default()
            }
            .boxed(),
            ..Details::default()
        };
        self.emit(ctx, "EvaluationFailed", details);
    }

    /// Runs `f` with `$states` (input, context, and `result`/`errorOutput` when given) and
    /// the variables as they were when the state was entered.
    pub(crate) fn with_states<T>(
        &mut self,
        ctx: &mut Ctx,
        state: &State,
        result: Option<&Value>,
        error_output: Option<&Value>,
        f: impl FnOnce(&mut QueryScope) -> Result<T, QueryFailure>,
    ) -> Result<T, QueryFailure> {
        let context = self.context(ctx, state, None);
        let (input, vars) = (self.input.clone(), self.vars.clone());
        let binding = StatesBinding {
            input: &input,
            context,
            result,
            error_output,
        };
        let mentioned = state.jsonata.as_ref().map_or(&[][..], |q| &q.mentioned[..]);
        with_scope(ctx, &binding, &vars, mentioned, f)
    }

    /// Checks evaluated `Assign` values against the limits and keeps them for the exit.
    fn stage_assign(&mut self, ctx: &Ctx, values: Option<Value>) -> Result<(), QueryFailure> {
        self.assigned = None;
        if let Some(Value::Object(m)) = values {
            let values = crate::shared::Shared::unwrap_or_clone(m);
            self.assigned = Some(variables::check_limits(values, &self.vars, ctx.var_bytes)?);
        }
        Ok(())
    }

    /// `Assign` then `Output` (default `fallback`), both against the same bindings.
    fn assign_and_output(
        &mut self,
        ctx: &mut Ctx,
        state: &State,
        fields: AssignOutput,
        bound: (Option<&Value>, Option<&Value>),
        fallback: Rc<Value>,
    ) -> Result<Rc<Value>, QueryFailure> {
        let AssignOutput { assign, output } = fields;
        let (assigned, output) = self.with_states(ctx, state, bound.0, bound.1, |scope| {
            let assigned = assign
                .map(|(a, field)| a.evaluate(&field, scope))
                .transpose()?;
            let output = match output {
                Some((o, field)) => Rc::new(o.evaluate(&field, scope)?),
                None => fallback,
            };
            Ok((assigned, output))
        })?;
        self.stage_assign(ctx, assigned)?;
        Ok(output)
    }

    /// The state's own `Assign` and `Output` (default: the input).
    fn own_assign_and_output(
        &mut self,
        ctx: &mut Ctx,
        state: &State,
        q: &JsonataState,
    ) -> Result<Rc<Value>, QueryFailure> {
        let input = self.input.clone();
        let fields = AssignOutput::named(q.assign.as_ref(), q.output.as_ref(), "");
        self.assign_and_output(ctx, state, fields, (None, None), input)
    }

    /// Pass and Succeed: `Assign`, then `Output` (default: the input).
    fn pass_jsonata(&mut self, ctx: &mut Ctx, state: &State, q: &JsonataState) -> Outcome {
        let output = self.own_assign_and_output(ctx, state, q)?;
        Ok((output, Self::next_of(state)))
    }

    /// Choice: the first rule whose `Condition` is true; its `Output`/`Assign` replace the state's.
    fn choice_jsonata(
        &mut self,
        ctx: &mut Ctx,
        state: &State,
        q: &JsonataState,
        default: Option<usize>,
    ) -> Outcome {
        let matched = self.with_states(ctx, state, None, None, |scope| {
            for (i, rule) in q.choices.iter().enumerate() {
                let field = format!("Choices[{i}]/Condition");
                match rule.condition.evaluate(&field, scope)? {
                    Value::Bool(true) => return Ok(Some(i)),
                    Value::Bool(false) => {}
                    other => return Err(condition_type(&rule.condition, &field, &other)),
                }
            }
            Ok(None)
        })?;
        if let Some(i) = self.insp.as_mut() {
            i.matched_rule = matched;
        }
        let own = AssignOutput::named(q.assign.as_ref(), q.output.as_ref(), "");
        let (next, fields) = match (matched, default) {
            (Some(i), _) => {
                let rule = &q.choices[i];
                let prefix = format!("Choices[{i}]/");
                let rule_fields =
                    AssignOutput::named(rule.assign.as_ref(), rule.output.as_ref(), &prefix);
                let fields = AssignOutput {
                    assign: rule_fields.assign.or(own.assign),
                    output: rule_fields.output.or(own.output),
                };
                (rule.next, fields)
            }
            (None, Some(d)) => (d, own),
            (None, None) => {
                return Err(Failure::new(errors::NO_CHOICE_MATCHED, "No Matches!").into())
            }
        };
        let input = self.input.clone();
        let output = self.assign_and_output(ctx, state, fields, (None, None), input)?;
        Ok((output, Some(next)))
    }

    /// Wait: `Seconds` or `Timestamp` evaluated, then checked as AWS checks constants.
    fn wait_jsonata(&mut self, ctx: &mut Ctx, state: &State, q: &JsonataState) -> Outcome {
        let (field, value) = match (&q.seconds, &q.timestamp) {
            (Some(s), _) => ("Seconds", s),
            (None, Some(t)) => ("Timestamp", t),
            (None, None) => {
                return Err(Failure::runtime("a Wait state needs Seconds or Timestamp").into())
            }
        };
        let v = self.with_states(ctx, state, None, None, |scope| value.evaluate(field, scope))?;
        let spec = match (field, v) {
            ("Seconds", v) => super::definition::WaitSpec::Seconds(v),
            (_, Value::String(t)) => super::definition::WaitSpec::Timestamp(t),
            (_, other) => super::definition::WaitSpec::Timestamp(other.to_json()),
        };
        let vars = self.vars.clone();
        let env = Env {
            context: &Value::Null,
            variables: &vars,
        };
        let until = wait::until_ms(&spec, &Value::Null, &env, ctx.now_ms)
            .map_err(|f| query_error::invalid_value(field, f))?;
        let output = self.own_assign_and_output(ctx, state, q)?;
        self.ready_at = until;
        Ok((output, Self::next_of(state)))
    }

    /// Fail: `Error` and `Cause` (constants or expressions).
    fn fail_fields_jsonata(
        &mut self,
        ctx: &mut Ctx,
        state: &State,
        q: &JsonataState,
    ) -> Result<Failure, QueryFailure> {
        self.with_states(ctx, state, None, None, |scope| {
            let mut text =
                |v: &Option<QueryValue>, field: &str| -> Result<Option<String>, QueryFailure> {
                    Ok(match v {
                        None => None,
                        Some(v) => Some(match v.evaluate(field, scope)? {
                            Value::String(s) => s,
                            other => other.to_json(),
                        }),
                    })
                };
            Ok(Failure {
                error: text(&q.error, "Error")?,
                cause: text(&q.cause, "Cause")?,
            })
        })
    }

    /// A JSONata Task call: `Arguments` (default: the input), the timeouts and `Credentials`.
    pub(crate) fn task_call_jsonata(
        &mut self,
        ctx: &mut Ctx,
        state: &State,
        q: &JsonataState,
    ) -> Result<TaskCall, QueryFailure> {
        let input = self.input.clone();
        let call = self.with_states(ctx, state, None, None, |scope| {
            let params = match &q.arguments {
                Some(a) => Rc::new(a.evaluate("Arguments", scope)?),
                None => input.clone(),
            };
            let timeout = positive_seconds(q.timeout_seconds.as_ref(), "TimeoutSeconds", scope)?;
            let heartbeat =
                positive_seconds(q.heartbeat_seconds.as_ref(), "HeartbeatSeconds", scope)?;
            let credentials = q
                .credentials
                .as_ref()
                .map(|c| c.evaluate("Credentials", scope))
                .transpose()?
                .map(Rc::new);
            Ok(TaskCall {
                params,
                timeout,
                heartbeat,
                credentials,
            })
        })?;
        if let Some(i) = self.insp.as_mut() {
            i.after_arguments = Some(call.params.clone());
        }
        Ok(call)
    }

    /// A Task/Map/Parallel result: `Assign`, then `Output` (default: the result).
    pub(crate) fn shape_result_jsonata(
        &mut self,
        ctx: &mut Ctx,
        state: &State,
        q: &JsonataState,
        result: Rc<Value>,
    ) -> Result<Rc<Value>, QueryFailure> {
        if let Some(i) = self.insp.as_mut() {
            i.result = Some(result.clone());
        }
        self.assign_and_output(
            ctx,
            state,
            AssignOutput::named(q.assign.as_ref(), q.output.as_ref(), ""),
            (Some(&result), None),
            result.clone(),
        )
    }

    /// Catcher `index` handles the failure: its `Assign` (replacing the state's) and its
    /// `Output` (default: the error output) see `$states.errorOutput`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn catch_jsonata(
        &mut self,
        ctx: &mut Ctx,
        state: &State,
        q: &JsonataState,
        index: usize,
        next: usize,
        error_output: Value,
        f: Failure,
    ) {
        let catcher = q.catch.get(index);
        let fields = AssignOutput::named(
            catcher.and_then(|c| c.assign.as_ref()),
            catcher.and_then(|c| c.output.as_ref()),
            &format!("Catch[{index}]/"),
        );
        let fallback = Rc::new(error_output.clone());
        match self.assign_and_output(ctx, state, fields, (None, Some(&error_output)), fallback) {
            Ok(output) => {
                if let Some(insp) = self.insp.as_mut() {
                    insp.status = "CAUGHT_ERROR";
                    insp.catch_index = Some(index);
                    insp.error = Some(f);
                }
                self.phase = Phase::Exit {
                    output,
                    next: Some(next),
                };
            }
            Err(qf) => {
                // A catcher that fails to evaluate fails the state; no other catcher runs.
                let evaluation = qf.is_evaluation_error();
                let e = self.located(state, qf.failure);
                if evaluation {
                    self.record_evaluation_failed(ctx, state, &e, qf.location);
                }
                self.fail_frame(ctx, e);
            }
        }
    }
}

/// An `Assign` and an `Output` to evaluate, each with the field name causes use.
struct AssignOutput<'q> {
    assign: Option<(&'q QueryValue, String)>,
    output: Option<(&'q QueryValue, String)>,
}

impl<'q> AssignOutput<'q> {
    /// `<prefix>Assign` and `<prefix>Output` (the prefix names a Choice rule or Catcher).
    fn named(assign: Option<&'q QueryValue>, output: Option<&'q QueryValue>, prefix: &str) -> Self {
        AssignOutput {
            assign: assign.map(|a| (a, format!("{prefix}Assign"))),
            output: output.map(|o| (o, format!("{prefix}Output"))),
        }
    }
}

/// A Choice `Condition` that is not a boolean.
fn condition_type(condition: &QueryValue, field: &str, value: &Value) -> QueryFailure {
    match condition {
        QueryValue::Expression(e) => query_error::unexpected_type(&e.text, field, "boolean", value),
        _ => QueryFailure::at(
            field,
            format!(
                "The Condition field must be a boolean, but was '{}' for value: {}",
                value.type_name(),
                value.to_json()
            ),
        ),
    }
}

/// `TimeoutSeconds`/`HeartbeatSeconds`: a positive integer.
fn positive_seconds(
    v: Option<&QueryValue>,
    field: &str,
    scope: &mut QueryScope,
) -> Result<Option<i64>, QueryFailure> {
    typed_field(v, field, "a positive integer", scope, |v| {
        v.as_number()?.as_i64().filter(|n| *n > 0)
    })
}
