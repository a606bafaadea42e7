import type { FamilyMatch } from './match-families.js';
import type { ImportProblem } from './onde-table.js';
import type { ExistingRelative, SchoolSnapshot } from './school-snapshot.js';
import type { OndePlan, PlannedRelative, TransferRequest } from './onde-plan.js';
import { changedFields, guardianFields, personKey } from './planned-people.js';
import type { PupilsPlan } from './plan-pupils.js';

const RELATIVE_ELSEWHERE = "ce responsable est déjà inscrit dans une autre école : son rattachement doit être validé par l'administrateur académique. Il n'est pas rattaché ; la demande lui a été transmise.";

/**
 * Matches the file's guardians by name and a shared child, else (members of this school only) by name and
 * email. A relative of another school is matched only through a child legitimately matched here, attached
 * only once approved (their own request, or a child's approved transfer), and never renamed.
 */
export function planRelatives(
  snapshot: SchoolSnapshot,
  families: FamilyMatch,
  pupils: Pick<PupilsPlan, 'plannedPupils' | 'pupilIdOfIndex'>,
  out: { problems: ImportProblem[]; transferRequests: TransferRequest[]; completedTransfers: OndePlan['completedTransfers'] },
): { plannedRelatives: PlannedRelative[]; matchedRelativeIds: Set<number> } {
  const { problems, transferRequests, completedTransfers } = out;
  const { plannedPupils, pupilIdOfIndex } = pupils;
  const transferredPupilIds = new Set(plannedPupils.filter((p) => p.transfer).map((p) => p.id!));
  const relativesByName = new Map<string, ExistingRelative[]>();
  for (const relative of snapshot.relatives) {
    const key = personKey(relative.lastName, relative.firstName);
    relativesByName.set(key, [...(relativesByName.get(key) ?? []), relative]);
  }
  const childrenOf = new Map<number, number[]>();
  for (const link of families.links) childrenOf.set(link.guardian, [...(childrenOf.get(link.guardian) ?? []), link.pupil]);
  const matchedRelativeIds = new Set<number>();
  const plannedRelatives: PlannedRelative[] = families.guardians.map((guardian, index) => {
    const fields = guardianFields(guardian);
    const children = childrenOf.get(index) ?? [];
    if (children.every((p) => plannedPupils[p]!.action === 'conflict')) {
      const line = guardian.lines[0]!;
      problems.push({ file: 'guardians', line, code: 'GUARDIAN_WITHOUT_PUPIL', message: `Ligne ${line} : aucun enfant de ${guardian.firstName} ${guardian.lastName} n'est importé ; ce responsable ne l'est pas non plus.` });
      return { action: 'skip', id: null, fields, changes: [], join: false, lines: guardian.lines };
    }
    const childIds = new Set(children.map((p) => pupilIdOfIndex[p]).filter((id): id is number => id !== null));
    const sameName = (relativesByName.get(personKey(guardian.lastName, guardian.firstName)) ?? []).filter((r) => !matchedRelativeIds.has(r.id));
    // Ours: a current member, or one who left us and belongs to no other school.
    const ours = (r: ExistingRelative) => r.member && !(r.left && r.activeElsewhere);
    const existing =
      sameName.find((r) => r.childIds.some((id) => childIds.has(id))) ??
      (guardian.email ? sameName.find((r) => ours(r) && r.email?.toLowerCase() === guardian.email!.toLowerCase()) : undefined);
    if (!existing) return { action: 'create', id: null, fields, changes: [], join: true, lines: guardian.lines };
    matchedRelativeIds.add(existing.id);
    const current = existing.member && !existing.left;
    // The academy's approval of a child's transfer brings the parents who come with the child.
    const approved = existing.transferApproved || existing.childIds.some((id) => transferredPupilIds.has(id));
    if (!current && existing.activeElsewhere && !approved) {
      if (!existing.transferRequested) transferRequests.push({ personId: existing.id, fields });
      const line = guardian.lines[0]!;
      problems.push({ file: 'guardians', line, code: 'RELATIVE_ENROLLED_ELSEWHERE', message: `Ligne ${line} (${guardian.lastName} ${guardian.firstName}) : ${RELATIVE_ELSEWHERE}` });
      return { action: 'conflict', id: existing.id, fields, changes: [], join: false, lines: guardian.lines };
    }
    if (!current && existing.activeElsewhere) completedTransfers.push({ personId: existing.id, leavesOtherSchools: false });
    // A parent who also belongs to another school keeps the civil fields that school knows.
    const changes = existing.activeElsewhere ? [] : changedFields(fields, existing, 'relative');
    const join = !existing.member || existing.left;
    return { action: changes.length || join ? 'update' : 'unchanged', id: existing.id, fields, changes, join, lines: guardian.lines } satisfies PlannedRelative;
  });

  return { plannedRelatives, matchedRelativeIds };
}
