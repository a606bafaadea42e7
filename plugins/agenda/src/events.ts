import { randomUUID } from 'node:crypto';
import type { Knex } from '@preau/sdk';
import { BadDates } from './errors.js';
import { addWallMinutes, isWallTime, toWall, wallMinutesBetween, wallToInstant, type WallTime } from './paris-time.js';
import { fromRule, lastOccurrence, MAX_OCCURRENCES_PER_SERIES, occurrencesBetween, toRule, type Recurrence } from './recurrence.js';
import type { EventFields, Occurrence } from './schemas.js';

/** An event row as read (wall times as text: a `timestamp` must never pass through the process's zone). */
export interface EventRow {
  id: number;
  calendar_id: number;
  uid: string;
  title: string;
  description: string;
  description_text: string;
  place: string;
  all_day: boolean;
  start_wall: WallTime;
  end_wall: WallTime;
  rule: string | null;
  exdates: WallTime[];
  reminder_minutes: number | null;
  series_id: number | null;
  occurrence_wall: WallTime | null;
  sequence: number;
  updated_at: Date;
}

const WALL_FORMAT = `'YYYY-MM-DD"T"HH24:MI'`;
/** The columns of `EventRow`, wall times formatted in SQL. */
export function eventColumns(db: Knex, alias = 'e'): (string | Knex.Raw)[] {
  return [
    `${alias}.id`, `${alias}.calendar_id`, `${alias}.uid`, `${alias}.title`, `${alias}.description`, `${alias}.description_text`, `${alias}.place`, `${alias}.all_day`,
    db.raw(`to_char(${alias}.start_wall, ${WALL_FORMAT}) as start_wall`),
    db.raw(`to_char(${alias}.end_wall, ${WALL_FORMAT}) as end_wall`),
    `${alias}.rule`,
    db.raw(`array(select to_char(x, ${WALL_FORMAT}) from unnest(${alias}.exdates) as x order by x) as exdates`),
    `${alias}.reminder_minutes`, `${alias}.series_id`,
    db.raw(`to_char(${alias}.occurrence_wall, ${WALL_FORMAT}) as occurrence_wall`),
    `${alias}.sequence`, `${alias}.updated_at`,
  ];
}

/** An event's times as stored: wall times, derived instants, and when a series ends (null: never). */
export interface EventTimes {
  all_day: boolean;
  start_wall: WallTime;
  end_wall: WallTime;
  starts_at: Date;
  ends_at: Date;
  rule: string | null;
  last_ends_at: Date | null;
}

/** Reads the form's start and end (days for an all-day event, its end day included) into stored times. */
export function timesOf(input: Pick<EventFields, 'allDay' | 'start' | 'end'>, rule: string | null): EventTimes {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  let start: string;
  let end: string;
  if (input.allDay) {
    start = `${input.start.slice(0, 10)}T00:00`;
    end = addWallMinutes(`${input.end.slice(0, 10)}T00:00`, 24 * 60);
  } else {
    if (day.test(input.start) || day.test(input.end)) throw BadDates();
    [start, end] = [input.start, input.end];
  }
  if (!isWallTime(start) || !isWallTime(end) || end <= start) throw BadDates();
  return withRule({ all_day: input.allDay, start_wall: start, end_wall: end }, rule);
}

/** Adds the derived instants, and when the series' last occurrence ends. */
export function withRule(times: Pick<EventTimes, 'all_day' | 'start_wall' | 'end_wall'>, rule: string | null): EventTimes {
  const starts_at = wallToInstant(times.start_wall);
  const ends_at = wallToInstant(times.end_wall);
  if (ends_at <= starts_at) throw BadDates();
  let last_ends_at: Date | null = ends_at;
  if (rule) {
    const last = lastOccurrence(times.start_wall, rule);
    last_ends_at = last === null ? null : wallToInstant(addWallMinutes(last, wallMinutesBetween(times.start_wall, times.end_wall)));
  }
  return { ...times, starts_at, ends_at, rule, last_ends_at };
}

/** The stored rule of the form's recurrence; an `until` before the start is refused. */
export function ruleOf(recurrence: Recurrence | null | undefined, startWall: string): string | null {
  if (!recurrence) return null;
  if (recurrence.until && recurrence.until < startWall.slice(0, 10)) throw BadDates();
  return toRule(recurrence);
}

/** A new event's UID: also its UID in every .ics file. */
export const newUid = () => `${randomUUID()}@preau`;

/** The day before a wall time's day (an all-day event's last day from its exclusive end). */
export const dayBefore = (wall: WallTime) => addWallMinutes(wall, -24 * 60).slice(0, 10);

/** One occurrence (or the event itself) as the API answers it. */
export function toOccurrence(row: EventRow, startWall: WallTime, canEdit: boolean, recurrence: Occurrence['recurrence'] = row.rule ? fromRule(row.rule) : null): Occurrence {
  const duration = wallMinutesBetween(row.start_wall, row.end_wall);
  const endWall = addWallMinutes(startWall, duration);
  const recurring = row.rule !== null;
  return {
    id: recurring ? `${row.id}@${startWall}` : String(row.id),
    eventId: row.id,
    calendarId: row.calendar_id,
    title: row.title,
    description: row.description,
    place: row.place,
    allDay: row.all_day,
    start: row.all_day ? startWall.slice(0, 10) : startWall,
    end: row.all_day ? dayBefore(endWall) : endWall,
    startsAt: wallToInstant(startWall).toISOString(),
    endsAt: wallToInstant(endWall).toISOString(),
    recurrence,
    occurrence: recurring ? startWall : row.occurrence_wall,
    seriesId: row.series_id,
    reminderMinutes: row.reminder_minutes,
    canEdit,
  };
}

/**
 * The occurrences of these rows overlapping [from, to): a single event once, a series expanded over the
 * window only (a day of margin on each side for the wall clock, then cut on real instants).
 */
export function expand(rows: readonly EventRow[], from: Date, to: Date, canEdit: (row: EventRow) => boolean): Occurrence[] {
  const fromWall = addWallMinutes(toWall(from), -24 * 60);
  const toWallTime = addWallMinutes(toWall(to), 24 * 60);
  const out: Occurrence[] = [];
  for (const row of rows) {
    const starts = row.rule
      ? occurrencesBetween({ startWall: row.start_wall, durationMinutes: wallMinutesBetween(row.start_wall, row.end_wall), rule: row.rule, exdates: row.exdates }, fromWall, toWallTime, MAX_OCCURRENCES_PER_SERIES)
      : [row.start_wall];
    // Read once per series, not once per occurrence.
    const recurrence = row.rule ? fromRule(row.rule) : null;
    const editable = canEdit(row);
    for (const start of starts) {
      const occurrence = toOccurrence(row, start, editable, recurrence);
      if (Date.parse(occurrence.startsAt) < to.getTime() && Date.parse(occurrence.endsAt) > from.getTime()) out.push(occurrence);
    }
  }
  return out.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.eventId - b.eventId);
}

/** The rows of these calendars that may have an occurrence in [from, to). */
export async function rowsInWindow(db: Knex, calendarIds: readonly number[], from: Date, to: Date): Promise<EventRow[]> {
  if (calendarIds.length === 0) return [];
  return (await db('events as e')
    .whereIn('e.calendar_id', calendarIds)
    .where('e.starts_at', '<', to)
    .whereRaw(`coalesce(e.last_ends_at, 'infinity') > ?`, [from])
    .select(eventColumns(db))) as EventRow[];
}

/** One event row. */
export async function eventRow(db: Knex, id: number): Promise<EventRow | undefined> {
  return (await db('events as e').where('e.id', id).first(eventColumns(db))) as EventRow | undefined;
}
