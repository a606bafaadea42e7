import type { Knex } from '@preau/sdk';

/** A class notebook's pause (holidays): families can't reply meanwhile, and see why. */
export interface Pause {
  until: string | null;
  reason: string | null;
}

/** The pauses in force today (Europe/Paris day) for these classes. */
export async function pausesOf(db: Knex, classIds: readonly number[], today: string): Promise<Map<number, Pause>> {
  if (classIds.length === 0) return new Map();
  const rows: { class_id: number; until: string | null; reason: string | null }[] = await db('pauses')
    .whereIn('class_id', classIds)
    .where((q) => q.whereNull('until').orWhere('until', '>=', today))
    .select('class_id', db.raw(`to_char(until, 'YYYY-MM-DD') as until`), 'reason');
  return new Map(rows.map((r) => [r.class_id, { until: r.until, reason: r.reason }]));
}

/** Pauses a class's notebook, optionally until a day. */
export async function pauseClass(db: Knex, classId: number, pause: Pause, by: number, now: Date): Promise<void> {
  await db('pauses').insert({ class_id: classId, paused_by: by, paused_at: now, until: pause.until, reason: pause.reason })
    .onConflict('class_id').merge(['paused_by', 'paused_at', 'until', 'reason']);
}

/** Ends a class's pause. */
export async function resumeClass(db: Knex, classId: number): Promise<void> {
  await db('pauses').where({ class_id: classId }).delete();
}
