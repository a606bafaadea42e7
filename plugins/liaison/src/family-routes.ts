import { Type, type CurrentUser, type PluginApp, type PluginServices, type SchoolRef, Id, decodePageCursor, encodePageCursor, MAX_ID } from '@preau/sdk';
import { childrenInSchools } from './access.js';
import { FamilyOnly, NotebookPaused, RepliesClosed, WordNotFound } from './errors.js';
import { Errors, FamilyWord, FamilyPageQuery, Reply, ReplyInput, WordParams, WordPupilParams } from './schemas.js';
import { familyPupils, loadFamilyWord, loadFollowedWord, parisDay } from './word-access.js';
import { familyWords, unreadCounts } from './family-views.js';
import { acknowledge, answer, markRead } from './family-actions.js';
import { addReply, editReply, listReplies } from './replies.js';
import { pausesOf } from './pauses.js';
import { attachmentsOf } from './attachments.js';

const Person = Type.Object({ id: Type.Union([Type.Integer(), Type.Null()]), displayName: Type.String() });
const FamilyPage = Type.Object({ words: Type.Array(FamilyWord), next: Type.Union([Type.String(), Type.Null()]) });

/** What families (and pupils) do: read their child's notebook, acknowledge, answer, reply. */
export async function familyRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, clock, rights } = services;
  const schoolIds = (schools: readonly SchoolRef[]) => schools.map((s) => s.id);

  const page = async (user: CurrentUser, schools: readonly SchoolRef[], pupilIds: number[], query: { before?: string; limit: number }) => {
    const words = await familyWords(services, {
      user, pupilIds, schools: schoolIds(schools), before: decodePageCursor(query.before, { maxId: MAX_ID }), limit: query.limit, today: parisDay(clock.now()),
    });
    const last = words.at(-1);
    return { words, next: words.length === query.limit && last ? encodePageCursor({ at: new Date(last.sentAt), id: last.id }) : null };
  };

  app.get('/children', {
    schema: { response: { 200: Type.Array(Type.Object({ id: Type.Integer(), displayName: Type.String(), unread: Type.Integer() })), ...Errors } },
  }, async (request) => {
    const children = await childrenInSchools(request.currentUser!, request.currentSchools, services.structure);
    const unread = await unreadCounts(services, request.currentUser!.id, [...children.keys()], schoolIds(request.currentSchools));
    return [...children].map(([id, child]) => ({ id, displayName: child.displayName, unread: unread.get(id) ?? 0 }));
  });

  app.get('/children/:pupilId/words', {
    schema: { params: Type.Object({ pupilId: Id() }), querystring: FamilyPageQuery, response: { 200: FamilyPage, ...Errors } },
  }, async (request) => {
    const pupils = await familyPupils(services, request.currentUser!, request.currentSchools);
    if (!pupils.includes(request.params.pupilId)) throw FamilyOnly();
    return page(request.currentUser!, request.currentSchools, [request.params.pupilId], request.query);
  });

  app.get('/words/:wordId/family', {
    schema: { params: WordParams, response: { 200: Type.Array(FamilyWord), ...Errors } },
  }, async (request) => {
    const pupils = await familyPupils(services, request.currentUser!, request.currentSchools);
    const words = await familyWords(services, {
      user: request.currentUser!, pupilIds: pupils, schools: schoolIds(request.currentSchools), wordId: request.params.wordId, limit: 50, today: parisDay(clock.now()),
    });
    if (words.length === 0) throw WordNotFound();
    return words;
  });

  app.post('/words/:wordId/pupils/:pupilId/read', {
    schema: { params: WordPupilParams, response: { 204: Type.Null(), ...Errors } },
  }, async (request, reply) => {
    const word = await loadFamilyWord(services, request.currentUser!, request.currentSchools, request.params.wordId, request.params.pupilId);
    await markRead(services, request.currentUser!, word, request.params.pupilId);
    return reply.code(204).send(null);
  });

  // Acknowledging and replying are the family's: a pupil may only when the school gave pupils the right.
  const mayAct = (user: CurrentUser, right: 'acknowledge' | 'reply', schoolId: number) => {
    if (!rights.can(user, 'liaison', right, [schoolId])) throw FamilyOnly();
  };

  app.post('/words/:wordId/pupils/:pupilId/acknowledgement', {
    schema: { params: WordPupilParams, response: { 200: Type.Object({ by: Person, at: Type.String() }), 201: Type.Object({ by: Person, at: Type.String() }), ...Errors } },
  }, async (request, reply) => {
    const word = await loadFamilyWord(services, request.currentUser!, request.currentSchools, request.params.wordId, request.params.pupilId);
    mayAct(request.currentUser!, 'acknowledge', word.school_id);
    const { added, ...acknowledgement } = await acknowledge(services, request.currentUser!, word, request.params.pupilId);
    return reply.code(added ? 201 : 200).send(acknowledgement);
  });

  app.put('/words/:wordId/pupils/:pupilId/answer', {
    schema: {
      params: WordPupilParams,
      body: Type.Object({ choice: Type.Integer({ minimum: 0, maximum: 11 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ choice: Type.Integer(), by: Person, at: Type.String() }), ...Errors },
    },
  }, async (request) => {
    const word = await loadFamilyWord(services, request.currentUser!, request.currentSchools, request.params.wordId, request.params.pupilId);
    mayAct(request.currentUser!, 'acknowledge', word.school_id);
    return answer(services, request.currentUser!, word, request.params.pupilId, request.body.choice);
  });

  /** Staff who follow the word, or the child's family: who may read and write the conversation about a child. */
  const conversationAccess = async (user: CurrentUser, schools: readonly SchoolRef[], wordId: number, pupilId: number) => {
    if (user.profile === 'Teacher' || user.profile === 'Personnel') {
      const word = await loadFollowedWord(services, user, schools, wordId);
      const delivered = await db('deliveries').where({ word_id: wordId, pupil_id: pupilId }).first('class_id');
      if (!delivered) throw WordNotFound();
      return { word, staff: true, classId: delivered.class_id as number };
    }
    const word = await loadFamilyWord(services, user, schools, wordId, pupilId);
    const delivered = await db('deliveries').where({ word_id: wordId, pupil_id: pupilId }).first('class_id');
    return { word, staff: false, classId: delivered.class_id as number };
  };

  app.get('/words/:wordId/pupils/:pupilId/replies', {
    schema: { params: WordPupilParams, response: { 200: Type.Array(Reply), ...Errors } },
  }, async (request) => {
    await conversationAccess(request.currentUser!, request.currentSchools, request.params.wordId, request.params.pupilId);
    return listReplies(services, request.currentUser!.id, request.params.wordId, [request.params.pupilId]);
  });

  app.post('/words/:wordId/pupils/:pupilId/replies', {
    schema: { params: WordPupilParams, body: ReplyInput, response: { 201: Reply, ...Errors } },
  }, async (request, reply) => {
    const { word, staff, classId } = await conversationAccess(request.currentUser!, request.currentSchools, request.params.wordId, request.params.pupilId);
    if (!staff) {
      mayAct(request.currentUser!, 'reply', word.school_id);
      if (!word.replies_allowed) throw RepliesClosed();
      const pause = (await pausesOf(db, [classId], parisDay(clock.now()))).get(classId);
      if (pause) throw Object.assign(NotebookPaused(pause.until), { details: pause });
    }
    return reply.code(201).send(await addReply(services, request.currentUser!, word, request.params.pupilId, request.body.body, staff));
  });

  app.patch('/replies/:replyId', {
    schema: { params: Type.Object({ replyId: Id() }), body: ReplyInput, response: { 200: Reply, ...Errors } },
  }, async (request) => {
    const edited = await editReply(services, request.currentUser!, request.params.replyId, request.body.body);
    if (!edited) throw WordNotFound();
    return edited.reply;
  });

  // A word's file, for those who may read the word: its followers, and the families of the pupils it reached.
  app.get('/words/:wordId/attachments/:blobId', {
    schema: {
      params: Type.Object({ wordId: Id(), blobId: Type.String({ minLength: 1, maxLength: 64 }) }),
      querystring: Type.Object({ inline: Type.Boolean({ default: false }) }),
      response: { ...Errors },
    },
  }, async (request, reply) => {
    const user = request.currentUser!;
    const { wordId, blobId } = request.params;
    if (user.profile === 'Teacher' || user.profile === 'Personnel') await loadFollowedWord(services, user, request.currentSchools, wordId);
    else {
      const pupils = await familyPupils(services, user, request.currentSchools);
      const reached = pupils.length ? await db('deliveries').where({ word_id: wordId }).whereIn('pupil_id', pupils).first('pupil_id') : undefined;
      if (!reached) throw WordNotFound();
    }
    const attachment = (await attachmentsOf(services, [wordId])).get(wordId)!.find((file) => file.id === blobId);
    if (!attachment) throw WordNotFound();
    return services.storage.send(reply, blobId, { name: attachment.name, inline: request.query.inline });
  });

  app.get('/me/words', {
    schema: { querystring: FamilyPageQuery, response: { 200: FamilyPage, ...Errors } },
  }, async (request) => {
    if (request.currentUser!.profile !== 'Student') return { words: [], next: null };
    return page(request.currentUser!, request.currentSchools, [request.currentUser!.id], request.query);
  });
}
