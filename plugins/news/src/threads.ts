import { frenchOrder, type CurrentUser, type Knex, type PluginServices, type SchoolRef } from '@preau/sdk';
import { includes, rolesOn, threadRef, threadSharing, type ThreadAccessRow, type ThreadRole } from './access.js';
import { GroupNotAllowed, RoleTooLow, ThreadNotFound } from './errors.js';
import type { Thread } from './schemas.js';

export interface ThreadRow extends ThreadAccessRow {
  title: string;
  comments_enabled: boolean;
}

type Services = Pick<PluginServices, 'db' | 'sharing'>;

/**
 * The threads of the user's schools that they have a role on, by school then title: the threads, then their
 * roles in one query of the sharing service (the home widget asks this on every home page).
 */
export async function threadsOf(services: Services, user: CurrentUser, schools: readonly SchoolRef[]): Promise<{ thread: ThreadRow; role: ThreadRole }[]> {
  if (schools.length === 0) return [];
  const rows: ThreadRow[] = await services.db('threads as t')
    .whereIn('t.school_id', schools.map((s) => s.id))
    .orderByRaw(`t.school_id, ${frenchOrder('t.title')}, t.title, t.id`)
    .select('t.id', 't.school_id', 't.created_by', 't.title', 't.comments_enabled');
  const roles = await rolesOn(services, user, rows);
  return rows.flatMap((thread) => {
    const role = roles.get(thread.id);
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

/** The thread's grants to groups, by group name (those to people are seen in the share dialog). */
export async function sharesOf(services: Pick<PluginServices, 'sharing'>, threadId: number): Promise<NonNullable<Thread['shares']>> {
  const { grants } = await threadSharing(services).listGrants(threadRef(threadId));
  const collator = new Intl.Collator('fr', { sensitivity: 'base' });
  return grants
    .flatMap((grant) => (grant.grantee.kind === 'group' ? [{ groupId: grant.grantee.id, groupName: grant.grantee.name, role: grant.role }] : []))
    .sort((a, b) => collator.compare(a.groupName, b.groupName) || a.groupId - b.groupId);
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

/**
 * Replaces the thread's grants to groups with `shares` (inside the caller's transaction); its grants to
 * people, made in the share dialog, stay. The groups were checked by `checkGroups` (the app's own rule, the
 * school's groups the user may address): the grants are the plugin's (`by: null`), and nobody is told.
 */
export async function replaceGroupShares(services: Pick<PluginServices, 'sharing'>, trx: Knex.Transaction, threadId: number, shares: readonly { groupId: number; role: ThreadRole }[]): Promise<void> {
  const sharing = threadSharing(services);
  const resource = threadRef(threadId);
  const wanted = new Set(shares.map((share) => share.groupId));
  const before = await sharing.listGrants(resource, { transaction: trx });
  for (const grant of before.grants) {
    if (grant.grantee.kind === 'group' && !grant.inheritedFrom && !wanted.has(grant.grantee.id)) {
      await sharing.revoke(resource, { group: grant.grantee.id }, { by: null, transaction: trx });
    }
  }
  for (const role of new Set(shares.map((share) => share.role))) {
    const groups = shares.filter((share) => share.role === role).map((share) => share.groupId);
    await sharing.grant(resource, { role, groups }, { by: null, notify: false, transaction: trx });
  }
}

/** The thread as the API answers it (with its grants to groups for those who manage it). */
export async function toThread(services: Pick<PluginServices, 'sharing'>, thread: ThreadRow, role: ThreadRole): Promise<Thread> {
  return {
    id: thread.id,
    schoolId: thread.school_id,
    title: thread.title,
    commentsEnabled: thread.comments_enabled,
    role,
    ...(role === 'manage' ? { shares: await sharesOf(services, thread.id) } : {}),
  };
}
