// The generated machine of engine-core/benches/machine.rs, in JavaScript: exactly `n`
// states from a fixed cycle of five blocks (a Task chain; a Choice whose second rule loops
// back through a Wait; a Task with a Catcher to a Fail; a Parallel of three two-Task
// branches; a Map of a three-Task processor), then single Tasks.

const task = () => ({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke' });

function chainMachine(prefix, len) {
  const States = {};
  for (let i = 0; i < len; i++) {
    States[`${prefix}${i}`] = { ...task(), ...(i + 1 < len ? { Next: `${prefix}${i + 1}` } : { End: true }) };
  }
  return { StartAt: `${prefix}0`, States };
}

function block(k) {
  switch (k % 5) {
    case 0: {
      const n = [0, 1, 2].map((i) => `Step${k}_${i}`);
      return { states: [[n[0], { ...task(), Next: n[1] }], [n[1], { ...task(), Next: n[2] }], [n[2], task()]], first: n[0], last: n[2], size: 3 };
    }
    case 1: {
      const c = `Decide${k}`, r = (i) => `Route${k}_${i}`, w = `Pause${k}`, j = `Join${k}`;
      return {
        states: [
          [c, { Type: 'Choice', Choices: [
            { Variable: '$.n', NumericEquals: 0, Next: r(0) },
            { Variable: '$.s', StringMatches: 'retry*', Next: r(1) },
          ], Default: r(2) }],
          [r(0), { Type: 'Pass', Next: j }],
          [r(1), { Type: 'Pass', Next: w }],
          [r(2), { Type: 'Pass', Next: j }],
          [w, { Type: 'Wait', Seconds: 5, Next: c }],
          [j, { Type: 'Pass' }],
        ],
        first: c, last: j, size: 6,
      };
    }
    case 2: {
      const t = `Call${k}`, f = `Failed${k}`, p = `After${k}`;
      return {
        states: [
          [t, { ...task(), Retry: [{ ErrorEquals: ['States.Timeout'], MaxAttempts: 2 }], Catch: [{ ErrorEquals: ['States.ALL'], Next: f }], Next: p }],
          [f, { Type: 'Fail', Error: 'CallFailed' }],
          [p, { Type: 'Pass' }],
        ],
        first: t, last: p, size: 3,
      };
    }
    case 3: {
      const p = `Fan${k}`;
      const Branches = [0, 1, 2].map((b) => chainMachine(`Fan${k}_${b}_`, 2));
      return { states: [[p, { Type: 'Parallel', Branches }]], first: p, last: p, size: 7 };
    }
    default: {
      const m = `Each${k}`;
      return { states: [[m, { Type: 'Map', ItemsPath: '$.items', ItemProcessor: chainMachine(`Each${k}_`, 3) }]], first: m, last: m, size: 4 };
    }
  }
}

/** A definition with exactly `n` states (nested ones included). */
export function generateMachine(n) {
  const States = {};
  let count = 0, prev = null, k = 0;
  const link = (next) => { if (prev !== null) States[prev].Next = next; };
  while (n - count >= 7) {
    const b = block(k++);
    link(b.first);
    for (const [name, body] of b.states) States[name] = body;
    count += b.size;
    prev = b.last;
  }
  while (count < n) {
    const name = `Tail${count}`;
    link(name);
    States[name] = task();
    prev = name;
    count++;
  }
  if (prev !== null) States[prev].End = true;
  return { StartAt: Object.keys(States)[0], States };
}
