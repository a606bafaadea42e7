import { Type, type CurrentUser, type PluginApp, type PluginServices, type SchoolRef } from '@preau/sdk';
import { familyPupil, familyPupils, type FamilyPupil } from './access.js';
import { familyHomework, pupilSessions, visibleToPupil } from './family.js';
import { addDays, parisDay } from './dates.js';
import { EntryNotFound, TickNotAllowed } from './errors.js';
import { rangeOf } from './staff-routes.js';
import { ChildHomework, EntryPupilParams, Errors, FamilySession, PupilParams, RangeQuery, Tick } from './schemas.js';

/** What families and pupils do: read the homework by due date and the séances, tick "Fait". */
export async function familyRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, clock, structure, rights } = services;

  /** The page of each of these pupils: their class, whether the reader may tick, their homework (two reads in parallel). */
  const homeworkPages = async (user: CurrentUser, pupils: readonly FamilyPupil[]) => {
    const today = parisDay(clock.now());
    const [classes, homework] = await Promise.all([
      structure.classes(pupils.flatMap((p) => (p.classId ? [p.classId] : []))),
      familyHomework(services, pupils, today),
    ]);
    const labels = new Map(classes.map((c) => [c.id, c.label]));
    return pupils.map((pupil) => ({
      pupil: { id: pupil.id, displayName: pupil.displayName, classId: pupil.classId, classLabel: pupil.classId ? labels.get(pupil.classId) ?? null : null },
      today,
      mayTick: pupil.schoolId !== null && rights.can(user, 'textbook', 'tick', [pupil.schoolId]),
      homework: homework.get(pupil.id) ?? [],
    }));
  };

  // "Qu'est-ce que tu as à faire pour demain ?" for every child at once (a parent of three opens it at 18:00).
  app.get('/family/homework', {
    schema: { response: { 200: Type.Array(ChildHomework), ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    return homeworkPages(user, await familyPupils(services, user, request.currentSchools));
  });

  app.get('/pupils/:pupilId/homework', {
    schema: { params: PupilParams, response: { 200: ChildHomework, ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const [page] = await homeworkPages(user, [await familyPupil(services, user, request.currentSchools, request.params.pupilId)]);
    return page!;
  });

  app.get('/pupils/:pupilId/sessions', {
    schema: { params: PupilParams, querystring: RangeQuery, response: { 200: Type.Array(FamilySession), ...Errors } },
  }, async (request) => {
    const pupil = await familyPupil(services, request.currentUser!, request.currentSchools, request.params.pupilId);
    const today = parisDay(clock.now());
    const range = request.query.from || request.query.to ? rangeOf(request.query, today) : { from: addDays(today, -6), to: today };
    return pupilSessions(services, pupil, range.from, range.to);
  });

  /** The class's staff watching "Qui a fait ?" refresh at once (every server process). */
  const signalTick = async (pupil: FamilyPupil, entryId: number) => {
    if (!pupil.classId) return;
    const staff = (await structure.staffOf([pupil.classId])).map((s) => s.user.id);
    if (staff.length) await services.notify.signal({ app: 'textbook', name: 'homework-ticked', users: staff, data: { entryId } });
  };

  const tickTarget = async (user: CurrentUser, schools: readonly SchoolRef[], entryId: number, pupilId: number) => {
    const pupil = await familyPupil(services, user, schools, pupilId);
    const entry = await visibleToPupil(db, clock.now(), entryId, pupil);
    if (!entry) throw EntryNotFound();
    if (!rights.can(user, 'textbook', 'tick', [entry.school_id])) throw TickNotAllowed();
    return { pupil, entry };
  };

  // A pupil ticks their own homework, a parent their child's; after the due date the tick is kept, marked late.
  app.put('/homework/:entryId/pupils/:pupilId/done', {
    schema: { params: EntryPupilParams, response: { 200: Tick, 201: Tick, ...Errors } },
  }, async (request, reply) => {
    const user = request.currentUser!;
    const { pupil, entry } = await tickTarget(user, request.currentSchools, request.params.entryId, request.params.pupilId);
    const now = clock.now();
    const late = entry.due_on !== null && parisDay(now) > entry.due_on;
    const inserted = await db('ticks')
      .insert({ entry_id: request.params.entryId, pupil_id: pupil.id, by_id: user.id, by_name: user.displayName, at: now, late })
      .onConflict(['entry_id', 'pupil_id']).ignore().returning('entry_id');
    const tick = await db('ticks').where({ entry_id: request.params.entryId, pupil_id: pupil.id }).first('by_id', 'by_name', 'at', 'late');
    if (inserted.length) await signalTick(pupil, request.params.entryId);
    return reply.code(inserted.length ? 201 : 200).send({ by: { id: tick.by_id, displayName: tick.by_name }, at: new Date(tick.at).toISOString(), late: tick.late });
  });

  app.delete('/homework/:entryId/pupils/:pupilId/done', {
    schema: { params: EntryPupilParams, response: { 204: Type.Null(), ...Errors } },
  }, async (request, reply) => {
    const { pupil } = await tickTarget(request.currentUser!, request.currentSchools, request.params.entryId, request.params.pupilId);
    if (await db('ticks').where({ entry_id: request.params.entryId, pupil_id: pupil.id }).delete()) await signalTick(pupil, request.params.entryId);
    return reply.code(204).send(null);
  });
}
