import { frenchOrder, type CurrentUser, type Knex, type PluginServices, type SchoolRef } from '@preau/sdk';
import { highest, includes, isSchoolAdmin, rolesOn, type ThreadAccessRow, type ThreadRole } from './access.js';
import { GroupNotAllowed, RoleTooLow, ThreadNotFound } from './errors.js';
import type { Thread } from './schemas.js';

export interface ThreadRow extends ThreadAccessRow {
  title: string;
  comments_enabled: boolean;
}

type Services = Pick<PluginServices, 'db' | 'structure'>;

/**
 * The threads of the user's schools that they have a role on, by school then title. The shares of the user's
 * groups come with the threads in one query (the home widget asks this on every home page).
 */
export async function threadsOf(services: Services, user: CurrentUser, schools: readonly SchoolRef[]): Promise<{ thread: ThreadRow; role: ThreadRole }[]> {
  if (schools.length === 0) return [];
  const groups = await services.structure.groupsOf(user.id);
  const rows = (await services.db('threads as t')
    .whereIn('t.school_id', schools.map((s) => s.id))
    .orderByRaw(`t.school_id, ${frenchOrder('t.title')}, t.title, t.id`)
    .select('t.id', 't.school_id', 't.created_by', 't.title', 't.comments_enabled',
      services.db.raw('array(select s.role from thread_shares s where s.thread_id = t.id and s.group_id = any(?::int[])) as roles', [groups]))) as (ThreadRow & { roles: ThreadRole[] })[];
  return rows.flatMap(({ roles, ...thread }) => {
    const role = isSchoolAdmin(user, thread.school_id) || thread.created_by === user.id ? 'manage' : highest(roles);
    return role ? [{ thread, role }] : [];
  });
}

/** One thread and the user's role on it; not found when it is not theirs to see, or below `needed`. */
export async function threadFor(services: Services, user: CurrentUser, schools: readonly SchoolRef[], id: number, needed: ThreadRole, action: string): Promise<{ thread: ThreadRow; role: ThreadRole }> {
  const thread = await services.db<ThreadRow>('threads').where({ id }).first('id', 'school_id', 'created_by', 'title', 'comments_enabled');
  if (!thread || !schools.some((s) => s.id === thread.school_id)) throw ThreadNotFound();
  const role = (await rolesOn(services, user, [thread])).get(thread.id) ?? null;
  if (!role) throw ThreadNotFound();
  if (!includes(role, needed)) throw RoleTooLow(action);
  return { thread, role };
}

/** The thread's sharing, by group name. */
export async function sharesOf(db: Knex, threadId: number): Promise<NonNullable<Thread['shares']>> {
  return db('thread_shares').where({ thread_id: threadId }).orderByRaw(`${frenchOrder('group_name')}, group_name`)
    .select('group_id as groupId', 'group_name as groupName', 'role');
}

/**
 * Checks that every group is one of the school's groups the user may address (the communication rules
 * decide, as for a message), and returns their names.
 */
export async function checkGroups(services: Pick<PluginServices, 'communication'>, userId: number, schoolId: number, groupIds: readonly number[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  if (groupIds.length === 0) return names;
  const { groups } = await services.communication.visibleRecipients(userId, { schoolId, limit: 100 });
  for (const group of groups) if (group.schoolId === schoolId) names.set(group.id, group.name);
  for (const id of groupIds) if (!names.has(id)) throw GroupNotAllowed(id);
  return names;
}

/** Replaces the thread's sharing (inside the caller's transaction). */
export async function replaceShares(trx: Knex.Transaction, threadId: number, shares: readonly { groupId: number; role: ThreadRole }[], names: Map<number, string>): Promise<void> {
  await trx('thread_shares').where({ thread_id: threadId }).delete();
  if (shares.length) {
    await trx('thread_shares').insert(shares.map((s) => ({ thread_id: threadId, group_id: s.groupId, group_name: names.get(s.groupId)!, role: s.role })));
  }
}

/** The thread as the API answers it (with its sharing for those who manage it). */
export async function toThread(db: Knex, thread: ThreadRow, role: ThreadRole): Promise<Thread> {
  return {
    id: thread.id,
    schoolId: thread.school_id,
    title: thread.title,
    commentsEnabled: thread.comments_enabled,
    role,
    ...(role === 'manage' ? { shares: await sharesOf(db, thread.id) } : {}),
  };
}
