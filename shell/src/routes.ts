/** The tabs of a school's administration page, each its own path (`/admin/schools/12/users`). */
export const SCHOOL_TABS = ['classes', 'users', 'import', 'groups', 'communication', 'apps', 'audit'] as const;
export type SchoolTab = (typeof SCHOOL_TABS)[number];

/** A page of the shell, read from the path. */
export type Route =
  | { page: 'home' }
  | { page: 'app'; app: string; rest: string }
  | { page: 'account' }
  | { page: 'directory' }
  | { page: 'styleguide' }
  | { page: 'person'; userId: number }
  | { page: 'admin' }
  | { page: 'school'; schoolId: number; tab: SchoolTab }
  | { page: 'class'; schoolId: number; classId: number }
  | { page: 'setup' }
  | { page: 'activate' }
  | { page: 'password-forgotten' }
  | { page: 'login-forgotten' }
  | { page: 'password-reset' }
  | { page: 'email-confirm' }
  | { page: 'not-found' };

/** Pages for people who are not signed in: a signed-in visitor is sent home. */
export const SIGNED_OUT_PAGES = new Set<Route['page']>(['activate', 'password-forgotten', 'login-forgotten']);

const SIMPLE: Record<string, Route> = {
  '/': { page: 'home' },
  '/account': { page: 'account' },
  '/directory': { page: 'directory' },
  '/styleguide': { page: 'styleguide' },
  '/admin': { page: 'admin' },
  '/setup': { page: 'setup' },
  '/activate': { page: 'activate' },
  '/password-forgotten': { page: 'password-forgotten' },
  '/login-forgotten': { page: 'login-forgotten' },
  '/password-reset': { page: 'password-reset' },
  '/email-confirm': { page: 'email-confirm' },
};

/** The page for a path (`location.pathname`). */
export function parseRoute(path: string): Route {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const simple = SIMPLE[trimmed];
  if (simple) return simple;
  const app = /^\/apps\/([a-z][a-z0-9-]*)(\/.*)?$/.exec(path);
  if (app) return { page: 'app', app: app[1]!, rest: app[2] ?? '' };
  const person = /^\/directory\/people\/(\d+)$/.exec(trimmed);
  if (person) return { page: 'person', userId: Number(person[1]) };
  const classPage = /^\/admin\/schools\/(\d+)\/classes\/(\d+)$/.exec(trimmed);
  if (classPage) return { page: 'class', schoolId: Number(classPage[1]), classId: Number(classPage[2]) };
  const school = /^\/admin\/schools\/(\d+)(?:\/([a-z]+))?$/.exec(trimmed);
  if (school) {
    const tab = (school[2] ?? 'classes') as SchoolTab;
    if (SCHOOL_TABS.includes(tab)) return { page: 'school', schoolId: Number(school[1]), tab };
  }
  return { page: 'not-found' };
}

/** The path of a school's administration tab. */
export function schoolPath(schoolId: number, tab: SchoolTab = 'classes'): string {
  return tab === 'classes' ? `/admin/schools/${schoolId}` : `/admin/schools/${schoolId}/${tab}`;
}

/** The path of a class page. */
export function classPath(schoolId: number, classId: number): string {
  return `/admin/schools/${schoolId}/classes/${classId}`;
}

/** The path of a person's card in the address book. */
export function personPath(userId: number): string {
  return `/directory/people/${userId}`;
}
