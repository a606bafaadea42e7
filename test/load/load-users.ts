import knexFactory from 'knex';
import { testPostgresUrl } from '@preau/core/testing';

/** A simulated user: who signs in, and what the harness knows to act as them (their class, the teacher to write to). */
export interface LoadUser {
  login: string;
  profile: 'Relative' | 'Teacher';
  /** The teacher's class, or the parent's child's class. */
  classId: number;
  /** The class's teacher: whom a parent writes to. */
  teacherId: number;
  /** Signs in with yesterday's session instead of the password (set by the run, not the dataset). */
  reusesSession: boolean;
}

/**
 * Picks `count` users of the dataset, spread over the schools: one teacher for every twenty parents (about the
 * ratio of those who open the ENT on a school morning), then parents of pupils of every class.
 */
export async function pickLoadUsers(databaseName: string, count: number, sessionReuse: number): Promise<LoadUser[]> {
  const db = knexFactory({ client: 'pg', connection: testPostgresUrl(databaseName), pool: { min: 0, max: 1 } });
  try {
    const teachers: { login: string; id: number; class_id: number }[] = await db('core.users as u')
      .join('core.class_members as cm', 'cm.user_id', 'u.id')
      .where('u.profile', 'Teacher').orderBy('u.id').select('u.login', 'u.id', 'cm.class_id');
    const teacherOf = new Map(teachers.map((t) => [t.class_id, t.id]));
    const wantedTeachers = Math.min(teachers.length, Math.max(1, Math.round(count / 20)));
    // Each parent once (with their first child's class), in import order, then picked with a stride over schools.
    const parents: { login: string; class_id: number }[] = await db('core.users as u')
      .join('core.relative_links as rl', 'rl.relative_id', 'u.id')
      .join('core.class_members as cm', 'cm.user_id', 'rl.pupil_id')
      .where('u.profile', 'Relative').where('u.state', 'active')
      .distinctOn('u.id').orderBy([{ column: 'u.id' }, { column: 'cm.class_id' }]).select('u.login', 'cm.class_id');
    const wantedParents = Math.min(parents.length, count - wantedTeachers);
    const spread = <T>(items: T[], wanted: number): T[] => Array.from({ length: wanted }, (_, i) => items[Math.floor((i * items.length) / wanted)]!);
    const users: LoadUser[] = [
      ...spread(teachers, wantedTeachers).map((t) => ({ login: t.login, profile: 'Teacher' as const, classId: t.class_id, teacherId: t.id, reusesSession: false })),
      ...spread(parents, wantedParents).map((p) => ({ login: p.login, profile: 'Relative' as const, classId: p.class_id, teacherId: teacherOf.get(p.class_id) ?? 0, reusesSession: false })),
    ];
    // Deterministic: every k-th user comes back with a session, whatever the profile.
    return users.map((user, i) => ({ ...user, reusesSession: Math.floor((i + 1) * sessionReuse) > Math.floor(i * sessionReuse) }));
  } finally {
    await db.destroy();
  }
}
