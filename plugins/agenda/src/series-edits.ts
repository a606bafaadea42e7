import type { Knex } from '@preau/sdk';
import { OccurrenceNotFound } from './errors.js';
import { eventRow, newUid, withRule, type EventRow, type EventTimes } from './events.js';
import { addWallMinutes, wallMinutesBetween, type WallTime } from './paris-time.js';
import { fromRule, hasOccurrenceAt, ruleContinuingFrom, ruleEndingBefore } from './recurrence.js';

/** What a form gives an event, sanitized and read into stored times. */
export interface EventData {
  title: string;
  description: string;
  /** The description's plain text (for .ics files). */
  descriptionText: string;
  place: string;
  times: EventTimes;
  reminderMinutes: number | null;
}

export type Scope = 'all' | 'this' | 'following';

const wallArray = (db: Knex, walls: readonly WallTime[]) => db.raw('?::timestamp[]', [walls as WallTime[]]);

function columns(db: Knex, data: EventData) {
  const { times } = data;
  return {
    title: data.title, description: data.description, description_text: data.descriptionText, place: data.place, reminder_minutes: data.reminderMinutes,
    all_day: times.all_day, start_wall: times.start_wall, end_wall: times.end_wall, starts_at: times.starts_at, ends_at: times.ends_at,
    rule: times.rule, last_ends_at: times.last_ends_at,
    updated_at: db.fn.now(),
  };
}

/** Adds an event (or a series, or an occurrence changed alone) and returns its id. */
export async function insertEvent(trx: Knex.Transaction, calendarId: number, data: EventData, by: number | null, extra: { uid?: string; seriesId?: number; occurrenceWall?: WallTime; exdates?: WallTime[] } = {}): Promise<number> {
  const [row] = await trx('events').insert({
    calendar_id: calendarId, uid: extra.uid ?? newUid(), created_by: by, ...columns(trx, data),
    series_id: extra.seriesId ?? null, occurrence_wall: extra.occurrenceWall ?? null, exdates: wallArray(trx, extra.exdates ?? []),
  }).returning('id');
  return row.id as number;
}

async function update(trx: Knex.Transaction, id: number, change: Record<string, unknown>): Promise<void> {
  await trx('events').where({ id }).update({ ...change, sequence: trx.raw('sequence + 1'), updated_at: trx.fn.now() });
}

/** Refuses an occurrence that is not one of the series' (or was deleted). */
function checkOccurrence(row: EventRow, occurrence: WallTime | undefined): WallTime {
  if (!occurrence || row.exdates.includes(occurrence)) throw OccurrenceNotFound();
  const series = { startWall: row.start_wall, durationMinutes: wallMinutesBetween(row.start_wall, row.end_wall), rule: row.rule!, exdates: [] };
  if (!hasOccurrenceAt(series, occurrence)) throw OccurrenceNotFound();
  return occurrence;
}

const shift = (walls: readonly WallTime[], minutes: number) => walls.map((wall) => addWallMinutes(wall, minutes));

/**
 * Changes an event. A single event (or an occurrence already changed alone) is changed whatever the scope. For
 * a series: `all` changes it (the deleted occurrences move with its start), `this` takes the occurrence out
 * and keeps it as an event of its own tied to the series, `following` ends the series before the occurrence
 * and starts a new one there with the change. Returns the id of the event that holds the change.
 */
export async function changeEvent(trx: Knex.Transaction, row: EventRow, data: EventData, scope: Scope, occurrence: WallTime | undefined, by: number): Promise<number> {
  if (!row.rule) {
    // An occurrence changed alone stays a single event of its series.
    const times = row.series_id ? withRule(data.times, null) : data.times;
    await update(trx, row.id, columns(trx, { ...data, times }));
    return row.id;
  }
  if (scope === 'all' || (scope === 'following' && checkOccurrence(row, occurrence) === row.start_wall)) {
    // The form shows the occurrence it was opened on: the series moves by as much as that occurrence did.
    const from = scope === 'all' && occurrence ? checkOccurrence(row, occurrence) : row.start_wall;
    const delta = wallMinutesBetween(from, data.times.start_wall);
    const start = addWallMinutes(row.start_wall, delta);
    const times = withRule({ all_day: data.times.all_day, start_wall: start, end_wall: addWallMinutes(start, wallMinutesBetween(data.times.start_wall, data.times.end_wall)) }, data.times.rule);
    await update(trx, row.id, { ...columns(trx, { ...data, times }), exdates: wallArray(trx, times.rule ? shift(row.exdates, delta) : []) });
    // Its occurrences changed alone keep naming the occurrence they replace.
    if (delta !== 0) await trx('events').where({ series_id: row.id }).update({ occurrence_wall: trx.raw('occurrence_wall + make_interval(mins => ?)', [delta]) });
    return row.id;
  }
  const at = checkOccurrence(row, occurrence);
  if (scope === 'this') {
    const id = await insertEvent(trx, row.calendar_id, { ...data, times: withRule(data.times, null) }, by, { uid: row.uid, seriesId: row.id, occurrenceWall: at });
    await update(trx, row.id, { exdates: wallArray(trx, [...row.exdates, at].sort()) });
    return id;
  }
  // This and the following: the series stops before `at`, a new one goes on from there with the change.
  await truncate(trx, row, at);
  const sameRule = data.times.rule !== null && JSON.stringify(fromRule(data.times.rule)) === JSON.stringify(fromRule(row.rule));
  const rule = sameRule ? ruleContinuingFrom(row.start_wall, row.rule, at) : data.times.rule;
  const moved = wallMinutesBetween(at, data.times.start_wall);
  const later = row.exdates.filter((wall) => wall > at);
  const id = await insertEvent(trx, row.calendar_id, { ...data, times: withRule(data.times, rule) }, by, { exdates: rule ? shift(later, moved) : [] });
  // Occurrences of the later part already changed alone belong to the new series.
  await trx('events').where({ series_id: row.id }).where('occurrence_wall', '>=', at)
    .update({ series_id: id, occurrence_wall: trx.raw(`occurrence_wall + make_interval(mins => ?)`, [moved]) });
  return id;
}

/** Ends a series before `at`: its rule, deleted occurrences and when it ends. */
async function truncate(trx: Knex.Transaction, row: EventRow, at: WallTime): Promise<void> {
  const rule = ruleEndingBefore(row.start_wall, row.rule!, at);
  const times = withRule({ all_day: row.all_day, start_wall: row.start_wall, end_wall: row.end_wall }, rule);
  await update(trx, row.id, { rule, last_ends_at: times.last_ends_at, exdates: wallArray(trx, row.exdates.filter((wall) => wall < at)) });
}

/** Deletes an event, one occurrence of a series, or a series from one occurrence on. */
export async function deleteEvent(trx: Knex.Transaction, row: EventRow, scope: Scope, occurrence: WallTime | undefined): Promise<void> {
  if (!row.rule || scope === 'all') {
    // An occurrence changed alone leaves its series' exception behind: deleting it deletes the occurrence.
    await trx('events').where({ id: row.id }).delete();
    return;
  }
  const at = checkOccurrence(row, occurrence);
  if (scope === 'this') {
    await update(trx, row.id, { exdates: wallArray(trx, [...row.exdates, at].sort()) });
    return;
  }
  if (at === row.start_wall) {
    await trx('events').where({ id: row.id }).delete();
    return;
  }
  await truncate(trx, row, at);
  await trx('events').where({ series_id: row.id }).where('occurrence_wall', '>=', at).delete();
}

/** The event after a write, as read back. */
export async function reread(trx: Knex.Transaction, id: number): Promise<EventRow> {
  return (await eventRow(trx, id))!;
}
