import { decodePageCursor, encodePageCursor, MAX_ID, roleIncludes, Type, type CurrentUser, type PluginApp, type PluginServices, type SchoolRef } from '@preau/sdk';
import { calendarFor, readableCalendars } from './calendars.js';
import { BadWindow, EventNotFound } from './errors.js';
import { eventRow, expand, ruleOf, rowsInWindow, timesOf, toOccurrence, type EventRow } from './events.js';
import { meetingRows } from './meeting-occurrences.js';
import { MAX_SEARCH_RESULTS, searchEvents } from './event-search.js';
import { publicHolidaysBetween } from './public-holidays.js';
import { scheduleReminder } from './reminders.js';
import { changeEvent, deleteEvent, insertEvent, reread, type EventData } from './series-edits.js';
import { DeleteQuery, Errors, EventChange, EventParams, NewEventInput, Occurrence, OccurrencesPage, OccurrencesQuery, type EventFields } from './schemas.js';

const MAX_WINDOW_DAYS = 400;
const HolidayDay = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', maxLength: 10 });

/** Events: listing a window's occurrences, adding, changing and deleting (one occurrence, the following, all). */
export async function eventRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, sanitize } = services;

  /** The event and the user's role on its calendar; not found when they cannot read the calendar. */
  const eventFor = async (user: CurrentUser, schools: readonly SchoolRef[], id: number, needed: 'read' | 'contribute', action: string) => {
    const row = await eventRow(db, id);
    if (!row) throw EventNotFound();
    const { role } = await calendarFor(services, user, schools, row.calendar_id, 'read', 'lire cet agenda').catch(() => {
      throw EventNotFound();
    });
    if (needed !== 'read') await calendarFor(services, user, schools, row.calendar_id, needed, action);
    return { row, role };
  };

  /** The form's fields, sanitized, read into stored times. */
  const dataOf = (input: EventFields): EventData => {
    const description = sanitize.richText(input.description ?? '');
    return {
    title: input.title.trim() || input.title,
    description,
    descriptionText: sanitize.plainText(description, 2000),
    place: (input.place ?? '').trim(),
    times: timesOf(input, ruleOf(input.recurrence, input.start)),
    reminderMinutes: input.reminderMinutes ?? null,
    };
  };

  /** The event as answered after a write (a series: its first occurrence). */
  const answer = (row: EventRow) => toOccurrence(row, row.start_wall, true);

  app.get('/events', {
    schema: { querystring: OccurrencesQuery, response: { 200: OccurrencesPage, ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const from = new Date(request.query.from);
    const to = new Date(request.query.to);
    if (!(to > from) || to.getTime() - from.getTime() > MAX_WINDOW_DAYS * 86_400_000) throw BadWindow();
    const cursor = decodePageCursor(request.query.cursor, { maxId: MAX_ID });
    const wanted = request.query.calendars ? new Set(request.query.calendars.split(',').map(Number)) : null;
    const calendars = (await readableCalendars(services, user, request.currentSchools)).filter((c) => !wanted || wanted.has(c.calendar.id));
    const roles = new Map(calendars.map((c) => [c.calendar.id, c.role]));
    // The events and the booked meetings at once: on PostgreSQL they take two connections of the pool.
    const [rows, meetingList] = await Promise.all([rowsInWindow(db, [...roles.keys()], from, to), meetingRows(services, user, [...roles.keys()], { from, to })]);
    // Every occurrence of the window, then the page after the cursor: (start, event id) is unique, since
    // two occurrences of one series never start at the same instant.
    const meetings = meetingList.map((row) => ({ ...toOccurrence(row, row.start_wall, false), id: row.uid }));
    const all = [...expand(rows, from, to, (row) => roleIncludes(roles.get(row.calendar_id), 'contribute')), ...meetings]
      .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.eventId - b.eventId);
    const after = cursor
      ? all.filter((o) => Date.parse(o.startsAt) > cursor.at.getTime() || (Date.parse(o.startsAt) === cursor.at.getTime() && o.eventId > cursor.id))
      : all;
    const page = after.slice(0, request.query.limit);
    const last = page.at(-1);
    return {
      occurrences: page,
      nextCursor: after.length > page.length && last ? encodePageCursor({ at: new Date(last.startsAt), id: last.eventId }) : null,
    };
  });

  // Only the calendars the user reads are searched: an event of another never shows, even by its words.
  app.get('/search', {
    schema: {
      querystring: Type.Object({ q: Type.String({ minLength: 2, maxLength: 100 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ occurrences: Type.Array(Occurrence, { maxItems: MAX_SEARCH_RESULTS }) }), ...Errors },
    },
  }, async (request) => {
    const calendars = await readableCalendars(services, request.currentUser!, request.currentSchools);
    return { occurrences: await searchEvents(db, new Map(calendars.map((c) => [c.calendar.id, c.role])), request.query.q, services.clock.now()) };
  });

  // French public holidays are computed, not stored: every calendar shows them.
  app.get('/holidays', {
    schema: {
      querystring: Type.Object({ from: HolidayDay, to: HolidayDay }, { additionalProperties: false }),
      response: { 200: Type.Array(Type.Object({ day: Type.String(), name: Type.String() })), ...Errors },
    },
  }, async (request) => {
    const { from, to } = request.query;
    if (to < from || Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 2) throw BadWindow();
    return publicHolidaysBetween(from, to);
  });

  app.get('/events/:eventId', {
    schema: { params: EventParams, response: { 200: Occurrence, ...Errors } },
  }, async (request) => {
    const { row, role } = await eventFor(request.currentUser!, request.currentSchools, request.params.eventId, 'read', 'lire cet événement');
    return toOccurrence(row, row.start_wall, roleIncludes(role, 'contribute'));
  });

  app.post('/events', {
    schema: { body: NewEventInput, response: { 201: Occurrence, ...Errors } },
  }, async (request, reply) => {
    const user = request.currentUser!;
    const { calendar } = await calendarFor(services, user, request.currentSchools, request.body.calendarId, 'contribute', 'y ajouter un événement');
    const data = dataOf(request.body);
    const files = await services.insertedFiles.check(data.description, user);
    const row = await db.transaction(async (trx) => {
      const id = await insertEvent(trx, calendar.id, data, user.id);
      await files.holdIn({ type: 'event', id }, { transaction: trx });
      await scheduleReminder(services, id, trx);
      return reread(trx, id);
    });
    return reply.code(201).send(answer(row));
  });

  app.put('/events/:eventId', {
    schema: { params: EventParams, body: EventChange, response: { 200: Occurrence, ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const { row } = await eventFor(user, request.currentSchools, request.params.eventId, 'contribute', 'modifier ses événements');
    const data = dataOf(request.body);
    const files = await services.insertedFiles.check(data.description, user);
    const changed = await db.transaction(async (trx) => {
      const id = await changeEvent(trx, row, data, request.body.scope ?? 'all', request.body.occurrence, user.id);
      await files.holdIn({ type: 'event', id }, { transaction: trx });
      await scheduleReminder(services, id, trx);
      if (id !== row.id) await scheduleReminder(services, row.id, trx);
      return reread(trx, id);
    });
    return answer(changed);
  });

  app.delete('/events/:eventId', {
    schema: { params: EventParams, querystring: DeleteQuery, response: { 204: Type.Null(), ...Errors } },
  }, async (request, reply) => {
    const { row } = await eventFor(request.currentUser!, request.currentSchools, request.params.eventId, 'contribute', 'supprimer ses événements');
    await db.transaction(async (trx) => {
      const before: number[] = await trx('events').where({ id: row.id }).orWhere({ series_id: row.id }).pluck('id');
      await deleteEvent(trx, row, request.query.scope ?? 'all', request.query.occurrence);
      await scheduleReminder(services, row.id, trx);
      // The files of the rows that went (the event, or occurrences changed alone) are let go with them.
      const left = new Set<number>(await trx('events').whereIn('id', before).pluck('id'));
      for (const id of before.filter((id) => !left.has(id))) await services.insertedFiles.detach({ type: 'event', id }, { transaction: trx });
    });
    return reply.code(204).send(null);
  });
}
