import { administersSchool, Type, type CurrentUser, type Knex, type PluginApp, type PluginServices, type SchoolRef } from '@preau/sdk';
import { classAccess, currentClasses, visesSchool, type ClassAccess } from './access.js';
import { addEntry, findEntry, lastVisa, requireUnlocked, staffEntries, updateEntry, type EntryRow } from './entries.js';
import { announceChange, announceIfDue, cancelAnnouncement, planAnnouncement } from './announce.js';
import { archivedClasses } from './archive.js';
import { addDays, daysBetween, mondayOf, parisDay } from './dates.js';
import { ArchiveReadOnly, ClassNotFound, EntryNotFound, NotTheClassTeacher, RangeTooLong } from './errors.js';
import { ClassBook, ClassParams, ClassSummary, CopyInput, EntryInput, EntryParams, EntryPatch, Errors, Progress, RangeQuery, SchoolSummary, StaffEntry } from './schemas.js';
import { offeredSubjects, requireOffered } from './subjects.js';
import { progressOf } from './progress.js';

const MAX_RANGE_DAYS = 62;

/** The period asked for (this week by default), refused beyond two months. */
export function rangeOf(query: { from?: string; to?: string }, today: string): { from: string; to: string } {
  const from = query.from ?? mondayOf(query.to ?? today);
  const to = query.to ?? addDays(from, 6);
  if (daysBetween(from, to) < 0 || daysBetween(from, to) > MAX_RANGE_DAYS) throw RangeTooLong(MAX_RANGE_DAYS);
  return { from, to };
}

const summary = (a: ClassAccess) => ({ id: a.class.id, schoolId: a.class.schoolId, label: a.class.label, current: a.current, mayWrite: a.mayWrite, mayVisa: a.mayVisa });

/** What the class's teachers do: write séances and homework, copy them, follow the ticks. */
export async function staffRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, clock } = services;

  /** An entry a staff member reaches through its class (404 otherwise), with what they may do there. */
  const staffEntry = async (user: CurrentUser, schools: readonly SchoolRef[], entryId: number): Promise<{ entry: EntryRow; access: ClassAccess }> => {
    const entry = await findEntry(db, entryId);
    if (!entry) throw EntryNotFound();
    try {
      return { entry, access: await classAccess(services, user, schools, entry.class_id) };
    } catch (error) {
      if (ClassNotFound.is(error)) throw EntryNotFound();
      throw error;
    }
  };
  const requireWrite = (access: ClassAccess) => {
    if (!access.current) throw ArchiveReadOnly();
    if (!access.mayWrite) throw NotTheClassTeacher();
  };
  const entryOut = async (row: EntryRow) => (await staffEntries(services, row.class_id, { from: row.day, to: row.day }, await lastVisa(db, row.class_id), row.id))[0]!;
  /** After the write: families hear of homework visible now; later ones wait for their job. */
  const afterWrite = (trx: Knex.Transaction, row: EntryRow) => planAnnouncement(services, trx, row);

  app.get('/classes', {
    schema: { response: { 200: Type.Object({ classes: Type.Array(ClassSummary), archive: Type.Array(ClassSummary), schools: Type.Array(SchoolSummary) }), ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const [classes, archive] = await Promise.all([
      currentClasses(services, user, request.currentSchools),
      archivedClasses(services, user, request.currentSchools),
    ]);
    // The schools of the user's cahiers (and those they sign), each with the subjects its teachers pick from.
    const schoolIds = new Set([...classes, ...archive].map((a) => a.class.schoolId));
    const schools = request.currentSchools.filter((s) => schoolIds.has(s.id) || visesSchool(services, user, s.id));
    const withSubjects = await Promise.all(schools.map(async (s) => ({ id: s.id, name: s.name, subjects: await offeredSubjects(db, s.id), administers: administersSchool(user, s.id) })));
    return { classes: classes.map(summary), archive: archive.map(summary), schools: withSubjects };
  });

  app.get('/classes/:classId/entries', {
    schema: { params: ClassParams, querystring: RangeQuery, response: { 200: ClassBook, ...Errors } },
  }, async (request) => {
    const access = await classAccess(services, request.currentUser!, request.currentSchools, request.params.classId);
    const range = rangeOf(request.query, parisDay(clock.now()));
    const visa = await lastVisa(db, access.class.id);
    return {
      class: { id: access.class.id, schoolId: access.class.schoolId, label: access.class.label },
      current: access.current, mayWrite: access.mayWrite, mayVisa: access.mayVisa,
      entries: await staffEntries(services, access.class.id, range, visa), lastVisa: visa,
    };
  });

  // The pupils a homework may be set for (differentiated work), for those who read the cahier.
  app.get('/classes/:classId/pupils', {
    schema: { params: ClassParams, response: { 200: Type.Array(Type.Object({ id: Type.Integer(), displayName: Type.String() })), ...Errors } },
  }, async (request) => {
    const access = await classAccess(services, request.currentUser!, request.currentSchools, request.params.classId);
    return (await services.structure.pupilsOf([access.class.id])).map((p) => ({ id: p.id, displayName: p.displayName }));
  });

  app.post('/classes/:classId/entries', {
    config: { right: 'write' },
    schema: { params: ClassParams, body: EntryInput, response: { 201: StaffEntry, ...Errors } },
  }, async (request, reply) => {
    const access = await classAccess(services, request.currentUser!, request.currentSchools, request.params.classId);
    requireWrite(access);
    await requireOffered(db, access.class.schoolId, request.body.subject.trim());
    const row = await addEntry(services, request.currentUser!, { schoolId: access.class.schoolId, classId: access.class.id }, request.body, afterWrite);
    await announceIfDue(services, row.id);
    return reply.code(201).send(await entryOut(row));
  });

  app.get('/entries/:entryId', {
    schema: { params: EntryParams, response: { 200: StaffEntry, ...Errors } },
  }, async (request) => {
    const { entry } = await staffEntry(request.currentUser!, request.currentSchools, request.params.entryId);
    return entryOut(entry);
  });

  app.patch('/entries/:entryId', {
    config: { right: 'write' },
    schema: { params: EntryParams, body: EntryPatch, response: { 200: StaffEntry, ...Errors } },
  }, async (request) => {
    const { entry, access } = await staffEntry(request.currentUser!, request.currentSchools, request.params.entryId);
    requireWrite(access);
    await requireUnlocked(db, entry);
    if (request.body.subject !== undefined) await requireOffered(db, entry.school_id, request.body.subject.trim(), entry.subject);
    const row = await updateEntry(services, request.currentUser!, entry, request.body, afterWrite);
    if (!(await announceIfDue(services, row.id))) await announceChange(services, row, request.currentUser!.id);
    return entryOut(row);
  });

  app.delete('/entries/:entryId', {
    config: { right: 'write' },
    schema: { params: EntryParams, response: { 204: Type.Null(), ...Errors } },
  }, async (request, reply) => {
    const { entry, access } = await staffEntry(request.currentUser!, request.currentSchools, request.params.entryId);
    requireWrite(access);
    await requireUnlocked(db, entry);
    await db.transaction(async (trx) => {
      await cancelAnnouncement(services, trx, entry.id);
      await services.insertedFiles.detach({ type: 'entry', id: entry.id }, { transaction: trx });
      await trx('entries').where({ id: entry.id }).delete();
    });
    return reply.code(204).send(null);
  });

  // Copying works from any cahier the user reads (last year's archive too) into a class they write in this year.
  app.post('/entries/:entryId/copy', {
    config: { right: 'write' },
    schema: { params: EntryParams, body: CopyInput, response: { 201: StaffEntry, ...Errors } },
  }, async (request, reply) => {
    const user = request.currentUser!;
    const { entry } = await staffEntry(user, request.currentSchools, request.params.entryId);
    const target = await classAccess(services, user, request.currentSchools, request.body.classId);
    requireWrite(target);
    const row = await addEntry(services, user, { schoolId: target.class.schoolId, classId: target.class.id }, {
      kind: entry.kind, subject: entry.subject, title: entry.title, body: entry.body, day: request.body.day,
      dueOn: entry.kind === 'homework' ? (request.body.dueOn ?? request.body.day) : null, minutes: entry.minutes, pupilIds: [],
    }, afterWrite);
    await announceIfDue(services, row.id);
    return reply.code(201).send(await entryOut(row));
  });

  app.get('/entries/:entryId/progress', {
    schema: { params: EntryParams, response: { 200: Progress, ...Errors } },
  }, async (request) => {
    const { entry } = await staffEntry(request.currentUser!, request.currentSchools, request.params.entryId);
    if (entry.kind !== 'homework') throw EntryNotFound();
    return progressOf(services, entry);
  });
}
