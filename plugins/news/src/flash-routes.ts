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

  // One message for someone it was for, read or not, ended or not: where its notification leads.
  app.get('/flash/:id', {
    schema: { params: IdParams, response: { 200: Type.Composite([Flash, Type.Object({ read: Type.Boolean() })]), ...Errors } },
  }, async (request) => {
    const [row] = await flashFor(services, request.currentUser!, request.currentSchools.map((s) => s.id), clock.now(), request.params.id);
    if (!row) throw FlashNotFound();
    return { ...toFlash(row), read: row.read };
  });

  // "J'ai lu": the message leaves this user's home page for good, and its notification is read with it.
  app.post('/flash/:id/read', {
    schema: { params: IdParams, response: { 204: Type.Null(), ...Errors } },
  }, async (request, reply) => {
    const user = request.currentUser!;
    const shown = await flashFor(services, user, request.currentSchools.map((s) => s.id), clock.now());
    if (!shown.some((row) => row.id === request.params.id)) throw FlashNotFound();
    await db('flash_reads').insert({ flash_id: request.params.id, user_id: user.id, read_at: clock.now() }).onConflict(['flash_id', 'user_id']).ignore();
    await services.notify.markRead({ users: [user.id], resource: { app: 'news', id: `flash-${request.params.id}` } });
    reply.code(204);
    return null;
  });

  /** The columns of a message as written or rewritten, checked: the author's schools, a window still to come, classes of those schools. */
  const columnsOf = async (user: CurrentUser, schools: readonly SchoolRef[], input: FlashInput) => {
    const allowed = writableSchools(user, schools);
    if (input.schoolIds.some((id) => !allowed.includes(id))) throw CannotWriteFlash();
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (endsAt <= startsAt || endsAt <= clock.now()) throw BadDates();
    const classIds = input.classIds ?? [];
    const classes = await services.structure.classes(classIds);
    for (const id of classIds) {
      if (!classes.some((c) => c.id === id && input.schoolIds.includes(c.schoolId))) throw ClassNotAllowed(id);
    }
    return {
      school_ids: input.schoolIds, title: input.title.trim(), body: sanitize.richText(input.body), colour: input.colour,
      signature: input.signature.trim(), profiles: input.profiles, class_ids: classIds, starts_at: startsAt, ends_at: endsAt,
      notify: input.notify ?? false,
    };
  };

  app.post('/flash', {
    schema: { body: FlashInput, response: { 201: AuthoredFlash, ...Errors } },
  }, async (request, reply) => {
    const user = request.currentUser!;
    const columns = await columnsOf(user, request.currentSchools, request.body);
    const files = await services.insertedFiles.check(columns.body, user);
    const row = await db.transaction(async (trx) => {
      const [inserted] = (await trx('flash_messages').insert({ ...columns, author_id: user.id, created_at: clock.now() }).returning('id')) as { id: number }[];
      await files.holdIn({ type: 'flash', id: inserted!.id }, { transaction: trx });
      if (columns.starts_at > clock.now()) await jobs.schedule('flash-start', columns.starts_at, { flashId: inserted!.id }, { key: `flash:${inserted!.id}`, transaction: trx });
      return inserted!;
    });
    if (columns.starts_at <= clock.now()) await startFlash(services, row.id);
    reply.code(201);
    return authored((await flashQuery(db).where({ id: row.id }).first()) as FlashRow);
  });

  // Correcting a message (a wrong day, a typo) keeps who already read it; a new window is planned again.
  app.put('/flash/:id', {
    schema: { params: IdParams, body: FlashInput, response: { 200: AuthoredFlash, ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const before = (await flashQuery(db).where({ id: request.params.id }).first()) as FlashRow | undefined;
    const schools = writableSchools(user, request.currentSchools);
    if (!before || !before.school_ids.every((id) => schools.includes(id))) throw FlashNotFound();
    const columns = await columnsOf(user, request.currentSchools, request.body);
    const future = columns.starts_at > clock.now();
    const files = await services.insertedFiles.check(columns.body, user);
    await db.transaction(async (trx) => {
      // Moved to later, it is announced again when its new window opens.
      await trx('flash_messages').where({ id: before.id }).update({ ...columns, ...(future ? { started_at: null } : {}) });
      await files.holdIn({ type: 'flash', id: before.id }, { transaction: trx });
      await jobs.cancel(`flash:${before.id}`, { transaction: trx });
      if (future) await jobs.schedule('flash-start', columns.starts_at, { flashId: before.id }, { key: `flash:${before.id}`, transaction: trx });
    });
    const row = (await flashQuery(db).where({ id: before.id }).first()) as FlashRow;
    // Already shown: the open home pages read it again, without a second announcement.
    if (!future && !(await startFlash(services, row.id))) {
      await services.notify.signal({ app: 'news', name: 'flash-started', users: await targetedUsers(services.structure, row), data: { flashId: row.id } });
    }
    return authored(row);
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
      await services.insertedFiles.detach({ type: 'flash', id: row.id }, { transaction: trx });
      await trx('flash_messages').where({ id: row.id }).delete();
    });
    reply.code(204);
    return null;
  });
}
