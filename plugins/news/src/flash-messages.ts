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
 * Urgent first, then the newest. With `id`, that one message, dismissed or ended, if it was for the user
 * (what its notification opens).
 */
export async function flashFor(services: Pick<PluginServices, 'db' | 'structure'>, user: CurrentUser, schoolIds: readonly number[], now: Date, id?: number): Promise<(FlashRow & { read: boolean })[]> {
  if (schoolIds.length === 0) return [];
  const read = services.db('flash_reads as r').select(services.db.raw('1')).whereRaw('r.flash_id = f.id').where('r.user_id', user.id);
  const rows = (await services.db('flash_messages as f')
    .whereRaw('f.school_ids && ?::int[]', [[...schoolIds]])
    .whereRaw('? = any(f.profiles)', [user.profile])
    .where('f.starts_at', '<=', now)
    .modify((q) => {
      if (id === undefined) q.where('f.ends_at', '>', now).whereNotExists(read);
      else q.where('f.id', id);
    })
    .select(services.db.raw('exists ? as read', [read]))
    .orderByRaw("case f.colour when 'urgent' then 0 when 'warning' then 1 else 2 end, f.starts_at desc, f.id desc")
    .select(COLUMNS.map((c) => `f.${c}`))) as (FlashRow & { read: boolean })[];
  // The user's classes are asked only when a message is for some classes (most are for the whole school).
  if (!rows.some((row) => row.class_ids.length > 0)) return rows;
  const classIds = new Set((await services.structure.classesOf(user.id)).map((c) => c.id));
  return rows.filter((row) => row.class_ids.length === 0 || row.class_ids.some((id) => classIds.has(id)));
}

/**
 * Everyone a flash message is for: every person of its schools with a targeted profile (not only those linked
 * to a class: a guest or a member of staff without a class counts), and when classes are chosen, only those of
 * these classes (their pupils, the pupils' relatives, their teachers and staff). The same people `flashFor`
 * shows it to, so the read count is over those who can read it.
 */
export async function targetedUsers(structure: PluginServices['structure'], row: Pick<FlashRow, 'school_ids' | 'profiles' | 'class_ids'>): Promise<number[]> {
  const members = new Set<number>();
  for (const schoolId of row.school_ids) for (const person of await structure.membersOf(schoolId, row.profiles)) members.add(person.id);
  if (row.class_ids.length === 0) return [...members];
  const classIds = (await structure.classes(row.class_ids)).filter((c) => row.school_ids.includes(c.schoolId)).map((c) => c.id);
  if (classIds.length === 0) return [];
  const ofClasses = new Set<number>();
  const wants = (profile: Profile) => row.profiles.includes(profile);
  if (wants('Student') || wants('Relative')) {
    const pupils = await structure.pupilsOf(classIds);
    for (const pupil of pupils) ofClasses.add(pupil.id);
    if (wants('Relative')) for (const link of await structure.relativesOf(pupils.map((p) => p.id))) ofClasses.add(link.relative.id);
  }
  if (wants('Teacher') || wants('Personnel')) for (const link of await structure.staffOf(classIds)) ofClasses.add(link.user.id);
  return [...members].filter((id) => ofClasses.has(id));
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
 * When a flash message's window opens: every targeted user's open tabs show it at once (a live signal the
 * home element listens for: the message itself is on top of the home page, a timeline line would say it
 * twice), and, only if the author asked, a notification sent per each one's preferences (email, push).
 * Marked first, so it is announced once.
 */
export async function startFlash(services: Pick<PluginServices, 'db' | 'notify' | 'structure' | 'clock'>, flashId: number): Promise<boolean> {
  const now = services.clock.now();
  const [row] = (await services.db('flash_messages').where({ id: flashId }).whereNull('started_at').where('starts_at', '<=', now).where('ends_at', '>', now)
    .update({ started_at: now }).returning(COLUMNS)) as FlashRow[];
  if (!row) return false;
  const users = await targetedUsers(services.structure, row);
  if (users.length === 0) return true;
  await services.notify.signal({ app: 'news', name: 'flash-started', users, data: { flashId: row.id } });
  if (row.notify) {
    await services.notify.send({
      type: 'flash-notified',
      recipients: { users },
      actor: row.author_id,
      // Not the home page: once read there, the message is gone from it.
      resource: { app: 'news', id: `flash-${row.id}`, url: `/apps/news/flash/${row.id}` },
      params: { title: row.title, signature: row.signature },
    });
  }
  return true;
}
