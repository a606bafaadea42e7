import type { Knex, PluginServices } from '@preau/sdk';
import type { FamilyHomework, FamilySession } from './schemas.js';
import type { FamilyPupil } from './access.js';
import { bucketOf, schoolDaysOf } from './dates.js';
import { changedAfterPublication } from './entries.js';

type Services = Pick<PluginServices, 'db' | 'clock' | 'settings'>;

interface HomeworkRow {
  id: number;
  subject: string;
  title: string;
  body: string;
  day: string;
  due_on: string;
  minutes: number | null;
  author_id: number | null;
  author_name: string;
  differentiated: boolean;
  visible_at: Date;
  edited_at: Date | null;
  tick_by: number | null;
  tick_name: string | null;
  tick_at: Date | null;
  tick_late: boolean | null;
}

// What a pupil sees of their class's cahier: published entries (their time come) for the whole class or for
// them among the chosen pupils. The same condition guards every family read, the badge and the ticks.
const VISIBLE_TO_PUPIL = `e.visible_at <= :now
  and (not exists (select 1 from entry_pupils c where c.entry_id = e.id)
       or exists (select 1 from entry_pupils c where c.entry_id = e.id and c.pupil_id = :pupil))`;

interface FamilyHomeworkRow extends HomeworkRow {
  pupil_id: number;
}

/**
 * The homework of several pupils (a family's children, each in their class of today) due from `today` on, by
 * due date then subject, with each pupil's "Fait" tick: one read for the whole family, the hot path of the
 * evening peak (class and due date through the partial index, the tick by its primary key).
 */
export async function familyHomework(services: Services, pupils: readonly FamilyPupil[], today: string, limit = 100): Promise<Map<number, FamilyHomework[]>> {
  const placed = pupils.filter((p) => p.classId !== null);
  const byPupil = new Map<number, FamilyHomework[]>(pupils.map((p) => [p.id, []]));
  if (placed.length === 0) return byPupil;
  const { rows } = await services.db.raw<{ rows: FamilyHomeworkRow[] }>(
    `select f.pupil_id, h.*
       from unnest(:pupils::int[], :classes::int[]) as f(pupil_id, class_id)
       cross join lateral (
         select e.id, e.subject, e.title, e.body, to_char(e.day, 'YYYY-MM-DD') as day, to_char(e.due_on, 'YYYY-MM-DD') as due_on,
                e.minutes, e.author_id, e.author_name, e.visible_at, e.edited_at,
                exists (select 1 from entry_pupils c where c.entry_id = e.id) as differentiated,
                t.by_id as tick_by, t.by_name as tick_name, t.at as tick_at, t.late as tick_late
           from entries e
           left join ticks t on t.entry_id = e.id and t.pupil_id = f.pupil_id
          where e.class_id = f.class_id and e.kind = 'homework' and e.due_on >= :today::date and e.visible_at <= :now
            and (not exists (select 1 from entry_pupils c where c.entry_id = e.id)
                 or exists (select 1 from entry_pupils c where c.entry_id = e.id and c.pupil_id = f.pupil_id))
          order by e.due_on, e.subject, e.id
          limit :limit
       ) h`,
    { pupils: placed.map((p) => p.id), classes: placed.map((p) => p.classId!), today, now: services.clock.now(), limit },
  );
  const schoolDays = schoolDaysOf(services.settings);
  for (const r of rows) {
    byPupil.get(r.pupil_id)!.push({
      id: r.id, subject: r.subject, title: r.title, body: r.body, day: r.day, dueOn: r.due_on, bucket: bucketOf(r.due_on, today, schoolDays),
      minutes: r.minutes, author: { id: r.author_id, displayName: r.author_name }, differentiated: r.differentiated,
      changedAt: changedAfterPublication(r)?.toISOString() ?? null,
      done: r.tick_at ? { by: { id: r.tick_by, displayName: r.tick_name! }, at: new Date(r.tick_at).toISOString(), late: !!r.tick_late } : null,
    });
  }
  return byPupil;
}

/** A pupil's séances from `from` to `to`, by day. */
export async function pupilSessions(services: Services, pupil: FamilyPupil, from: string, to: string): Promise<FamilySession[]> {
  if (!pupil.classId) return [];
  const { rows } = await services.db.raw<{ rows: (Omit<HomeworkRow, 'due_on' | 'minutes' | 'differentiated' | 'visible_at' | 'edited_at'>)[] }>(
    `select e.id, e.subject, e.title, e.body, to_char(e.day, 'YYYY-MM-DD') as day, e.author_id, e.author_name
       from entries e
      where e.class_id = :classId and e.kind = 'session' and e.day between :from::date and :to::date and ${VISIBLE_TO_PUPIL}
      order by e.day, e.id`,
    { pupil: pupil.id, classId: pupil.classId, from, to, now: services.clock.now() },
  );
  return rows.map((r) => ({ id: r.id, subject: r.subject, title: r.title, body: r.body, day: r.day, author: { id: r.author_id, displayName: r.author_name } }));
}

/** True when the pupil sees this entry now (published, in their class of today, for them). */
export async function visibleToPupil(db: Knex, now: Date, entryId: number, pupil: FamilyPupil): Promise<{ due_on: string | null; school_id: number } | undefined> {
  if (!pupil.classId) return undefined;
  const { rows } = await db.raw<{ rows: { due_on: string | null; school_id: number }[] }>(
    `select to_char(e.due_on, 'YYYY-MM-DD') as due_on, e.school_id from entries e
      where e.id = :entryId and e.class_id = :classId and e.kind = 'homework' and ${VISIBLE_TO_PUPIL}`,
    { entryId, classId: pupil.classId, pupil: pupil.id, now },
  );
  return rows[0];
}

/** How many homework items due on `due` each of these pupils has not ticked: the badge. */
export async function untickedFor(services: Services, pupils: readonly FamilyPupil[], due: string): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (const pupil of pupils) {
    if (!pupil.classId) continue;
    const { rows } = await services.db.raw<{ rows: { n: number }[] }>(
      `select count(*)::int as n from entries e
        where e.class_id = :classId and e.kind = 'homework' and e.due_on = :due::date and ${VISIBLE_TO_PUPIL}
          and not exists (select 1 from ticks t where t.entry_id = e.id and t.pupil_id = :pupil)`,
      { classId: pupil.classId, due, pupil: pupil.id, now: services.clock.now() },
    );
    counts.set(pupil.id, rows[0]?.n ?? 0);
  }
  return counts;
}
