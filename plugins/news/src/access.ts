import type { CurrentUser, PluginServices, SchoolRef } from '@preau/sdk';
import { SchoolNotAllowed } from './errors.js';

/** What a group (or a person) may do in a thread, each role including the ones before it. */
export type ThreadRole = 'read' | 'contribute' | 'publish' | 'manage';
export const ROLES: readonly ThreadRole[] = ['read', 'contribute', 'publish', 'manage'];

/** True when `role` includes `needed`. */
export function includes(role: ThreadRole | null, needed: ThreadRole): boolean {
  return role !== null && ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** The highest of these roles, or null for none. */
export function highest(roles: readonly ThreadRole[]): ThreadRole | null {
  return roles.reduce<ThreadRole | null>((best, role) => (includes(best, role) ? best : role), null);
}

/** Director or local administrator of the school, or academy administrator (of every school). */
export function isSchoolAdmin(user: CurrentUser, schoolId: number): boolean {
  return user.functions.some(
    (f) => f.function === 'academy-admin' || ((f.function === 'director' || f.function === 'local-admin') && f.schoolId === schoolId),
  );
}

/** Refuses a school that is not one of the user's schools where the app is on. */
export function requireSchool(schools: readonly SchoolRef[], schoolId: number): void {
  if (!schools.some((school) => school.id === schoolId)) throw SchoolNotAllowed();
}

/** A thread as roles are computed on it. */
export interface ThreadAccessRow {
  id: number;
  school_id: number;
  created_by: number | null;
}

/** A share of a thread with a group. */
export interface ShareRow {
  thread_id: number;
  group_id: number;
  role: ThreadRole;
}

/**
 * The user's role on each thread: `manage` for the school's administrators and the thread's creator, else the
 * highest role among the groups the thread is shared with that the user is in now. The user's groups are asked
 * of the structure service on each request, never cached: a parent added to a class reads its threads at once,
 * on every server process.
 */
export async function rolesOn(
  services: Pick<PluginServices, 'db' | 'structure'>,
  user: CurrentUser,
  threads: readonly ThreadAccessRow[],
): Promise<Map<number, ThreadRole>> {
  const roles = new Map<number, ThreadRole>();
  const pending = threads.filter((thread) => {
    if (isSchoolAdmin(user, thread.school_id) || thread.created_by === user.id) {
      roles.set(thread.id, 'manage');
      return false;
    }
    return true;
  });
  if (pending.length === 0) return roles;
  const shares = await services.db<ShareRow>('thread_shares').whereIn('thread_id', pending.map((t) => t.id)).select('thread_id', 'group_id', 'role');
  if (shares.length === 0) return roles;
  const mine = new Set(await services.structure.groupsOf(user.id));
  for (const share of shares) {
    if (!mine.has(share.group_id)) continue;
    const current = roles.get(share.thread_id) ?? null;
    if (!includes(current, share.role)) roles.set(share.thread_id, share.role);
  }
  return roles;
}

/** The schools among the user's where they may create threads. */
export function schoolsWhereCreatingThreads(
  services: Pick<PluginServices, 'rights'>,
  user: CurrentUser,
  schools: readonly SchoolRef[],
): number[] {
  return schools
    .filter((school) =>
      isSchoolAdmin(user, school.id)
      || services.rights.can(user, 'news', 'createThreads', [school.id]))
    .map((school) => school.id);
}
