import type { PluginServices } from '@preau/sdk';
import type { EntryRow } from './entries.js';

/**
 * "1/27 fait": per pupil the homework is for (the chosen ones, or the class's pupils today, by name), who
 * ticked it and when. Two reads besides the structure's: the chosen pupils and the ticks.
 */
export async function progressOf(services: Pick<PluginServices, 'db' | 'structure'>, entry: EntryRow) {
  const { db, structure } = services;
  const [chosen, ticks] = await Promise.all([
    db('entry_pupils').where({ entry_id: entry.id }).pluck('pupil_id') as Promise<number[]>,
    db('ticks').where({ entry_id: entry.id }).select('pupil_id', 'by_id', 'by_name', 'at', 'late') as Promise<{ pupil_id: number; by_id: number | null; by_name: string; at: Date; late: boolean }[]>,
  ]);
  const classPupils = await structure.pupilsOf([entry.class_id]);
  const chosenSet = new Set(chosen);
  const pupils = chosen.length ? [...classPupils.filter((p) => chosenSet.has(p.id)), ...(await structure.people(chosen.filter((id) => !classPupils.some((p) => p.id === id))))] : classPupils;
  const byPupil = new Map(ticks.map((t) => [t.pupil_id, t]));
  const rows = pupils.map((p) => {
    const t = byPupil.get(p.id);
    return { id: p.id, displayName: p.displayName, done: t ? { by: { id: t.by_id, displayName: t.by_name }, at: new Date(t.at).toISOString(), late: t.late } : null };
  });
  return { entryId: entry.id, dueOn: entry.due_on!, count: rows.filter((r) => r.done).length, of: rows.length, pupils: rows };
}
