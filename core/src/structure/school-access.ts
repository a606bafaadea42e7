import type { Knex } from 'knex';
import type { CurrentUser } from '@preau/sdk';
import { administers } from '../identity/access.js';
import { ClassNotFound, Forbidden, SchoolNotFound, UserNotFound } from '../errors.js';

/** A 404 for a school that does not exist, so that ids cannot be probed through 403s. */
export async function requireSchool(knex: Knex, schoolId: number): Promise<{ id: number; uai: string; name: string; city: string | null }> {
  const school = await knex('core.schools').where({ id: schoolId }).first('id', 'uai', 'name', 'city');
  if (!school) throw SchoolNotFound(String(schoolId));
  return school;
}

/** True for a teacher who is a current member of the school. */
function teachesIn(user: CurrentUser, schoolId: number): boolean {
  return user.profile === 'Teacher' && user.schools.some((s) => s.id === schoolId);
}

/** Administrators of the school, or its teachers (who see classes and print their own slips). */
export function requireSchoolStaff(user: CurrentUser, schoolId: number): void {
  if (!administers(user, schoolId) && !teachesIn(user, schoolId)) throw Forbidden('consulter cette école', 'view this school');
}

/** The class, which must belong to the school; teachers must teach it, administrators may act on any. */
export async function requireClassAccess(
  knex: Knex,
  user: CurrentUser,
  schoolId: number,
  classId: number,
): Promise<{ id: number; label: string; levels: string[]; start_year: number }> {
  const found = await knex('core.classes').where({ id: classId, school_id: schoolId }).first('id', 'label', 'levels', 'start_year');
  if (!found) throw ClassNotFound();
  if (administers(user, schoolId)) return found;
  const teaches = teachesIn(user, schoolId) && (await knex('core.class_members').where({ class_id: classId, user_id: user.id }).first('user_id'));
  if (!teaches) throw Forbidden('gérer cette classe', 'manage this class');
  return found;
}

/**
 * A current member of the school; a 404 otherwise. Someone who left is unknown here, as if they had never come:
 * the school's administrators keep no power over them (they see them only in the retention report).
 */
export async function requireSchoolMember(knex: Knex, schoolId: number, userId: number): Promise<{ id: number; login: string; profile: string; state: string }> {
  const found = await knex('core.users as u')
    .join('core.memberships as m', 'm.user_id', 'u.id')
    .where({ 'm.school_id': schoolId, 'u.id': userId })
    .whereNull('m.left_at')
    .first('u.id', 'u.login', 'u.profile', 'u.state');
  if (!found) throw UserNotFound();
  return found;
}

/**
 * May this staff member act on this person (re-issue a code, print a slip)? Administrators: anyone of the
 * school. Teachers: the pupils of their classes of this school year and those pupils' relatives.
 */
export async function mayActOnPerson(knex: Knex, user: CurrentUser, schoolId: number, personId: number, startYear: number): Promise<boolean> {
  if (administers(user, schoolId)) return true;
  if (!teachesIn(user, schoolId)) return false;
  const { rows } = await knex.raw<{ rows: unknown[] }>(
    `select 1 from core.class_members mine
       join core.classes c on c.id = mine.class_id and c.school_id = :school and c.start_year = :year
       join core.class_members theirs on theirs.class_id = c.id
      where mine.user_id = :me
        and (theirs.user_id = :person
             or exists (select 1 from core.relative_links rl where rl.pupil_id = theirs.user_id and rl.relative_id = :person))
      limit 1`,
    { school: schoolId, year: startYear, me: user.id, person: personId },
  );
  return rows.length > 0;
}
