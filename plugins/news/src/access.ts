import { roleIncludes, sharingWithRoles, type CurrentUser, type PluginServices, type SchoolRef, type ShareRoleDeclaration, type SharingService } from '@preau/sdk';
import { SchoolNotAllowed } from './errors.js';

/** What a person or a group may do in a thread, each role including the ones before it. */
export type ThreadRole = 'read' | 'contribute' | 'publish' | 'manage';

/**
 * A thread's roles as the core's sharing service keeps them (`sharing.thread.roles` in the manifest), and as
 * the share dialog offers them. `publish` (validating the queue, headlines, moderating comments) has no
 * equivalent among the default roles, hence a list of the app's own.
 */
export const THREAD_ROLES: readonly ShareRoleDeclaration<ThreadRole>[] = [
  { name: 'read', label: { fr: 'Lecture', en: 'Read' }, description: { fr: 'lire les actualités et les commenter', en: 'read the news and comment on them' } },
  { name: 'contribute', label: { fr: 'Contribution', en: 'Contribute' }, description: { fr: 'lire, et proposer des actualités', en: 'read, and submit news items' } },
  {
    name: 'publish',
    label: { fr: 'Publication', en: 'Publish' },
    description: { fr: 'valider et publier les actualités, les mettre à la une, modérer les commentaires', en: 'validate and publish items, pin headlines, moderate comments' },
  },
  { name: 'manage', label: { fr: 'Gestion', en: 'Manage' }, description: { fr: 'tout, y compris renommer le fil, le partager et le supprimer', en: 'everything, including renaming, sharing and deleting the thread' } },
];
export const ROLES: readonly ThreadRole[] = THREAD_ROLES.map((role) => role.name);

/** The app's sharing service, with the thread's role names. */
export function threadSharing(services: Pick<PluginServices, 'sharing'>): SharingService<ThreadRole> {
  return sharingWithRoles(services.sharing, THREAD_ROLES);
}

/** A thread as the sharing service knows it. */
export const threadRef = (id: number) => ({ type: 'thread', id });

/** True when `role` includes `needed`. */
export function includes(role: ThreadRole | null, needed: ThreadRole): boolean {
  return roleIncludes(role, needed, ROLES);
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

/**
 * The user's role on each thread, in one query of the sharing service: `manage` for the thread's creator (its
 * owner) and the school's administrators (the type's implicit managers), else the strongest role granted to
 * them or to a group they are in now (the groups are the core's live ones: a parent added to a class reads its
 * threads at once, on every server process).
 */
export async function rolesOn(
  services: Pick<PluginServices, 'sharing'>,
  user: CurrentUser,
  threads: readonly ThreadAccessRow[],
): Promise<Map<number, ThreadRole>> {
  const readable = await threadSharing(services).filterReadable(user.id, threads.map((thread) => ({ ...threadRef(thread.id), thread: thread.id })));
  return new Map(readable.map(({ thread, role }) => [thread, role === 'owner' ? 'manage' : role]));
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
