// Page helpers for the simulate panel's specs.
import assert from 'node:assert/strict';
import { setDefinition } from './graph.mjs';

/** The text of the element with `data-testid`. */
export const simText = (page, id) => page.textContent(`[data-testid="${id}"]`);

/** Waits until the result shows a status other than RUNNING. */
export async function waitFinished(page) {
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-testid="sim-status"]');
    return s && s.textContent !== 'RUNNING';
  });
}

/** Loads a workload (`{definition, input}`) into the studio and opens the simulate panel. */
export async function openWorkload(page, workload) {
  await page.waitForSelector('[data-testid="graph"] [data-state]');
  await setDefinition(page, JSON.stringify(workload.definition, null, 2));
  await page.waitForSelector(`[data-testid="graph"] [data-state="${workload.definition.StartAt}"]`);
  await page.click('[data-testid="tab-simulate"]');
  await page.fill('[data-testid="sim-input"]', JSON.stringify(workload.input ?? {}));
}

/** The debugger's position: events shown, events received, and whether all have arrived. */
export async function position(page) {
  const t = await simText(page, 'sim-position');
  const [, cursor, total, more] = t.match(/^event (\d+) of (\d+)(\+?)$/) ?? [];
  if (cursor === undefined) throw new Error(`unexpected position text: ${t}`);
  return { cursor: Number(cursor), total: Number(total), finished: more === '' };
}

/**
 * Clicks a debugger control and waits until no step is left waiting for the recording
 * (a step asked for before the events it needs have arrived completes when they do).
 */
export async function debugClick(page, testid) {
  await page.click(`[data-testid="${testid}"]`);
  await page.waitForSelector('[data-testid="sim-step-waiting"]', { state: 'detached' });
}

/**
 * Installs, before the page's scripts run, a gate on the messages Web Workers post to
 * the page: after `window.__simGate.arm(pass)`, `pass` messages go through and later
 * ones are held until `window.__simGate.release()`. The simulator's worker posts "ready", the machine's
 * nesting, then the first chunk of events: a pass of 3 holds the rest of the recording.
 */
export async function gateWorkerMessages(page) {
  await page.addInitScript(() => {
    const gate = { pass: Infinity, delivered: 0, held: [] };
    gate.arm = (pass) => {
      gate.pass = pass;
      gate.delivered = 0;
    };
    gate.release = () => {
      gate.pass = Infinity;
      for (const deliver of gate.held.splice(0)) deliver();
    };
    window.__simGate = gate;
    const own = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage');
    Object.defineProperty(Worker.prototype, 'onmessage', {
      configurable: true,
      get() { return own.get.call(this); },
      set(handler) {
        own.set.call(this, handler && ((ev) => {
          if (gate.delivered < gate.pass) {
            gate.delivered += 1;
            handler(ev);
          } else gate.held.push(() => handler(ev));
        }));
      },
    });
  });
}

/** Loads a shared example case (`{input, mocks}`) into the Simulate tab: its input, and its mocks imported through the panel. */
export async function loadCase(page, c, label) {
  await page.click('[data-testid="tab-simulate"]');
  await page.fill('[data-testid="sim-input"]', JSON.stringify(c.input ?? {}));
  if (!(await page.isVisible('[data-testid="sim-import-text"]'))) await page.click('[data-testid="sim-import-toggle"]');
  await page.fill('[data-testid="sim-import-text"]', JSON.stringify(c.mocks ?? {}));
  await page.click('[data-testid="sim-import"]');
  assert.equal(await simText(page, 'sim-import-message'), 'Mocks imported.', `${label}: import`);
}

/**
 * Checks the run on show against a shared example case: status and output (or error and
 * cause), and the virtual duration when the case gives one.
 */
export async function assertCaseResult(page, c, label) {
  const expected = c.expected;
  assert.equal(await simText(page, 'sim-status'), expected.status, `${label}: status`);
  if (expected.status === 'SUCCEEDED') {
    assert.deepEqual(JSON.parse(await simText(page, 'sim-output')), expected.output, `${label}: output`);
  } else {
    if ('error' in expected) assert.equal(await simText(page, 'sim-error-name'), expected.error, `${label}: error`);
    if ('cause' in expected) assert.equal(await simText(page, 'sim-cause'), expected.cause, `${label}: cause`);
  }
  if ('expected_virtual_duration_seconds' in c) {
    assert.equal(await simText(page, 'sim-duration'), `${c.expected_virtual_duration_seconds} s`, `${label}: virtual duration`);
  }
}

/** Runs a shared example case on the document in the studio and checks its result. */
export async function runCase(page, c, label) {
  await loadCase(page, c, label);
  await page.click('[data-testid="sim-run"]');
  await waitFinished(page);
  await assertCaseResult(page, c, label);
}
