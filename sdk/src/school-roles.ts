import type { CurrentUser } from './services.js';

/**
 * True when the user runs this school: its director or a local administrator, or an academy administrator.
 * They manage what belongs to the school in every app (its calendars, blogs, news, notebooks).
 */
export function administersSchool(user: Pick<CurrentUser, 'functions'>, schoolId: number): boolean {
  return user.functions.some((f) => f.function === 'academy-admin' || ((f.function === 'director' || f.function === 'local-admin') && f.schoolId === schoolId));
}
