import { Type, Id, compareFrench, type PluginApp, type PluginServices } from '@preau/sdk';
import { classAccess } from './access.js';
import { chosenPupils } from './entries.js';
import { parisDay } from './dates.js';
import { rangeOf } from './staff-routes.js';
import { ClassParams, Errors, RangeQuery } from './schemas.js';

const Load = { minutes: Type.Integer(), count: Type.Integer(), unestimated: Type.Integer() };

export const Workload = Type.Object({
  from: Type.String(),
  to: Type.String(),
  days: Type.Array(Type.Object({
    dueOn: Type.String(),
    /** What every pupil of the class has to do for that day. */
    wholeClass: Type.Object(Load),
    /** Pupils with differentiated work that day: their whole load (the class's plus theirs). */
    pupils: Type.Array(Type.Object({ id: Id(), displayName: Type.String(), ...Load })),
  })),
});

interface LoadRow {
  id: number;
  due_on: string;
  minutes: number | null;
}

const add = (load: { minutes: number; count: number; unestimated: number }, row: LoadRow) => {
  load.minutes += row.minutes ?? 0;
  load.count += 1;
  if (row.minutes === null) load.unestimated += 1;
};

/**
 * The teacher's view of the evening's load: per due date, the estimated minutes of the class's homework, and
 * for pupils given differentiated work their own total. Homework not yet published counts (the teacher plans
 * with it); a homework without an estimate is counted apart.
 */
export async function workloadRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db } = services;

  app.get('/classes/:classId/workload', {
    schema: { params: ClassParams, querystring: RangeQuery, response: { 200: Workload, ...Errors } },
  }, async (request) => {
    const access = await classAccess(services, request.currentUser!, request.currentSchools, request.params.classId);
    const range = rangeOf(request.query, parisDay(services.clock.now()));
    const rows = (await db('entries')
      .where({ class_id: access.class.id, kind: 'homework' }).whereBetween('due_on', [range.from, range.to])
      .orderBy(['due_on', 'id'])
      .select('id', db.raw(`to_char(due_on, 'YYYY-MM-DD') as due_on`), 'minutes')) as LoadRow[];
    const [chosen, pupils] = await Promise.all([chosenPupils(db, rows.map((r) => r.id)), services.structure.pupilsOf([access.class.id])]);
    const names = new Map(pupils.map((p) => [p.id, p.displayName]));
    const days = [...new Set(rows.map((r) => r.due_on))].map((dueOn) => {
      const ofDay = rows.filter((r) => r.due_on === dueOn);
      const wholeClass = { minutes: 0, count: 0, unestimated: 0 };
      for (const row of ofDay.filter((r) => !chosen.has(r.id))) add(wholeClass, row);
      const own = new Map<number, { minutes: number; count: number; unestimated: number }>();
      for (const row of ofDay.filter((r) => chosen.has(r.id))) {
        for (const pupilId of chosen.get(row.id)!) {
          if (!own.has(pupilId)) own.set(pupilId, { ...wholeClass });
          add(own.get(pupilId)!, row);
        }
      }
      const differentiated = [...own].flatMap(([id, load]) => (names.has(id) ? [{ id, displayName: names.get(id)!, ...load }] : []));
      return { dueOn, wholeClass, pupils: differentiated.sort((a, b) => b.minutes - a.minutes || compareFrench(a.displayName, b.displayName)) };
    });
    return { ...range, days };
  });
}
