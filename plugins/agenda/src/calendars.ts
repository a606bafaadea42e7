import { administersSchool, frenchOrder, roleIncludes, type AccessRole, type CurrentUser, type Knex, type PluginServices, type SchoolClassRef, type SchoolRef } from '@preau/sdk';
import { CalendarNotFound, RoleTooLow } from './errors.js';

type Services = Pick<PluginServices, 'db' | 'structure' | 'sharing'>;

export type CalendarKind = 'class' | 'school' | 'personal';

export interface CalendarRow {
  id: number;
  school_id: number;
  kind: CalendarKind;
  class_id: number | null;
  owner_id: number | null;
  name: string;
  color: string;
}

/** A calendar and the user's role on it. */
export interface ReadableCalendar {
  calendar: CalendarRow;
  role: AccessRole;
}

const COLUMNS = ['id', 'school_id', 'kind', 'class_id', 'owner_id', 'name', 'color'] as const;

// Colours that keep WCAG AA contrast with white text, so an event's title reads on its calendar's colour.
export const PALETTE = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#b45309', '#0e7490', '#be185d', '#4d7c0f'] as const;
const SCHOOL_COLOR = '#374151';

export const calendarRef = (id: number) => ({ type: 'calendar', id });

/**
 * Makes the school's calendar and the user's classes' calendars when they do not exist yet, and shares each
 * with the structure's derived groups through the core (class: its teachers manage, its pupils and parents
 * read; school: every profile of the school reads). Members of those groups are today's: a pupil joining the
 * class reads its calendar at once. Many processes may race here: the unique indexes keep one calendar, and
 * only the process whose insert won registers it.
 */
export async function ensureStructureCalendars(services: Services, user: CurrentUser, schools: readonly SchoolRef[]): Promise<void> {
  const schoolIds = schools.map((s) => s.id);
  if (schoolIds.length === 0) return;
  const classes = (await services.structure.classesOf(user.id)).filter((c) => schoolIds.includes(c.schoolId));
  await ensureCalendars(services, schoolIds, classes);
}

/** Makes the calendars of these schools and classes that do not exist yet (see `ensureStructureCalendars`). */
export async function ensureCalendars(services: Services, schoolIds: readonly number[], classes: readonly SchoolClassRef[]): Promise<void> {
  const existing = await services.db('calendars')
    .where((q) => q.whereIn('class_id', classes.map((c) => c.id)).orWhere((w) => w.whereIn('school_id', schoolIds).where({ kind: 'school' })))
    .select('kind', 'class_id', 'school_id');
  const hasSchool = new Set(existing.filter((r) => r.kind === 'school').map((r) => r.school_id as number));
  const hasClass = new Set(existing.filter((r) => r.kind === 'class').map((r) => r.class_id as number));
  for (const schoolId of schoolIds) {
    if (hasSchool.has(schoolId)) continue;
    await create(services, { school_id: schoolId, kind: 'school', name: `Agenda de l'école`, color: SCHOOL_COLOR }, { schoolId }, () => 'read');
  }
  for (const schoolClass of classes) {
    if (hasClass.has(schoolClass.id)) continue;
    await create(services, {
      school_id: schoolClass.schoolId, kind: 'class', class_id: schoolClass.id, name: schoolClass.label,
      color: PALETTE[schoolClass.id % PALETTE.length]!,
    }, { classId: schoolClass.id }, (profile) => (profile === 'Teacher' ? 'manage' : 'read'));
  }
}

async function create(
  services: Services,
  row: Partial<CalendarRow> & Pick<CalendarRow, 'school_id' | 'kind' | 'name' | 'color'>,
  scope: { schoolId: number } | { classId: number },
  roleFor: (profile: string) => 'read' | 'manage',
): Promise<void> {
  const groups = await services.structure.derivedGroups(scope);
  await services.db.transaction(async (transaction) => {
    const target = row.kind === 'class' ? '(class_id) where kind = \'class\'' : '(school_id) where kind = \'school\'';
    const { rows } = await transaction.raw<{ rows: { id: number }[] }>(
      `insert into calendars (school_id, kind, class_id, name, color) values (?, ?, ?, ?, ?) on conflict ${target} do nothing returning id`,
      [row.school_id, row.kind, row.class_id ?? null, row.name, row.color],
    );
    const id = rows[0]?.id;
    if (id === undefined) return;
    // Registered with its school: its administrators manage it (and its sharing) without a grant.
    await services.sharing.register(calendarRef(id), { owner: null, school: row.school_id, transaction });
    for (const role of ['read', 'manage'] as const) {
      const ids = groups.filter((g) => roleFor(g.profile) === role).map((g) => g.id);
      if (ids.length) await services.sharing.grant(calendarRef(id), { role, groups: ids }, { by: null, notify: false, transaction });
    }
  });
}

/**
 * The calendars of the user's schools they may read, with their role: the core's sharing decides, and the
 * school's administrators manage its class and school calendars besides. By kind (school, classes, own),
 * then name in French order.
 */
export async function readableCalendars(services: Services, user: CurrentUser, schools: readonly SchoolRef[]): Promise<ReadableCalendar[]> {
  if (schools.length === 0) return [];
  const schoolIds = schools.map((s) => s.id);
  const select = async () => (await services.db('calendars').whereIn('school_id', schoolIds)
    .orderByRaw(`case kind when 'school' then 0 when 'class' then 1 else 2 end, ${frenchOrder('name')}, name, id`)
    .select(...COLUMNS)) as CalendarRow[];
  // Every view asks this: the calendars and the user's classes in parallel, and the structure's calendars made
  // only when one is missing (once per class and school).
  const [firstRows, classes] = await Promise.all([select(), services.structure.classesOf(user.id)]);
  let rows = firstRows;
  const mine = classes.filter((c) => schoolIds.includes(c.schoolId));
  const missing = schoolIds.some((id) => !rows.some((r) => r.kind === 'school' && r.school_id === id))
    || mine.some((c) => !rows.some((r) => r.kind === 'class' && r.class_id === c.id));
  if (missing) {
    await ensureCalendars(services, schoolIds, mine);
    rows = await select();
  }
  const admin = new Set(rows.filter((r) => r.kind !== 'personal' && administersSchool(user, r.school_id)).map((r) => r.id));
  const readable = new Map((await services.sharing.filterReadable(user.id, rows.filter((r) => !admin.has(r.id)).map((r) => ({ ...calendarRef(r.id) }))))
    .map((r) => [Number(r.id), r.role]));
  return rows.flatMap((calendar) => {
    const role: AccessRole | undefined = admin.has(calendar.id) ? 'manage' : readable.get(calendar.id);
    return role ? [{ calendar, role }] : [];
  });
}

/** One calendar the user reads, at least `needed`; 404 when they cannot read it, 403 when their role is lower. */
export async function calendarFor(services: Services, user: CurrentUser, schools: readonly SchoolRef[], id: number, needed: AccessRole, action: string, transaction?: Knex.Transaction): Promise<ReadableCalendar> {
  const calendar = (await (transaction ?? services.db)('calendars').where({ id }).first(...COLUMNS)) as CalendarRow | undefined;
  if (!calendar || !schools.some((s) => s.id === calendar.school_id)) throw CalendarNotFound();
  const role = calendar.kind !== 'personal' && administersSchool(user, calendar.school_id)
    ? 'manage'
    : await services.sharing.roleOf(user.id, calendarRef(id), transaction ? { transaction } : {});
  if (!role) throw CalendarNotFound();
  if (!roleIncludes(role, needed)) throw RoleTooLow(action);
  return { calendar, role };
}

/** The calendar as the API answers it. */
export function toCalendar({ calendar, role }: ReadableCalendar) {
  return {
    id: calendar.id,
    schoolId: calendar.school_id,
    kind: calendar.kind,
    classId: calendar.class_id,
    name: calendar.name,
    color: calendar.color,
    role,
  };
}
