import type { RouteEntry } from '@preau/core';
import type { Profile } from '@preau/sdk';
import type { Caller, CallerRole, World } from './world.js';

/**
 * Whether a caller may get a 2xx from a route called with school A's things in its path, derived from the
 * platform's rules without a per-route oracle. `false` comes with the rule that forbids it; `true` only means
 * "not forbidden by these rules" (the route's own finer checks are its tests' business).
 */
export type Verdict = { mayAct: true } | { mayAct: false; rule: string };

const PROFILE_OF: Record<CallerRole, Profile> = {
  pupil: 'Student', parent: 'Relative', otherFamilyParent: 'Relative', otherClassParent: 'Relative',
  teacher: 'Teacher', otherTeacher: 'Teacher', director: 'Teacher', localAdmin: 'Personnel',
};
const ADMINS: readonly CallerRole[] = ['director', 'localAdmin'];

// The academy administrator's routes: no one of a school holds them.
const ACADEMY_ONLY = new Set(['GET /api/core/plugins', 'GET /api/core/notification-defaults', 'PUT /api/core/notification-defaults', 'POST /api/core/schools',
  'GET /api/core/storage/profile-quotas', 'PUT /api/core/storage/profile-quotas']);

// What a school's teachers do in its administration (school-access.ts: requireSchoolStaff, requireClassAccess,
// mayActOnPerson): see classes and groups, print their class's slips, give a code to one of their families.
// Everything else under /api/core/schools/:schoolId/ is for the school's director and local administrators.
const STAFF_ROUTES = new Set([
  'GET /api/core/schools/:schoolId/classes',
  'GET /api/core/schools/:schoolId/classes/:classId/members',
  'GET /api/core/schools/:schoolId/groups',
  'GET /api/core/schools/:schoolId/groups/:groupId/members',
  'POST /api/core/schools/:schoolId/classes/:classId/activation-slips',
  'POST /api/core/schools/:schoolId/classes/:classId/activation-slips/print',
  'POST /api/core/schools/:schoolId/users/:userId/activation-code',
]);

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The profiles a plugin's declared right goes to by default (no school of the world changes them). */
export type RightDefaults = (plugin: string, right: string) => readonly Profile[];

export function mayAct(route: RouteEntry, caller: Caller, namedKinds: readonly string[], world: World, rightDefaults: RightDefaults): Verdict {
  const key = `${route.method} ${route.url}`;
  if (!caller.role) return route.public ? { mayAct: true } : { mayAct: false, rule: 'only routes declared public answer anonymous callers' };
  const role = caller.role;
  if (ACADEMY_ONLY.has(key)) return { mayAct: false, rule: "academy administrators' route" };
  if (route.plugin && route.right && !rightDefaults(route.plugin, route.right).includes(PROFILE_OF[role])) {
    return { mayAct: false, rule: `the route asks for the right "${route.right}", which ${PROFILE_OF[role]} does not hold` };
  }
  for (const kind of namedKinds) {
    const resource = world.resources[kind]!;
    if (resource.audience === 'everyone') continue;
    if (caller.school === 'B' && !resource.outsiders?.includes(role)) return { mayAct: false, rule: `the path names school A's ${kind}` };
    if (caller.school === 'A' && !resource.audience.includes(role)) return { mayAct: false, rule: `${role} is not among those who may act on the ${kind}` };
  }
  if (caller.school === 'A' && route.url.startsWith('/api/core/schools/:schoolId/') && !ADMINS.includes(role)) {
    if (PROFILE_OF[role] !== 'Teacher' || !STAFF_ROUTES.has(key)) return { mayAct: false, rule: "school administration beyond the teachers' part" };
  }
  if (route.url.startsWith('/api/core/gateways') && !(caller.school === 'A' && ADMINS.includes(role))) {
    return { mayAct: false, rule: "gateways of school A are its administrators' (the body names school A)" };
  }
  // A plugin's write on a school that declares no right is for the school's administrators (messaging's settings).
  if (route.plugin && WRITES.has(route.method) && !route.right && /\/schools\/:/.test(route.url) && !(caller.school === 'A' && ADMINS.includes(role))) {
    return { mayAct: false, rule: "a school's setting in an app, for its administrators" };
  }
  return { mayAct: true };
}
