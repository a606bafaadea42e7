import { Type, type PluginApp, type PluginServices } from '@preau/sdk';
import { calendarFor, calendarRef, PALETTE, readableCalendars, toCalendar } from './calendars.js';
import { CalendarFixed, CalendarNotFound } from './errors.js';
import { Calendar, CalendarChange, CalendarParams, Errors, NewCalendarInput } from './schemas.js';

/**
 * Calendars: those of the user's classes and school (made on first sight, shared by the structure), and
 * personal ones anyone creates and shares through the core's share dialog.
 */
export async function calendarRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, sharing } = services;

  app.get('/calendars', {
    schema: { response: { 200: Type.Array(Calendar), ...Errors } },
  }, async (request) => (await readableCalendars(services, request.currentUser!, request.currentSchools)).map(toCalendar));

  app.post('/calendars', {
    schema: { body: NewCalendarInput, response: { 201: Calendar, ...Errors } },
  }, async (request, reply) => {
    const user = request.currentUser!;
    const { schoolId, name } = request.body;
    if (!request.currentSchools.some((s) => s.id === schoolId)) throw CalendarNotFound();
    const id = await db.transaction(async (transaction) => {
      const count = await transaction('calendars').where({ owner_id: user.id }).count<{ n: string }[]>('* as n');
      const color = request.body.color ?? PALETTE[(Number(count[0]?.n ?? 0) + 3) % PALETTE.length]!;
      const [row] = await transaction('calendars').insert({ school_id: schoolId, kind: 'personal', owner_id: user.id, name: name.trim() || name, color }).returning('id');
      await sharing.register(calendarRef(row.id as number), { owner: user.id, transaction });
      return row.id as number;
    });
    return reply.code(201).send(toCalendar(await calendarFor(services, user, request.currentSchools, id, 'read', 'lire cet agenda')));
  });

  app.patch('/calendars/:calendarId', {
    schema: { params: CalendarParams, body: CalendarChange, response: { 200: Calendar, ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const found = await calendarFor(services, user, request.currentSchools, request.params.calendarId, 'manage', 'modifier cet agenda');
    // A class's and the school's calendars keep their names (the class's label), but their colour may change.
    if (found.calendar.kind !== 'personal' && request.body.name !== undefined) throw CalendarFixed();
    const change = { ...(request.body.name ? { name: request.body.name.trim() || request.body.name } : {}), ...(request.body.color ? { color: request.body.color } : {}) };
    if (Object.keys(change).length) await db('calendars').where({ id: found.calendar.id }).update(change);
    return toCalendar(await calendarFor(services, user, request.currentSchools, found.calendar.id, 'read', 'lire cet agenda'));
  });

  app.delete('/calendars/:calendarId', {
    schema: { params: CalendarParams, response: { 204: Type.Null(), ...Errors } },
  }, async (request, reply) => {
    const found = await calendarFor(services, request.currentUser!, request.currentSchools, request.params.calendarId, 'owner', 'supprimer cet agenda');
    if (found.calendar.kind !== 'personal') throw CalendarFixed();
    await db.transaction(async (transaction) => {
      for (const id of await transaction('events').where({ calendar_id: found.calendar.id }).pluck('id')) {
        await services.insertedFiles.detach({ type: 'event', id: id as number }, { transaction });
      }
      await transaction('calendars').where({ id: found.calendar.id }).delete();
      await sharing.remove(calendarRef(found.calendar.id), { transaction });
    });
    return reply.code(204).send(null);
  });
}
