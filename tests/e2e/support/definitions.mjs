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
