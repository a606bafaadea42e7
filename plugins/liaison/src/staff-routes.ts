import { administersSchool, Type, type PluginApp, type PluginServices } from '@preau/sdk';
import { editsWord, manageableClasses } from './access.js';
import { NotSentYet, NotTheAuthor, AudienceNotAllowed } from './errors.js';
import { AttachmentSchema, ClassInfo, ClassParams, CopyInput, Errors, StaffPage, PauseInput, StaffWord, Tracking, WordInput, WordParams } from './schemas.js';
import { createWord, deleteWord, updateWord } from './words.js';
import { staffWordIds, staffWords, tracking } from './staff-views.js';
import { sendReminder } from './reminders.js';
import { pauseClass, pausesOf, resumeClass } from './pauses.js';
import { loadFollowedWord, parisDay } from './word-access.js';
import { slipsPdf } from './slips-pdf.js';
import { attachmentsOf } from './attachments.js';

/** What teachers, staff and the direction do: write words, follow them, remind, print, pause a class. */
export async function staffRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, clock, structure } = services;

  app.get('/classes', {
    config: { right: 'post' },
    schema: { response: { 200: Type.Array(ClassInfo), ...Errors } },
  }, async (request) => {
    const classes = await manageableClasses(request.currentUser!, request.currentSchools, structure);
    const pupils = await structure.pupilsOf(classes.map((c) => c.id));
    const pauses = await pausesOf(db, classes.map((c) => c.id), parisDay(clock.now()));
    return classes.map((c) => ({
      id: c.id, schoolId: c.schoolId, label: c.label,
      pupils: pupils.filter((p) => p.classId === c.id).map((p) => ({ id: p.id, displayName: p.displayName })),
      pause: pauses.get(c.id) ?? null,
    }));
  });

  const manageableClass = async (request: { currentUser: Parameters<typeof manageableClasses>[0] | null; currentSchools: Parameters<typeof manageableClasses>[1] }, classId: number) => {
    const classes = await manageableClasses(request.currentUser!, request.currentSchools, structure);
    if (!classes.some((c) => c.id === classId)) throw AudienceNotAllowed(`classe ${classId}`);
  };

  app.put('/classes/:classId/pause', {
    config: { right: 'post' },
    schema: { params: ClassParams, body: PauseInput, response: { 204: Type.Null(), ...Errors } },
  }, async (request, reply) => {
    await manageableClass(request, request.params.classId);
    await pauseClass(db, request.params.classId, { until: request.body.until ?? null, reason: request.body.reason?.trim() || null }, request.currentUser!.id, clock.now());
    return reply.code(204).send(null);
  });

  app.delete('/classes/:classId/pause', {
    config: { right: 'post' },
    schema: { params: ClassParams, response: { 204: Type.Null(), ...Errors } },
  }, async (request, reply) => {
    await manageableClass(request, request.params.classId);
    await resumeClass(db, request.params.classId);
    return reply.code(204).send(null);
  });

  const editable = (user: Parameters<typeof editsWord>[0]) => (row: { school_id: number; author_id: number | null }) => editsWord(user, { id: 0, sent_at: null, ...row });

  app.post('/words', {
    config: { right: 'post' },
    schema: { body: WordInput, response: { 201: StaffWord, ...Errors } },
  }, async (request, reply) => {
    const id = await createWord(services, request.currentUser!, request.currentSchools, request.body);
    const [word] = await staffWords(services, [id], editable(request.currentUser!));
    return reply.code(201).send(word!);
  });

  app.get('/words', {
    schema: { querystring: StaffPage, response: { 200: Type.Array(StaffWord), ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    if (user.profile !== 'Teacher' && user.profile !== 'Personnel') return [];
    const schools = request.currentSchools.map((s) => s.id);
    const classes = await structure.classesOf(user.id);
    const ids = await staffWordIds(services, {
      userId: user.id, classIds: classes.map((c) => c.id), headedSchools: schools.filter((id) => administersSchool(user, id)), schools,
      before: request.query.before, limit: request.query.limit,
    });
    return staffWords(services, ids, editable(user));
  });

  app.get('/words/:wordId', {
    schema: { params: WordParams, response: { 200: StaffWord, ...Errors } },
  }, async (request) => {
    const word = await loadFollowedWord(services, request.currentUser!, request.currentSchools, request.params.wordId);
    const [found] = await staffWords(services, [word.id], editable(request.currentUser!));
    return found!;
  });

  app.put('/words/:wordId', {
    config: { right: 'post' },
    schema: { params: WordParams, body: WordInput, response: { 200: StaffWord, ...Errors } },
  }, async (request) => {
    const word = await loadFollowedWord(services, request.currentUser!, request.currentSchools, request.params.wordId);
    if (!editsWord(request.currentUser!, word)) throw NotTheAuthor();
    await updateWord(services, request.currentUser!, request.currentSchools, word, request.body);
    const [found] = await staffWords(services, [word.id], editable(request.currentUser!));
    return found!;
  });

  app.delete('/words/:wordId', {
    config: { right: 'post' },
    schema: { params: WordParams, response: { 204: Type.Null(), ...Errors } },
  }, async (request, reply) => {
    const word = await loadFollowedWord(services, request.currentUser!, request.currentSchools, request.params.wordId);
    if (!editsWord(request.currentUser!, word)) throw NotTheAuthor();
    await deleteWord(services, word.id);
    return reply.code(204).send(null);
  });

  app.post('/words/:wordId/copy', {
    config: { right: 'post' },
    schema: { params: WordParams, body: CopyInput, response: { 201: StaffWord, ...Errors } },
  }, async (request, reply) => {
    const word = await loadFollowedWord(services, request.currentUser!, request.currentSchools, request.params.wordId);
    const source = await db('words').where({ id: word.id }).first('title', 'body', 'category', 'requires_ack', 'replies_allowed', 'question');
    const question = source.question ? { ...source.question, deadline: null } : null;
    const attachmentIds = (await attachmentsOf(services, [word.id])).get(word.id)!.map((file) => file.id);
    const id = await createWord(services, request.currentUser!, request.currentSchools, {
      title: source.title, body: source.body, category: source.category, classIds: request.body.classIds, pupilIds: [],
      requiresAck: source.requires_ack, repliesAllowed: source.replies_allowed, sendAt: request.body.sendAt ?? null, question, attachmentIds,
    }, { id: word.id });
    const [copy] = await staffWords(services, [id], editable(request.currentUser!));
    return reply.code(201).send(copy!);
  });

  app.get('/words/:wordId/tracking', {
    schema: { params: WordParams, response: { 200: Tracking, ...Errors } },
  }, async (request) => {
    const word = await loadFollowedWord(services, request.currentUser!, request.currentSchools, request.params.wordId);
    return tracking(services, word);
  });

  app.post('/words/:wordId/reminders', {
    schema: { params: WordParams, response: { 201: Type.Object({ pupils: Type.Integer(), relatives: Type.Integer() }), ...Errors } },
  }, async (request, reply) => {
    const word = await loadFollowedWord(services, request.currentUser!, request.currentSchools, request.params.wordId);
    if (!word.sent_at) throw NotSentYet();
    return reply.code(201).send(await sendReminder(services, request.currentUser!, word));
  });

  app.post('/attachments', {
    config: { right: 'post' },
    schema: { response: { 201: Type.Array(AttachmentSchema), ...Errors } },
  }, async (request, reply) => {
    const { blobs } = await services.storage.receive(request, { owner: request.currentUser!.id, maxFiles: 10 });
    return reply.code(201).send(blobs.map((b) => ({ id: b.id, name: b.name, mediaType: b.mediaType, size: b.size })));
  });

  app.get('/words/:wordId/slips.pdf', {
    schema: { params: WordParams, response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...Errors } },
  }, async (request, reply) => {
    const word = await loadFollowedWord(services, request.currentUser!, request.currentSchools, request.params.wordId);
    if (!word.sent_at) throw NotSentYet();
    const pdf = await slipsPdf(services, word.id);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="mot-${word.id}-coupons.pdf"`)
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(pdf));
  });
}
