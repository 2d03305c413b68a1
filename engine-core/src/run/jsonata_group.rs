//! JSONata-mode Map and Parallel entry: Parallel `Arguments`; Map `Items` (default: the
//! input), `MaxConcurrency`, `ToleratedFailureCount`/`Percentage` and `ItemSelector`
//! (with `$states.context.Map.Item`). The children then run as in JSONPath mode.

use super::definition::{Kind, MapSpec, State};
use super::events::{Details, RareDetails};
use super::exec::Ctx;
use super::frame::Frame;
use super::group::{self, Batching, MapPlan};
use super::jsonata_definition::JsonataState;
use super::query_error::{self, QueryFailure};
use super::query_template::{typed_field, QueryValue};
use super::states_binding::{with_scope, QueryScope, StatesBinding};
use crate::Value;
use alloc::format;
use alloc::rc::Rc;
use alloc::vec::Vec;

/// Evaluates the entry fields and starts the children.
pub(crate) fn try_start(
    frame: &mut Frame,
    ctx: &mut Ctx,
    state: &State,
    q: &JsonataState,
) -> Result<(), QueryFailure> {
    let input = frame.input.clone();
    let group = match &state.kind {
        Kind::Parallel { branches } => {
            let arguments = match &q.arguments {
                Some(a) => Rc::new(frame.with_states(ctx, state, None, None, |scope| {
                    a.evaluate("Arguments", scope)
                })?),
                None => input,
            };
            if let Some(i) = frame.insp.as_mut() {
                i.after_arguments = Some(arguments.clone());
            }
            group::parallel_group(frame, ctx, branches, arguments)
        }
        Kind::Map(spec) => map_group(frame, ctx, state, spec, q, &input)?,
        _ => return Ok(()),
    };
    group::launch(frame, ctx, state, group);
    Ok(())
}

fn map_group(
    frame: &mut Frame,
    ctx: &mut Ctx,
    state: &State,
    spec: &MapSpec,
    q: &JsonataState,
    input: &Rc<Value>,
) -> Result<alloc::boxed::Box<group::Group>, QueryFailure> {
    let items = match (&spec.item_reader, &q.items) {
        (Some(reader), _) => {
            let max_items = frame.with_states(ctx, state, None, None, |scope| {
                if let Some(a) = &q.reader_arguments {
                    a.evaluate("ItemReader/Arguments", scope)?;
                }
                integer(
                    q.reader_max_items.as_ref(),
                    "ItemReader/ReaderConfig/MaxItems",
                    scope,
                )
            })?;
            group::read_items(ctx, state, reader, max_items.unwrap_or(0))?
        }
        (None, Some(items)) => {
            frame.with_states(ctx, state, None, None, |scope| items_array(items, scope))?
        }
        (None, None) => match &**input {
            Value::Array(a) => a.to_vec(),
            other => {
                return Err(QueryFailure::unlocated(format!(
                    "Map state input must be an array but was: {}",
                    other.to_json()
                )))
            }
        },
    };
    let max = frame.with_states(ctx, state, None, None, |scope| {
        integer(q.max_concurrency.as_ref(), "MaxConcurrency", scope)
    })?;
    frame.emit(
        ctx,
        "MapStateStarted",
        Details {
            rare: RareDetails {
                length: Some(items.len() as u32),
                ..RareDetails::default()
            }
            .boxed(),
            ..Details::default()
        },
    );
    let (count, pct) = frame.with_states(ctx, state, None, None, |scope| {
        let count = integer(q.tolerated_count.as_ref(), "ToleratedFailureCount", scope)?;
        let pct = number(
            q.tolerated_percentage.as_ref(),
            "ToleratedFailurePercentage",
            scope,
        )?;
        Ok((count, pct))
    })?;
    group::check_tolerance(count, pct)?;
    let selected = match &q.item_selector {
        None => items,
        Some(selector) => select_items(frame, ctx, state, selector, input, items)?,
    };
    let batching = match &spec.item_batcher {
        None => None,
        Some(_) => Some(frame.with_states(ctx, state, None, None, |scope| {
            Ok(Batching {
                max_items: integer(
                    q.batcher_max_items.as_ref(),
                    "ItemBatcher/MaxItemsPerBatch",
                    scope,
                )?
                .unwrap_or(0),
                max_bytes: integer(
                    q.batcher_max_bytes.as_ref(),
                    "ItemBatcher/MaxInputBytesPerBatch",
                    scope,
                )?
                .unwrap_or(0),
                batch_input: q
                    .batch_input
                    .as_ref()
                    .map(|b| b.evaluate("ItemBatcher/BatchInput", scope))
                    .transpose()?,
            })
        })?),
    };
    let writes = spec.distributed
        && spec
            .result_writer
            .as_ref()
            .is_some_and(|w| w.resource.is_some());
    let writer_params = match (&q.writer_arguments, writes) {
        (_, false) => None,
        (None, true) => Some(Value::object()),
        (Some(a), true) => Some(frame.with_states(ctx, state, None, None, |scope| {
            a.evaluate("ResultWriter/Arguments", scope)
        })?),
    };
    let plan = MapPlan {
        items: selected,
        max_concurrency: max.unwrap_or(0),
        tolerated_count: count,
        tolerated_percentage: pct,
        batching,
        writer_params,
    };
    Ok(group::map_group_from(ctx, state, spec, plan)?)
}

/// `Items`: an array, or an expression that must produce one.
fn items_array(items: &QueryValue, scope: &mut QueryScope) -> Result<Vec<Value>, QueryFailure> {
    match items.evaluate("Items", scope)? {
        Value::Array(a) => Ok(crate::shared::Shared::unwrap_or_clone(a)),
        other => Err(match items {
            QueryValue::Expression(e) => {
                query_error::unexpected_type(&e.text, "Items", "array", &other)
            }
            _ => QueryFailure::at(
                "Items",
                format!(
                    "The Items field must be an array, but was: {}",
                    other.to_json()
                ),
            ),
        }),
    }
}

/// `ItemSelector` for each item, with `$states.context.Map.Item.{Index, Value}`.
fn select_items(
    frame: &mut Frame,
    ctx: &mut Ctx,
    state: &State,
    selector: &QueryValue,
    input: &Value,
    items: Vec<Value>,
) -> Result<Vec<Value>, QueryFailure> {
    let vars = frame.vars.clone();
    let mentioned = state.jsonata.as_ref().map_or(&[][..], |q| &q.mentioned[..]);
    let mut out = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let context = frame.context(ctx, state, Some((index, item)));
        let binding = StatesBinding {
            input,
            context,
            result: None,
            error_output: None,
        };
        out.push(with_scope(ctx, &binding, &vars, mentioned, |scope| {
            selector.evaluate("ItemSelector", scope)
        })?);
    }
    Ok(out)
}

/// An integer field (`MaxConcurrency`, `ToleratedFailureCount`).
fn integer(
    v: Option<&QueryValue>,
    field: &str,
    scope: &mut QueryScope,
) -> Result<Option<i64>, QueryFailure> {
    typed_field(v, field, "an integer", scope, |v| v.as_number()?.as_i64())
}

/// A number field (`ToleratedFailurePercentage`).
fn number(
    v: Option<&QueryValue>,
    field: &str,
    scope: &mut QueryScope,
) -> Result<Option<f64>, QueryFailure> {
    typed_field(v, field, "a number", scope, Value::as_f64)
}
