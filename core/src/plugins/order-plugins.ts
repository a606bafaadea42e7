/** A plugin as far as ordering is concerned. */
export interface Orderable {
  name: string;
  dependsOn: readonly string[];
}

/** The outcome of ordering: a load order, and the plugins that cannot load with the reason. */
export interface PluginOrder {
  order: string[];
  missing: { name: string; dependency: string }[];
  cycles: { name: string; cycle: string[] }[];
}

/**
 * Orders plugins so that each comes after what it depends on (stable: configuration order otherwise).
 * A plugin whose dependency is absent, or that sits on a cycle, is left out, and so is everything that
 * depends on it (reported as a missing dependency).
 */
export function orderPlugins(plugins: readonly Orderable[]): PluginOrder {
  const byName = new Map(plugins.map((p) => [p.name, p]));
  const result: PluginOrder = { order: [], missing: [], cycles: [] };
  const state = new Map<string, 'visiting' | 'done' | 'failed'>();
  const stack: string[] = [];

  const visit = (name: string): boolean => {
    const seen = state.get(name);
    if (seen === 'done') return true;
    if (seen === 'failed') return false;
    if (seen === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(name)), name];
      for (const member of new Set(cycle)) {
        if (state.get(member) !== 'failed') {
          state.set(member, 'failed');
          result.cycles.push({ name: member, cycle });
        }
      }
      return false;
    }
    state.set(name, 'visiting');
    stack.push(name);
    const plugin = byName.get(name)!;
    let ok = true;
    for (const dependency of plugin.dependsOn) {
      if (!byName.has(dependency)) {
        result.missing.push({ name, dependency });
        ok = false;
        break;
      }
      if (!visit(dependency)) {
        if (state.get(name) !== 'failed') result.missing.push({ name, dependency });
        ok = false;
        break;
      }
    }
    stack.pop();
    if (state.get(name) === 'failed') return false;
    state.set(name, ok ? 'done' : 'failed');
    if (ok) result.order.push(name);
    return ok;
  };

  for (const plugin of plugins) visit(plugin.name);
  return result;
}
