import type { OndePupil } from './read-pupils.js';
import type { MatchedGuardian } from './match-families.js';
import { normalizeKey } from './onde-table.js';
import type { ExistingPupil, ExistingRelative } from './school-snapshot.js';
import type { PersonFields } from './onde-plan.js';

/** How people of the file and of the school are compared by name: case, accents and spacing aside. */
export const personKey = (lastName: string | null, firstName: string | null) => `${normalizeKey(lastName ?? '')}|${normalizeKey(firstName ?? '')}`;

/** A pupil's civil fields as the file gives them. */
export function pupilFields(pupil: OndePupil): PersonFields {
  return {
    firstName: pupil.firstName,
    lastName: pupil.lastName,
    birthDate: pupil.birthDate,
    ine: pupil.ine,
    civility: null,
    address: pupil.address,
    email: null,
    mobile: null,
    photoAuthorised: pupil.photoAuthorised,
  };
}

/** A guardian's civil fields as the file gives them. */
export function guardianFields(guardian: MatchedGuardian): PersonFields {
  return {
    firstName: guardian.firstName,
    lastName: guardian.lastName,
    birthDate: null,
    ine: null,
    civility: guardian.civility,
    address: guardian.address,
    email: guardian.email,
    mobile: guardian.mobile,
    photoAuthorised: null,
  };
}

/** The fields that differ; never email, mobile, password or activation state (the person's own choices). */
export function changedFields(fields: PersonFields, existing: ExistingPupil | ExistingRelative, kind: 'pupil' | 'relative'): string[] {
  const changes: string[] = [];
  if (fields.firstName !== existing.firstName) changes.push('prénom');
  if (fields.lastName !== existing.lastName) changes.push('nom');
  if (fields.address !== existing.address) changes.push('adresse');
  if (kind === 'pupil') {
    const pupil = existing as ExistingPupil;
    if (fields.birthDate !== pupil.birthDate) changes.push('date de naissance');
    if (fields.ine !== null && fields.ine !== pupil.ine) changes.push('INE');
    if (fields.photoAuthorised !== null && fields.photoAuthorised !== pupil.photoAuthorised) changes.push('autorisation photo');
  } else if (fields.civility !== (existing as ExistingRelative).civility) {
    changes.push('civilité');
  }
  return changes;
}
