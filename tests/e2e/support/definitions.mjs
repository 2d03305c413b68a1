// Facts read straight from an ASL definition, independent of the app's code.

/** Every state name in the machine, nested branches and Map processors included. */
export function stateNames(machine) {
  const names = [];
  for (const [name, state] of Object.entries(machine.States ?? {})) {
    names.push(name);
    for (const branch of state.Branches ?? []) names.push(...stateNames(branch));
    const processor = state.ItemProcessor ?? state.Iterator;
    if (processor) names.push(...stateNames(processor));
  }
  return names;
}

/** Offset just past the bracket that closes the one at `open` (strings skipped). */
export function closingBracket(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error('unbalanced text');
}
