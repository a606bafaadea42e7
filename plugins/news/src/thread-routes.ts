import { Type, type PluginApp, type PluginServices, Id } from '@preau/sdk';
import { isSchoolAdmin, requireSchool, schoolsWhereCreatingThreads, threadRef, threadSharing } from './access.js';
import { CannotCreateThreads } from './errors.js';
import { Errors, IdParams, NewThreadInput, Thread, ThreadInput } from './schemas.js';
import { checkGroups, replaceGroupShares, threadFor, threadsOf, toThread } from './threads.js';
import { releaseAttachments } from './attachments.js';


/**
 * Info threads: listing mine, creating (administrators, and teachers given the right), changing and deleting.
 * Who may do what in a thread is the core's sharing (the share dialog); `shares` here are its grants to groups.
 */
export async function threadRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, clock } = services;
  const sharing = threadSharing(services);

  app.get('/threads', {
    schema: { response: { 200: Type.Array(Thread), ...Errors } },
  }, async (request) => {
    const mine = await threadsOf(services, request.currentUser!, request.currentSchools);
    return Promise.all(mine.map(({ thread, role }) => toThread(services, thread, role)));
  });

  app.get('/threads/:id', {
    schema: { params: IdParams, response: { 200: Thread, ...Errors } },
  }, async (request) => {
    const { thread, role } = await threadFor(services, request.currentUser!, request.currentSchools, request.params.id, 'read', 'lire ce fil');
    return toThread(services, thread, role);
  });

  app.post('/threads', {
    schema: { body: NewThreadInput, response: { 201: Thread, ...Errors } },
  }, async (request, reply) => {
    const user = request.currentUser!;
    const { schoolId, title, commentsEnabled, shares = [] } = request.body;
    requireSchool(request.currentSchools, schoolId);
    if (!schoolsWhereCreatingThreads(services, user, request.currentSchools).includes(schoolId)) throw CannotCreateThreads();
    await checkGroups(services, user.id, schoolId, shares.map((s) => s.groupId));
    const thread = await db.transaction(async (trx) => {
      const [row] = await trx('threads')
        .insert({ school_id: schoolId, title, comments_enabled: commentsEnabled, created_by: user.id, created_at: clock.now() })
        .returning(['id', 'school_id', 'created_by', 'title', 'comments_enabled']);
      // Its creator owns it; the school's administrators manage it (the type's implicit managers).
      await sharing.register(threadRef(row.id), { owner: user.id, school: schoolId, transaction: trx });
      await replaceGroupShares(services, trx, row.id, shares);
      return row;
    });
    reply.code(201);
    return toThread(services, thread, 'manage');
  });

  app.put('/threads/:id', {
    schema: { params: IdParams, body: ThreadInput, response: { 200: Thread, ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const { thread } = await threadFor(services, user, request.currentSchools, request.params.id, 'manage', 'gérer ce fil');
    const { title, commentsEnabled, shares } = request.body;
    if (shares) await checkGroups(services, user.id, thread.school_id, shares.map((s) => s.groupId));
    const updated = await db.transaction(async (trx) => {
      const [row] = await trx('threads').where({ id: thread.id }).update({ title, comments_enabled: commentsEnabled })
        .returning(['id', 'school_id', 'created_by', 'title', 'comments_enabled']);
      // Without `shares` (the app's form since the share dialog), the sharing stays as it is.
      if (shares) await replaceGroupShares(services, trx, thread.id, shares);
      return row;
    });
    return toThread(services, updated, 'manage');
  });

  app.delete('/threads/:id', {
    schema: { params: IdParams, response: { 204: Type.Null(), ...Errors } },
  }, async (request, reply) => {
    const { thread } = await threadFor(services, request.currentUser!, request.currentSchools, request.params.id, 'manage', 'supprimer ce fil');
    await db.transaction(async (trx) => {
      // Its items go with it (cascade): their files are let go first, as when an item is trashed.
      await releaseAttachments(services, trx, await trx('items').where({ thread_id: thread.id }).pluck('id'));
      await trx('threads').where({ id: thread.id }).delete();
      await sharing.remove(threadRef(thread.id), { transaction: trx });
    });
    reply.code(204);
    return null;
  });

  // What the app page offers this user: where they may create threads, write flash messages, change settings.
  app.get('/capabilities', {
    schema: {
      response: {
        200: Type.Object({ createThreads: Type.Array(Type.Integer()), writeFlash: Type.Array(Type.Integer()), administer: Type.Array(Type.Integer()) }),
        ...Errors,
      },
    },
  }, async (request) => {
    const user = request.currentUser!;
    const schools = request.currentSchools;
    const administer = schools.filter((s) => isSchoolAdmin(user, s.id)).map((s) => s.id);
    return { createThreads: schoolsWhereCreatingThreads(services, user, schools), writeFlash: administer, administer };
  });

  // The groups of a school a thread may be shared with (those the user may address).
  app.get('/schools/:schoolId/groups', {
    schema: {
      params: Type.Object({ schoolId: Id() }),
      response: { 200: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), kind: Type.String(), members: Type.Integer() })), ...Errors },
    },
  }, async (request) => {
    requireSchool(request.currentSchools, request.params.schoolId);
    const { groups } = await services.communication.visibleRecipients(request.currentUser!.id, { schoolId: request.params.schoolId, limit: 100 });
    return groups.filter((g) => g.schoolId === request.params.schoolId).map(({ id, name, kind, members }) => ({ id, name, kind, members }));
  });
}
