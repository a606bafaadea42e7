import { administersSchool, Type, Id, compareFrench, type CurrentUser, type PluginApp, type PluginServices } from '@preau/sdk';
import { classAccess } from './access.js';
import { lastVisa } from './entries.js';
import { ReplacementRefused, VisaRefused } from './errors.js';
import { ClassParams, Errors, Visa } from './schemas.js';

const Replacement = Type.Object({ teacher: Type.Object({ id: Id(), displayName: Type.String() }), addedAt: Type.String() });

/** What the direction does: name a replacement teacher for a class, sign (viser) a class's cahier. */
export async function directionRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, clock, structure } = services;

  app.get('/classes/:classId/visas', {
    schema: { params: ClassParams, response: { 200: Type.Array(Visa), ...Errors } },
  }, async (request) => {
    const access = await classAccess(services, request.currentUser!, request.currentSchools, request.params.classId);
    const rows = await db('visas').where({ class_id: access.class.id }).orderBy([{ column: 'at', order: 'desc' }, { column: 'id', order: 'desc' }]).select('id', 'by_id', 'by_name', 'at', 'note');
    return rows.map((r) => ({ id: r.id, by: { id: r.by_id, displayName: r.by_name }, at: new Date(r.at).toISOString(), note: r.note }));
  });

  // The visa dates the reading: what was written before it is locked from then on.
  app.post('/classes/:classId/visas', {
    schema: {
      params: ClassParams,
      body: Type.Object({ note: Type.String({ maxLength: 2000, default: '' }) }, { additionalProperties: false }),
      response: { 201: Visa, ...Errors },
    },
  }, async (request, reply) => {
    const user = request.currentUser!;
    const access = await classAccess(services, user, request.currentSchools, request.params.classId);
    if (!access.mayVisa) throw VisaRefused();
    await db('visas').insert({ class_id: access.class.id, by_id: user.id, by_name: user.displayName, at: clock.now(), note: request.body.note.trim() });
    return reply.code(201).send((await lastVisa(db, access.class.id))!);
  });

  app.get('/classes/:classId/replacements', {
    schema: { params: ClassParams, response: { 200: Type.Array(Replacement), ...Errors } },
  }, async (request) => {
    const access = await classAccess(services, request.currentUser!, request.currentSchools, request.params.classId);
    const rows: { teacher_id: number; added_at: Date }[] = await db('replacements').where({ class_id: access.class.id }).select('teacher_id', 'added_at');
    const people = new Map((await structure.people(rows.map((r) => r.teacher_id))).map((p) => [p.id, p]));
    return rows.flatMap((r) => {
      const teacher = people.get(r.teacher_id);
      return teacher ? [{ teacher: { id: teacher.id, displayName: teacher.displayName }, addedAt: new Date(r.added_at).toISOString() }] : [];
    }).sort((a, b) => compareFrench(a.teacher.displayName, b.teacher.displayName));
  });

  /** The direction of the class's school, naming a teacher of that school; anyone else who reads the cahier gets 403. */
  const replacementTarget = async (user: CurrentUser, schools: Parameters<typeof classAccess>[2], classId: number, teacherId: number) => {
    const access = await classAccess(services, user, schools, classId);
    if (!access.current || !administersSchool(user, access.class.schoolId)) throw ReplacementRefused();
    const teachers = await structure.membersOf(access.class.schoolId, ['Teacher', 'Personnel']);
    if (!teachers.some((t) => t.id === teacherId)) throw ReplacementRefused();
    return access;
  };

  // The teachers the direction may name for the class: the school's staff who do not teach it already, by name.
  app.get('/classes/:classId/replacement-candidates', {
    schema: { params: ClassParams, response: { 200: Type.Array(Type.Object({ id: Id(), displayName: Type.String() })), ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const access = await classAccess(services, user, request.currentSchools, request.params.classId);
    if (!access.current || !administersSchool(user, access.class.schoolId)) throw ReplacementRefused();
    const [members, staff, named] = await Promise.all([
      structure.membersOf(access.class.schoolId, ['Teacher', 'Personnel']),
      structure.staffOf([access.class.id]),
      db('replacements').where({ class_id: access.class.id }).pluck('teacher_id') as Promise<number[]>,
    ]);
    const taken = new Set([...staff.map((s) => s.user.id), ...named]);
    return members.filter((m) => !taken.has(m.id)).map((m) => ({ id: m.id, displayName: m.displayName })).sort((a, b) => compareFrench(a.displayName, b.displayName));
  });

  app.put('/classes/:classId/replacements/:userId', {
    schema: { params: Type.Object({ classId: Id(), userId: Id() }), response: { 204: Type.Null(), ...Errors } },
  }, async (request, reply) => {
    const user = request.currentUser!;
    const access = await replacementTarget(user, request.currentSchools, request.params.classId, request.params.userId);
    await db('replacements').insert({ class_id: access.class.id, teacher_id: request.params.userId, added_by: user.id, added_at: clock.now() })
      .onConflict(['class_id', 'teacher_id']).ignore();
    return reply.code(204).send(null);
  });

  app.delete('/classes/:classId/replacements/:userId', {
    schema: { params: Type.Object({ classId: Id(), userId: Id() }), response: { 204: Type.Null(), ...Errors } },
  }, async (request, reply) => {
    const user = request.currentUser!;
    const access = await classAccess(services, user, request.currentSchools, request.params.classId);
    if (!administersSchool(user, access.class.schoolId)) throw ReplacementRefused();
    await db('replacements').where({ class_id: access.class.id, teacher_id: request.params.userId }).delete();
    return reply.code(204).send(null);
  });
}
