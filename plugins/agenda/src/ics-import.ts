import type { Knex, PluginServices } from '@preau/sdk';
import { eventColumns, withRule, type EventRow } from './events.js';
import { readIcs, textToHtml, type ImportedEvent } from './ics-reader.js';
import { scheduleReminder } from './reminders.js';
import { insertEvent, type EventData } from './series-edits.js';

/** What an import did. */
export interface ImportResult {
  created: number;
  updated: number;
}

type Services = Pick<PluginServices, 'db' | 'sanitize' | 'jobs' | 'clock' | 'notify' | 'sharing' | 'log'>;

/**
 * Imports an .ics file into a calendar in one transaction: an event whose UID the calendar already has is
 * updated (importing the same file twice repeats nothing), the others added; an override of one occurrence
 * becomes that occurrence changed alone. A file refused half-way writes nothing.
 */
export async function importIcs(services: Services, calendarId: number, text: string, by: number): Promise<ImportResult> {
  const events = readIcs(text);
  const dataOf = (event: ImportedEvent, rule: string | null): EventData => ({
    title: event.title,
    description: services.sanitize.richText(textToHtml(event.description)),
    descriptionText: event.description.slice(0, 2000),
    place: event.place,
    times: withRule({ all_day: event.allDay, start_wall: event.startWall, end_wall: event.endWall }, rule),
    reminderMinutes: null,
  });
  return services.db.transaction(async (trx) => {
    const result: ImportResult = { created: 0, updated: 0 };
    const masters = new Map<string, number>();
    const touched: number[] = [];
    for (const event of events.filter((e) => e.recurrenceWall === null)) {
      const existing = (await trx('events as e').where({ 'e.calendar_id': calendarId, 'e.uid': event.uid }).whereNull('e.series_id').first(eventColumns(trx))) as EventRow | undefined;
      const data = dataOf(event, event.rule);
      if (existing) {
        await update(trx, existing.id, data, event.exdates);
        masters.set(event.uid, existing.id);
        touched.push(existing.id);
        result.updated += 1;
      } else {
        const id = await insertEvent(trx, calendarId, data, by, { uid: event.uid, exdates: event.exdates });
        masters.set(event.uid, id);
        touched.push(id);
        result.created += 1;
      }
    }
    for (const event of events.filter((e) => e.recurrenceWall !== null)) {
      const seriesId = masters.get(event.uid);
      if (seriesId === undefined) continue;
      const at = event.recurrenceWall!;
      const existing = await trx('events').where({ series_id: seriesId }).whereRaw(`occurrence_wall = ?::timestamp`, [at]).first('id');
      const data = dataOf(event, null);
      if (existing) {
        await update(trx, existing.id as number, data, []);
        result.updated += 1;
      } else {
        await insertEvent(trx, calendarId, data, by, { uid: event.uid, seriesId, occurrenceWall: at });
        result.created += 1;
      }
      await trx('events').where({ id: seriesId }).whereRaw(`not (?::timestamp = any(exdates))`, [at])
        .update({ exdates: trx.raw(`array_append(exdates, ?::timestamp)`, [at]) });
    }
    for (const id of touched) await scheduleReminder(services, id, trx);
    return result;
  });
}

async function update(trx: Knex.Transaction, id: number, data: EventData, exdates: readonly string[]): Promise<void> {
  const { times } = data;
  await trx('events').where({ id }).update({
    title: data.title, description: data.description, description_text: data.descriptionText, place: data.place,
    all_day: times.all_day, start_wall: times.start_wall, end_wall: times.end_wall, starts_at: times.starts_at, ends_at: times.ends_at,
    rule: times.rule, last_ends_at: times.last_ends_at, exdates: trx.raw('?::timestamp[]', [[...exdates]]),
    sequence: trx.raw('sequence + 1'), updated_at: trx.fn.now(),
  });
}
