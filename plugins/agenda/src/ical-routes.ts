import { createHash, randomBytes } from 'node:crypto';
import { Type, type PluginApp, type PluginServices } from '@preau/sdk';
import { calendarFor, readableCalendars } from './calendars.js';
import { FeedNotFound } from './errors.js';
import { eventColumns, type EventRow } from './events.js';
import { meetingRows } from './meeting-occurrences.js';
import { importIcs } from './ics-import.js';
import { writeIcs } from './ics-writer.js';
import { CalendarParams, Errors } from './schemas.js';

/** An .ics file sent for import: at most 2 MB of text (a school year of a busy calendar is far less). */
const MAX_ICS_CHARS = 2_000_000;
/** The feed leaves out what ended more than this long ago: phones poll it often. */
const FEED_PAST_DAYS = 90;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const FeedParams = Type.Object({ feed: Type.String({ pattern: '^[A-Za-z0-9_-]{43}\\.ics$', maxLength: 47 }) });
const ICS_TYPE = 'text/calendar; charset=utf-8';

/** Export and import of .ics files, and the private subscription address of each user. */
export async function icalRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db } = services;

  app.get('/calendars/:calendarId/export', {
    schema: { params: CalendarParams, response: { 200: Type.String(), ...Errors } },
  }, async (request, reply) => {
    const { calendar } = await calendarFor(services, request.currentUser!, request.currentSchools, request.params.calendarId, 'read', 'lire cet agenda');
    const rows = (await db('events as e').where('e.calendar_id', calendar.id).orderBy('e.id').select(eventColumns(db))) as EventRow[];
    const file = `${calendar.name.normalize('NFD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '') || 'agenda'}.ics`;
    return reply.type(ICS_TYPE).header('content-disposition', `attachment; filename="${file}"`).send(writeIcs(rows, { name: calendar.name }));
  });

  app.post('/calendars/:calendarId/import', {
    bodyLimit: MAX_ICS_CHARS * 4 + 1024,
    schema: {
      params: CalendarParams,
      body: Type.Object({ content: Type.String({ minLength: 1, maxLength: MAX_ICS_CHARS }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ created: Type.Integer(), updated: Type.Integer() }), ...Errors },
    },
  }, async (request) => {
    const user = request.currentUser!;
    const { calendar } = await calendarFor(services, user, request.currentSchools, request.params.calendarId, 'manage', 'y importer des événements');
    return importIcs(services, calendar.id, request.body.content, user.id);
  });

  app.get('/feed', {
    schema: { response: { 200: Type.Object({ active: Type.Boolean(), createdAt: Type.Union([Type.String(), Type.Null()]) }), ...Errors } },
  }, async (request) => {
    const row = await db('feed_tokens').where({ user_id: request.currentUser!.id }).first('created_at');
    return { active: Boolean(row), createdAt: row ? (row.created_at as Date).toISOString() : null };
  });

  // The address is shown once: only its hash is kept, so a database leak gives no one's feed.
  app.post('/feed', {
    schema: { response: { 201: Type.Object({ path: Type.String() }), ...Errors } },
  }, async (request, reply) => {
    const token = randomBytes(32).toString('base64url');
    await db('feed_tokens').insert({ user_id: request.currentUser!.id, token_hash: hashToken(token), created_at: services.clock.now() })
      .onConflict('user_id').merge();
    return reply.code(201).send({ path: `/api/agenda/ical/${token}.ics` });
  });

  app.delete('/feed', {
    schema: { response: { 204: Type.Null(), ...Errors } },
  }, async (request, reply) => {
    await db('feed_tokens').where({ user_id: request.currentUser!.id }).delete();
    return reply.code(204).send(null);
  });
}

/**
 * The subscription feed, reached without a session by its secret token: the events of every calendar the
 * token's owner reads today (in the schools where the app is on), with an ETag so that a phone polling it
 * gets a 304 while nothing changed. A revoked token is unknown at once: 404.
 */
export async function feedRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, structure, apps, clock } = services;
  app.get('/ical/:feed', {
    config: { public: true },
    schema: { params: FeedParams, response: { 200: Type.String(), 304: Type.Null(), ...Errors } },
  }, async (request, reply) => {
    const token = request.params.feed.slice(0, -'.ics'.length);
    const row = await db('feed_tokens').where({ token_hash: hashToken(token) }).first('user_id');
    const user = row ? await structure.activeUser(row.user_id as number) : null;
    if (!user) throw FeedNotFound();
    const schools = user.schools.filter((school) => apps.isEnabled(school.id, 'agenda'));
    const calendars = (await readableCalendars(services, user, schools)).map((c) => c.calendar.id);
    const since = new Date(clock.now().getTime() - FEED_PAST_DAYS * 86_400_000);
    const inFeed = () => db('events as e').whereIn('e.calendar_id', calendars).whereRaw(`coalesce(e.last_ends_at, 'infinity') > ?`, [since]);
    const state = (await inFeed().first(db.raw(`count(*) as n, md5(coalesce(string_agg(e.id || '.' || e.sequence, ',' order by e.id), '')) as digest`))) as { n: string; digest: string };
    const meetings = await meetingRows(services, user, calendars, { from: since, to: new Date('9999-12-31') });
    const booked = meetings.map((m) => `${m.uid}@${m.start_wall}`).join(',');
    const etag = `"${createHash('sha256').update(`${calendars.join(',')}|${since.toISOString().slice(0, 10)}|${state.n}|${state.digest}|${booked}`).digest('base64url').slice(0, 27)}"`;
    reply.header('etag', etag).header('cache-control', 'private, no-cache');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send(null);
    const rows = (await inFeed().orderBy('e.id').select(eventColumns(db))) as EventRow[];
    return reply.type(ICS_TYPE).send(writeIcs([...rows, ...meetings], { name: 'Agenda Préau' }));
  });
}
