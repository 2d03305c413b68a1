// What the canvas must draw for a definition, read straight from the ASL JSON
// (independent of the app's code). The rule, as engine-core's diagram module documents it:
//   nodes: every state (branch and Map processor states included), plus a Start marker when
//          the top-level StartAt names a state and an End marker when some top-level state
//          is terminal (End: true, Succeed or Fail);
//   edges: one per Next, Default, Choices[i].Next and Catch[i].Next that names a state of
//          the same States object, plus Start -> StartAt and terminal top-level state -> End.
//   Branch and processor starts are drawn as nesting, not as edges.

import { CodeView } from './editor.mjs';

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function scopeEdges(machine, out) {
  const states = isObject(machine?.States) ? machine.States : {};
  const has = (name) => typeof name === 'string' && Object.prototype.hasOwnProperty.call(states, name);
  for (const [name, state] of Object.entries(states)) {
    if (!isObject(state)) continue;
    if (has(state.Next)) out.push(`${name}->${state.Next}`);
    for (const rule of Array.isArray(state.Choices) ? state.Choices : []) {
      if (isObject(rule) && has(rule.Next)) out.push(`${name}->${rule.Next}`);
    }
    if (has(state.Default)) out.push(`${name}->${state.Default}`);
    for (const c of Array.isArray(state.Catch) ? state.Catch : []) {
      if (isObject(c) && has(c.Next)) out.push(`${name}->${c.Next}`);
    }
    if (state.Type === 'Parallel') {
      for (const b of Array.isArray(state.Branches) ? state.Branches : []) scopeEdges(b, out);
    }
    if (state.Type === 'Map') {
      const p = state.ItemProcessor ?? state.Iterator;
      if (p !== undefined) scopeEdges(p, out);
    }
  }
}

const terminal = (s) => isObject(s) && (s.End === true || s.Type === 'Succeed' || s.Type === 'Fail');

/** Every edge the canvas draws, as `from->to` with state names (`Start` / `End` markers). */
export function expectedEdges(machine) {
  const out = [];
  const states = isObject(machine.States) ? machine.States : {};
  if (typeof machine.StartAt === 'string' && Object.prototype.hasOwnProperty.call(states, machine.StartAt)) {
    out.push(`Start->${machine.StartAt}`);
  }
  scopeEdges(machine, out);
  for (const [name, s] of Object.entries(states)) if (terminal(s)) out.push(`${name}->End`);
  return out;
}

/** How many Start/End markers the canvas draws. */
export function expectedMarkers(machine) {
  const states = isObject(machine.States) ? machine.States : {};
  const start = typeof machine.StartAt === 'string' && Object.prototype.hasOwnProperty.call(states, machine.StartAt);
  const end = Object.values(states).some(terminal);
  return (start ? 1 : 0) + (end ? 1 : 0);
}

/** Puts `text` into the studio as if typed or pasted into the code view. */
export async function setDefinition(page, text) {
  await page.waitForFunction(() => window.statelabEditor);
  await page.evaluate((t) => window.statelabEditor.setText(t, true), text);
}

/** The scale and translation of the canvas viewport. */
export async function viewportTransform(page) {
  const t = await page.getAttribute('[data-testid="graph-viewport"]', 'transform');
  const m = /translate\(([-\d.e]+),([-\d.e]+)\) scale\(([-\d.e]+)\)/.exec(t ?? '');
  if (!m) throw new Error(`unexpected viewport transform: ${t}`);
  return { tx: Number(m[1]), ty: Number(m[2]), scale: Number(m[3]) };
}
