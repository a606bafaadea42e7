import type { CurrentUser } from '@preau/sdk';
import type { FastifyRequest } from 'fastify';
import { Forbidden, Unauthenticated } from '../errors.js';

/** The signed-in user of a request, or a 401. */
export function requireUser(request: FastifyRequest): CurrentUser {
  if (!request.currentUser) throw Unauthenticated();
  return request.currentUser;
}

/** True for an academy administrator (all schools). */
export function isAcademyAdmin(user: CurrentUser): boolean {
  return user.functions.some((f) => f.function === 'academy-admin');
}

/** True when the user may administer `schoolId`: academy administrator, or director or local administrator of it. */
export function administers(user: CurrentUser, schoolId: number): boolean {
  return (
    isAcademyAdmin(user) ||
    user.functions.some((f) => (f.function === 'director' || f.function === 'local-admin') && f.schoolId === schoolId)
  );
}

/** A 403 unless the user administers `schoolId`. */
export function requireSchoolAdmin(user: CurrentUser, schoolId: number): void {
  if (!administers(user, schoolId)) throw Forbidden('administrer cette école', 'administer this school');
}

/** A 403 unless the user is an academy administrator. */
export function requireAcademyAdmin(user: CurrentUser): void {
  if (!isAcademyAdmin(user)) throw Forbidden("administrer l'académie", 'administer the academy');
}
