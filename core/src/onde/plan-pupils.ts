import type { OndePupil } from './read-pupils.js';
import type { ImportProblem } from './onde-table.js';
import { classKey, type ExistingPupil, type SchoolSnapshot } from './school-snapshot.js';
import type { OndePlan, PlannedPupil, TransferRequest } from './onde-plan.js';
import { changedFields, personKey, pupilFields } from './planned-people.js';

// What the preview says of a line it may not import. It names nothing of the other school or person: the
// director learns only that the transfer is for the academy administrator to validate.
const ENROLLED_ELSEWHERE = "cet INE correspond à un élève inscrit dans une autre école : le transfert doit être validé par l'administrateur académique. L'élève n'est pas importé ; la demande lui a été transmise.";
const INE_MISMATCH = "l'INE ne correspond pas à la date de naissance indiquée : vérifiez cette ligne dans ONDE. L'élève n'est pas importé.";

/** The pupils' part of a plan, and what the relatives' and links' parts need of it. */
export interface PupilsPlan {
  plannedPupils: PlannedPupil[];
  /** For each line of the file, the existing pupil it matched (null: created, or a conflict). */
  pupilIdOfIndex: (number | null)[];
  matchedPupilIds: Set<number>;
  detachedPupils: OndePlan['detachedPupils'];
}

/**
 * Matches the file's pupils by INE (in any school: one account follows a pupil), else by name and birth date
 * in this school. A current member of another school is a `conflict` and a transfer request until an academy
 * administrator approves; one who left their school moves here, provided the birth date agrees.
 */
export function planPupils(
  snapshot: SchoolSnapshot,
  pupils: readonly OndePupil[],
  out: { problems: ImportProblem[]; transferRequests: TransferRequest[]; completedTransfers: OndePlan['completedTransfers'] },
): PupilsPlan {
  const { problems, transferRequests, completedTransfers } = out;
  const byIne = new Map<string, ExistingPupil>();
  const byNameAndBirth = new Map<string, ExistingPupil[]>();
  for (const pupil of snapshot.pupils) {
    if (pupil.ine) byIne.set(pupil.ine, pupil);
    if (!pupil.member) continue;
    const key = `${personKey(pupil.lastName, pupil.firstName)}|${pupil.birthDate ?? ''}`;
    byNameAndBirth.set(key, [...(byNameAndBirth.get(key) ?? []), pupil]);
  }
  const matchedPupilIds = new Set<number>();
  const pupilIdOfIndex: (number | null)[] = [];
  const plannedPupils: PlannedPupil[] = pupils.map((pupil, index) => {
    const fields = pupilFields(pupil);
    const key = classKey(pupil.classId, pupil.classLabel);
    let existing = pupil.ine ? byIne.get(pupil.ine) : undefined;
    if (!existing) {
      const candidates = (byNameAndBirth.get(`${personKey(pupil.lastName, pupil.firstName)}|${pupil.birthDate ?? ''}`) ?? [])
        .filter((c) => !matchedPupilIds.has(c.id) && (!pupil.ine || !c.ine || c.ine === pupil.ine));
      if (candidates.length > 1) {
        problems.push({ file: 'pupils', line: pupil.line, code: 'PUPIL_AMBIGUOUS', message: `Plusieurs élèves de l'école s'appellent ${pupil.lastName} ${pupil.firstName} et sont nés le même jour : le premier est retenu.` });
      }
      existing = candidates[0];
    }
    if (existing && matchedPupilIds.has(existing.id)) existing = undefined;
    pupilIdOfIndex[index] = null;
    // A file that does not say (a Base élèves export) keeps the photo authorisation an earlier one gave.
    if (existing && fields.photoAuthorised === null) fields.photoAuthorised = existing.photoAuthorised;
    const planned = { fields, classKey: key, line: pupil.line, outside: false, transfer: false };
    if (!existing) return { ...planned, action: 'create', id: null, changes: [], fromClass: null, join: true };
    const current = existing.member && !existing.left;
    const conflict = (code: string, message: string): PlannedPupil => {
      problems.push({ file: 'pupils', line: pupil.line, code, message: `Ligne ${pupil.line} (${pupil.lastName} ${pupil.firstName}) : ${message}` });
      return { ...planned, action: 'conflict', id: null, changes: [], fromClass: null, join: false };
    };
    if (!current && existing.activeElsewhere && !existing.transferApproved) {
      if (!existing.transferRequested) transferRequests.push({ personId: existing.id, fields });
      return conflict('PUPIL_ENROLLED_ELSEWHERE', ENROLLED_ELSEWHERE);
    }
    // An INE is a national identifier, but a typing error in ONDE must not hand one child's account to another.
    if (!existing.member && pupil.birthDate !== null && existing.birthDate !== null && pupil.birthDate !== existing.birthDate) {
      return conflict('PUPIL_INE_MISMATCH', INE_MISMATCH);
    }
    pupilIdOfIndex[index] = existing.id;
    matchedPupilIds.add(existing.id);
    const transfer = !current && existing.activeElsewhere;
    if (transfer) completedTransfers.push({ personId: existing.id, leavesOtherSchools: true });
    // A pupil still at another school (a double enrolment) keeps the civil fields that school knows.
    const changes = existing.activeElsewhere && !transfer ? [] : changedFields(fields, existing, 'pupil');
    const join = !existing.member || existing.left;
    const moved = join || existing.latestClassKey !== key;
    return {
      ...planned,
      action: moved ? 'move' : changes.length ? 'update' : 'unchanged',
      id: existing.id,
      changes,
      fromClass: moved ? (current ? existing.latestClassLabel : null) : null,
      join,
      outside: !existing.member,
      transfer,
    } satisfies PlannedPupil;
  });
  const detachedPupils = snapshot.pupils
    .filter((p) => p.member && !p.left && !matchedPupilIds.has(p.id))
    .map((p) => ({ id: p.id, displayName: p.displayName, classLabel: p.latestClassLabel }));

  return { plannedPupils, pupilIdOfIndex, matchedPupilIds, detachedPupils };
}
