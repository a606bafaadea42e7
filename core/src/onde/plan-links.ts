import type { FamilyMatch } from './match-families.js';
import type { SchoolSnapshot } from './school-snapshot.js';
import type { PlannedLink, PlannedPupil, PlannedRelative } from './onde-plan.js';

/**
 * The links between relatives and pupils to create (each side an existing id or a planned creation) and to
 * remove: a link goes when its pupil is in the file but the guardians file no longer names that relative.
 * Nothing is linked on either side of a conflict.
 */
export function planLinks(
  snapshot: SchoolSnapshot,
  families: FamilyMatch,
  plannedPupils: readonly PlannedPupil[],
  plannedRelatives: readonly PlannedRelative[],
  matchedPupilIds: ReadonlySet<number>,
): { linksToCreate: PlannedLink[]; linksToRemove: { relativeId: number; pupilId: number }[]; linksUnchanged: number } {
  const existingLinks = new Set(snapshot.links.map((l) => `${l.relativeId}|${l.pupilId}`));
  const wanted = new Set<string>();
  const linksToCreate: PlannedLink[] = [];
  let linksUnchanged = 0;
  for (const link of families.links) {
    const relative = plannedRelatives[link.guardian]!;
    const pupil = plannedPupils[link.pupil]!;
    if (pupil.action === 'conflict' || relative.action === 'conflict' || relative.action === 'skip') continue;
    const relativeId = relative.id;
    const pupilId = pupil.id;
    if (relativeId !== null && pupilId !== null) {
      const key = `${relativeId}|${pupilId}`;
      if (wanted.has(key)) continue;
      wanted.add(key);
      if (existingLinks.has(key)) {
        linksUnchanged += 1;
        continue;
      }
    }
    linksToCreate.push({
      relative: relativeId !== null ? { id: relativeId } : { planned: link.guardian },
      pupil: pupilId !== null ? { id: pupilId } : { planned: link.pupil },
    });
  }
  const schoolRelativeIds = new Set(snapshot.relatives.filter((r) => r.member).map((r) => r.id));
  const linksToRemove = snapshot.links.filter(
    (l) => matchedPupilIds.has(l.pupilId) && schoolRelativeIds.has(l.relativeId) && !wanted.has(`${l.relativeId}|${l.pupilId}`),
  );
  return { linksToCreate, linksToRemove, linksUnchanged };
}
