import type { CurrentUser, Knex, PluginServices, Profile } from '@preau/sdk';

/** A flash message row. */
export interface FlashRow {
  id: number;
  school_ids: number[];
  title: string;
  body: string;
  colour: 'info' | 'warning' | 'urgent';
  signature: string;
  profiles: Profile[];
  class_ids: number[];
  starts_at: Date;
  ends_at: Date;
  notify: boolean;
  author_id: number | null;
}

const COLUMNS = ['id', 'school_ids', 'title', 'body', 'colour', 'signature', 'profiles', 'class_ids', 'starts_at', 'ends_at', 'notify', 'author_id'];

/** The flash message as its readers see it. */
export function toFlash(row: FlashRow) {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    colour: row.colour,
    signature: row.signature,
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
  };
}

/**
 * The flash messages shown to `user` now: in their window, for one of the user's schools and their profile,
 * for one of their classes when classes are chosen (a relative's are their children's), and not dismissed.
 * Urgent first, then the newest.
 */
export async function flashFor(services: Pick<PluginServices, 'db' | 'structure'>, user: CurrentUser, schoolIds: readonly number[], now: Date): Promise<FlashRow[]> {
  if (schoolIds.length === 0) return [];
  const rows = (await services.db('flash_messages as f')
    .whereRaw('f.school_ids && ?::int[]', [[...schoolIds]])
    .whereRaw('? = any(f.profiles)', [user.profile])
    .where('f.starts_at', '<=', now).where('f.ends_at', '>', now)
    .whereNotExists((q) => q.select(services.db.raw('1')).from('flash_reads as r').whereRaw('r.flash_id = f.id').where('r.user_id', user.id))
    .orderByRaw("case f.colour when 'urgent' then 0 when 'warning' then 1 else 2 end, f.starts_at desc, f.id desc")
    .select(COLUMNS.map((c) => `f.${c}`))) as FlashRow[];
  // The user's classes are asked only when a message is for some classes (most are for the whole school).
  if (!rows.some((row) => row.class_ids.length > 0)) return rows;
  const classIds = new Set((await services.structure.classesOf(user.id)).map((c) => c.id));
  return rows.filter((row) => row.class_ids.length === 0 || row.class_ids.some((id) => classIds.has(id)));
}

/**
 * Everyone a flash message is for, from the school structure: the pupils of its classes (all the school's
 * classes when none are chosen), their relatives, and the classes' teachers and staff, by targeted profile.
 */
export async function targetedUsers(structure: PluginServices['structure'], row: Pick<FlashRow, 'school_ids' | 'profiles' | 'class_ids'>): Promise<number[]> {
  const classIds: number[] = [];
  if (row.class_ids.length > 0) {
    classIds.push(...(await structure.classes(row.class_ids)).filter((c) => row.school_ids.includes(c.schoolId)).map((c) => c.id));
  } else {
    for (const schoolId of row.school_ids) classIds.push(...(await structure.classesOfSchool(schoolId)).map((c) => c.id));
  }
  const users = new Set<number>();
  const wants = (profile: Profile) => row.profiles.includes(profile);
  if (wants('Student') || wants('Relative')) {
    const pupils = await structure.pupilsOf(classIds);
    if (wants('Student')) for (const pupil of pupils) users.add(pupil.id);
    if (wants('Relative')) for (const link of await structure.relativesOf(pupils.map((p) => p.id))) users.add(link.relative.id);
  }
  if (wants('Teacher') || wants('Personnel')) {
    for (const link of await structure.staffOf(classIds)) if (wants(link.user.profile)) users.add(link.user.id);
  }
  return [...users];
}

/** How many of the targeted users dismissed the message ("J'ai lu"). */
export async function readCount(db: Knex, flashId: number, targeted: readonly number[]): Promise<number> {
  if (targeted.length === 0) return 0;
  const [row] = await db('flash_reads').where({ flash_id: flashId }).whereRaw('user_id = any(?::int[])', [[...targeted]]).count<{ n: string }[]>('* as n');
  return Number(row?.n ?? 0);
}

/** Reads flash messages by id with their columns. */
export function flashQuery(db: Knex): Knex.QueryBuilder {
  return db('flash_messages').select(COLUMNS);
}

/**
 * When a flash message's window opens: every targeted user's open tabs show it at once (a live notification
 * the home element listens for), and, if the author asked, an email per each one's preferences. Marked first,
 * so it is announced once.
 */
export async function startFlash(services: Pick<PluginServices, 'db' | 'notify' | 'structure' | 'clock'>, flashId: number): Promise<boolean> {
  const now = services.clock.now();
  const [row] = (await services.db('flash_messages').where({ id: flashId }).whereNull('started_at').where('starts_at', '<=', now).where('ends_at', '>', now)
    .update({ started_at: now }).returning(COLUMNS)) as FlashRow[];
  if (!row) return false;
  const users = await targetedUsers(services.structure, row);
  if (users.length === 0) return true;
  await services.notify.send({
    type: row.notify ? 'flash-notified' : 'flash',
    recipients: { users },
    actor: row.author_id,
    resource: { app: 'news', id: `flash-${row.id}`, url: '/' },
    params: { title: row.title, signature: row.signature },
  });
  return true;
}
