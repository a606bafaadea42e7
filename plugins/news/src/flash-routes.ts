import { Type, type CurrentUser, type PluginApp, type PluginServices, type SchoolRef } from '@preau/sdk';
import { isSchoolAdmin } from './access.js';
import { BadDates, CannotWriteFlash, ClassNotAllowed, FlashNotFound } from './errors.js';
import { flashFor, flashQuery, readCount, startFlash, targetedUsers, toFlash, type FlashRow } from './flash-messages.js';
import { AuthoredFlash, Errors, Flash, FlashInput, IdParams } from './schemas.js';

// Authors see their messages until a month after they ended.
const AUTHORED_DAYS = 30;

/** The director's flash messages: shown on top of the home page of those targeted, until they read them. */
export async function flashRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, clock, sanitize, jobs } = services;

  /** The schools among the user's where they may write flash messages: theirs as director or administrator. */
  const writableSchools = (user: CurrentUser, schools: readonly SchoolRef[]) => schools.filter((s) => isSchoolAdmin(user, s.id)).map((s) => s.id);

  jobs.define('flash-start', async (payload) => {
    await startFlash(services, Number(payload.flashId));
  });

  app.get('/flash', {
    schema: { response: { 200: Type.Array(Flash), ...Errors } },
  }, async (request) => {
    const rows = await flashFor(services, request.currentUser!, request.currentSchools.map((s) => s.id), clock.now());
    return rows.map(toFlash);
  });

  // "J'ai lu": the message leaves this user's home page for good.
  app.post('/flash/:id/read', {
    schema: { params: IdParams, response: { 204: Type.Null(), ...Errors } },
  }, async (request, reply) => {
    const user = request.currentUser!;
    const shown = await flashFor(services, user, request.currentSchools.map((s) => s.id), clock.now());
    if (!shown.some((row) => row.id === request.params.id)) throw FlashNotFound();
    await db('flash_reads').insert({ flash_id: request.params.id, user_id: user.id, read_at: clock.now() }).onConflict(['flash_id', 'user_id']).ignore();
    reply.code(204);
    return null;
  });

  app.post('/flash', {
    schema: { body: FlashInput, response: { 201: AuthoredFlash, ...Errors } },
  }, async (request, reply) => {
    const user = request.currentUser!;
    const input = request.body;
    const allowed = writableSchools(user, request.currentSchools);
    if (input.schoolIds.some((id) => !allowed.includes(id))) throw CannotWriteFlash();
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (endsAt <= startsAt || endsAt <= clock.now()) throw BadDates();
    const classIds = input.classIds ?? [];
    const classes = await services.structure.classes(classIds);
    for (const id of classIds) {
      if (!classes.some((c) => c.id === id && input.schoolIds.includes(c.schoolId))) throw ClassNotAllowed(id);
    }
    const row = await db.transaction(async (trx) => {
      const [inserted] = (await trx('flash_messages').insert({
        school_ids: input.schoolIds, title: input.title.trim(), body: sanitize.richText(input.body), colour: input.colour,
        signature: input.signature.trim(), profiles: input.profiles, class_ids: classIds, starts_at: startsAt, ends_at: endsAt,
        notify: input.notify ?? false, author_id: user.id, created_at: clock.now(),
      }).returning('id')) as { id: number }[];
      if (startsAt > clock.now()) await jobs.schedule('flash-start', startsAt, { flashId: inserted!.id }, { key: `flash:${inserted!.id}`, transaction: trx });
      return inserted!;
    });
    if (startsAt <= clock.now()) await startFlash(services, row.id);
    reply.code(201);
    return authored((await flashQuery(db).where({ id: row.id }).first()) as FlashRow);
  });

  /** The message with how many of those it targets have read it. */
  const authored = async (row: FlashRow) => {
    const targeted = await targetedUsers(services.structure, row);
    return {
      ...toFlash(row), schoolIds: row.school_ids, profiles: row.profiles, classIds: row.class_ids, notify: row.notify,
      read: await readCount(db, row.id, targeted), targeted: targeted.length,
    };
  };

  // The flash messages of the schools I write them for, current and recent, with their read counts.
  app.get('/flash/authored', {
    schema: { response: { 200: Type.Array(AuthoredFlash), ...Errors } },
  }, async (request) => {
    const schools = writableSchools(request.currentUser!, request.currentSchools);
    if (schools.length === 0) return [];
    const since = new Date(clock.now().getTime() - AUTHORED_DAYS * 86_400_000);
    const rows = (await flashQuery(db).whereRaw('school_ids && ?::int[]', [schools]).where('ends_at', '>', since)
      .orderBy('starts_at', 'desc').limit(50)) as FlashRow[];
    // A message for several schools is listed only to those who write for all of them.
    const mine = rows.filter((row) => row.school_ids.every((id) => schools.includes(id)));
    const result = [];
    for (const row of mine) result.push(await authored(row));
    return result;
  });

  // Withdrawing a message (a mistake, or the strike was called off).
  app.delete('/flash/:id', {
    schema: { params: IdParams, response: { 204: Type.Null(), ...Errors } },
  }, async (request, reply) => {
    const schools = writableSchools(request.currentUser!, request.currentSchools);
    const row = (await flashQuery(db).where({ id: request.params.id }).first()) as FlashRow | undefined;
    if (!row || !row.school_ids.every((id) => schools.includes(id))) throw FlashNotFound();
    await db.transaction(async (trx) => {
      await jobs.cancel(`flash:${row.id}`, { transaction: trx });
      await trx('flash_messages').where({ id: row.id }).delete();
    });
    reply.code(204);
    return null;
  });
}
