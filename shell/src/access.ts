import type { WebUser } from '@preau/sdk/web';

/** True for an academy administrator (every school). */
export function isAcademyAdmin(user: WebUser): boolean {
  return user.functions.some((f) => f.function === 'academy-admin');
}

/** True when the user administers the school (the server decides; this only chooses what to show). */
export function administers(user: WebUser, schoolId: number): boolean {
  return isAcademyAdmin(user) || user.functions.some((f) => (f.function === 'director' || f.function === 'local-admin') && f.schoolId === schoolId);
}

/** Whether the header offers "Administration": administrators, and teachers (their classes and slips). */
export function seesAdministration(user: WebUser): boolean {
  return user.functions.length > 0 || user.profile === 'Teacher';
}
