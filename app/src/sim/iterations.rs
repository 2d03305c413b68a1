//! Map and Parallel at the cursor: each Map's iterations and each Parallel's branches
//! with their status, and an iteration picker per Map — picking iteration k colours the
//! graph's nested states (and fills the inspector) from that iteration.

use super::sim_panel::status_class;
use super::state::use_sim;
use engine_core::sim::{GroupKind, GroupView};
use leptos::prelude::*;

/// Children listed one by one up to this many; beyond it only the counts.
const MAX_LISTED: usize = 60;

#[component]
pub fn Iterations() -> impl IntoView {
    let sim = use_sim();
    move || {
        let groups = sim.with_session(|s| s.groups()).unwrap_or_default();
        if groups.is_empty() {
            return view! { <p class="sim-note">"No Map or Parallel state has run by this event."</p> }.into_any();
        }
        groups.into_iter().map(group_view).collect_view().into_any()
    }
}

fn group_view(g: GroupView) -> impl IntoView {
    let sim = use_sim();
    let name = g.name.to_string();
    let (noun, kind) = match g.kind {
        GroupKind::Map => ("iteration", "map"),
        GroupKind::Parallel => ("branch", "parallel"),
    };
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for c in &g.children {
        let word = c.status.label();
        match counts.iter_mut().find(|(w, _)| *w == word) {
            Some(slot) => slot.1 += 1,
            None => counts.push((word, 1)),
        }
    }
    let summary = counts.iter().map(|(w, n)| format!("{n} {w}")).collect::<Vec<_>>().join(" · ");
    let picker = (g.kind == GroupKind::Map).then(|| {
        let map = name.clone();
        let current = sim.picks.with_untracked(|p| p.get(&map).map(u32::to_string)).unwrap_or_default();
        let options = g
            .children
            .iter()
            .map(|c| {
                let value = c.index.to_string();
                let selected = value == current;
                view! { <option value=value.clone() selected=selected>{format!("#{} — {}", c.index, c.status.label())}</option> }
            })
            .collect_view();
        let change = move |ev: leptos::ev::Event| {
            let picked = event_target_value(&ev).parse::<u32>().ok();
            sim.picks.update(|p| match picked {
                Some(k) => {
                    p.insert(map.clone(), k);
                }
                None => {
                    p.remove(&map);
                }
            });
        };
        view! {
            <label class="sim-picker">"Show iteration "
                <select data-testid="sim-iteration-picker" data-map=name.clone() on:change=change>
                    <option value="" selected=current.is_empty()>"latest of each state"</option>
                    {options}
                </select>
            </label>
        }
    });
    let listed = (g.children.len() <= MAX_LISTED).then(|| {
        g.children
            .iter()
            .map(|c| {
                let class = format!("sim-child status-{}", status_class(c.status));
                view! { <li class=class data-index=c.index data-status=status_class(c.status)>{format!("{noun} {}: {}", c.index, c.status.label())}</li> }
            })
            .collect_view()
    });
    view! {
        <div class="sim-group" data-testid="sim-group" data-group=name.clone() data-kind=kind>
            <h4>{format!("{name} · {} {noun}{}", g.children.len(), if g.children.len() == 1 { "" } else if noun == "branch" { "es" } else { "s" })}
                <span class="sim-stage-note">{summary}</span></h4>
            {picker}
            <ul class="sim-children">{listed}</ul>
        </div>
    }
}
