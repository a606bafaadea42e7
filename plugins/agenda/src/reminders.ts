import type { Knex, PluginServices } from '@preau/sdk';
import { calendarRef } from './calendars.js';
import { eventRow, type EventRow } from './events.js';
import { addWallMinutes, toWall, wallMinutesBetween, wallToInstant, type WallTime } from './paris-time.js';
import { occurrencesBetween } from './recurrence.js';

type Services = Pick<PluginServices, 'db' | 'jobs' | 'clock' | 'notify' | 'sharing' | 'log'>;

const KIND = 'reminder';
const NEXT = 'reminder-next';
const keyOf = (eventId: number) => `reminder:${eventId}`;

/** The next occurrence whose reminder is still to come (its start, Paris wall time), or null. */
function nextReminded(row: EventRow, now: Date): WallTime | null {
  if (row.reminder_minutes === null) return null;
  const earliest = addWallMinutes(toWall(now), row.reminder_minutes);
  if (!row.rule) return row.start_wall > earliest ? row.start_wall : null;
  const series = { startWall: row.start_wall, durationMinutes: 1, rule: row.rule, exdates: row.exdates };
  return occurrencesBetween(series, addWallMinutes(earliest, 1), addWallMinutes(earliest, 400 * 24 * 60), 1)[0] ?? null;
}

/**
 * Plans the event's next reminder as a job (claimed by one of the N processes at its time), or cancels it when
 * the event is gone or has none. Called in the transaction of every write of an event: both are kept or neither.
 */
export async function scheduleReminder(services: Services, eventId: number, transaction: Knex.Transaction): Promise<void> {
  const row = await eventRow(transaction, eventId);
  const next = row ? nextReminded(row, services.clock.now()) : null;
  if (!row || !next) {
    await services.jobs.cancel(keyOf(eventId), { transaction });
    return;
  }
  const runAt = new Date(wallToInstant(next).getTime() - row.reminder_minutes! * 60_000);
  await services.jobs.schedule(KIND, runAt, { eventId, occurrence: next }, { key: keyOf(eventId), transaction });
}

/** Who reads the calendar: its owner, and the people and groups it is shared with (their members of today). */
async function readersOf(services: Services, calendarId: number): Promise<{ users: number[]; groups: number[] }> {
  const { owner, grants } = await services.sharing.listGrants(calendarRef(calendarId));
  const live = grants.filter((grant) => !grant.lapsed);
  return {
    users: [...new Set([...(owner ? [owner.id] : []), ...live.flatMap((g) => (g.grantee.kind === 'user' ? [g.grantee.id] : []))])],
    groups: live.flatMap((g) => (g.grantee.kind === 'group' ? [g.grantee.id] : [])),
  };
}

const WHEN = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
const DAY = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long' });

/** Registers the reminder job: it tells the calendar's readers, then plans the series' next reminder. */
export function defineReminderJobs(services: Services): void {
  services.jobs.define(KIND, async (payload) => {
    const eventId = Number(payload.eventId);
    const occurrence = String(payload.occurrence);
    const row = await eventRow(services.db, eventId);
    // The event changed since: the write that changed it planned its own reminder.
    if (!row || row.reminder_minutes === null || row.exdates.includes(occurrence)) return;
    const start = wallToInstant(occurrence);
    const recipients = await readersOf(services, row.calendar_id);
    if (recipients.users.length || recipients.groups.length) {
      await services.notify.send({
        type: 'reminder',
        recipients,
        actor: null,
        resource: { app: 'agenda', id: `${row.id}@${occurrence}`, url: `/apps/agenda?date=${occurrence.slice(0, 10)}` },
        params: { title: row.title, when: (row.all_day ? DAY : WHEN).format(start), place: row.place || '—', duration: wallMinutesBetween(row.start_wall, row.end_wall) },
      });
    }
    // The series' next reminder: planned by a job of its own, since this job's row (same key) is deleted once
    // this handler returns and would take a reminder planned here with it.
    if (row.rule) await services.jobs.schedule(NEXT, services.clock.now(), { eventId }, { key: `reminder-next:${eventId}` });
  });
  services.jobs.define(NEXT, async (payload) => {
    await services.db.transaction((trx) => scheduleReminder(services, Number(payload.eventId), trx));
  });
}
