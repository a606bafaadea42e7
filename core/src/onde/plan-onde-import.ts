import type { OndePupil } from './read-pupils.js';
import type { FamilyMatch } from './match-families.js';
import type { ImportProblem } from './onde-table.js';
import type { SchoolSnapshot } from './school-snapshot.js';
import type { ImportSummary, OndePlan, TransferRequest } from './onde-plan.js';
import { planClasses } from './plan-classes.js';
import { planPupils } from './plan-pupils.js';
import { planRelatives } from './plan-relatives.js';
import { planLinks } from './plan-links.js';

export type { ImportSummary, OndePlan, PersonFields, PlannedClass, PlannedLink, PlannedPupil, PlannedRelative, TransferRequest } from './onde-plan.js';

/**
 * Compares the files with the school and decides every change, without writing. Pupils are matched by INE
 * (in any school: one account follows a pupil), else by name and birth date in this school; relatives by
 * name and a shared child, else (members of this school only) by name and email.
 *
 * Nobody who is a current member of another school is attached, moved or renamed: such a pupil is a
 * `conflict` (a transfer request for an academy administrator) until approved, and a relative of another
 * school is matched only through a child legitimately matched here, attached only once approved (their own
 * request, or a child's approved transfer), and never renamed. A pupil found elsewhere by INE who is no one's
 * pupil any more (they left their school) moves here as before, provided the birth date agrees.
 */
export function planOndeImport(
  snapshot: SchoolSnapshot,
  files: { pupils: readonly OndePupil[]; families: FamilyMatch; problems: readonly ImportProblem[] },
): OndePlan {
  const problems: ImportProblem[] = [...files.problems];
  const classes = planClasses(files.pupils, snapshot);
  const transferRequests: TransferRequest[] = [];
  const completedTransfers: OndePlan['completedTransfers'] = [];
  // Each part adds its problems and requests in the order of the files: pupils first, then guardians.
  const out = { problems, transferRequests, completedTransfers };
  const { plannedPupils, pupilIdOfIndex, matchedPupilIds, detachedPupils } = planPupils(snapshot, files.pupils, out);
  const { plannedRelatives, matchedRelativeIds } = planRelatives(snapshot, files.families, { plannedPupils, pupilIdOfIndex }, out);
  const { linksToCreate, linksToRemove, linksUnchanged } = planLinks(snapshot, files.families, plannedPupils, plannedRelatives, matchedPupilIds);
  // Relatives not in the file none of whose children stays in the school leave it with them.
  const detachedRelatives = snapshot.relatives
    .filter((r) => r.member && !r.left && !matchedRelativeIds.has(r.id) && !r.childIds.some((id) => matchedPupilIds.has(id)))
    .map((r) => ({ id: r.id, displayName: r.displayName }));

  const count = <T extends { action: string }>(items: readonly T[], action: T['action']) => items.filter((i) => i.action === action).length;
  const summary: ImportSummary = {
    classes: { created: count(classes, 'create'), updated: count(classes, 'update'), unchanged: count(classes, 'unchanged') },
    pupils: {
      created: count(plannedPupils, 'create'),
      updated: count(plannedPupils, 'update'),
      moved: count(plannedPupils, 'move'),
      detached: detachedPupils.length,
      unchanged: count(plannedPupils, 'unchanged'),
    },
    relatives: { created: count(plannedRelatives, 'create'), updated: count(plannedRelatives, 'update'), unchanged: count(plannedRelatives, 'unchanged') },
    links: { created: linksToCreate.length, removed: linksToRemove.length, unchanged: linksUnchanged },
    problems,
  };
  const unchanged =
    summary.classes.created + summary.classes.updated === 0 &&
    summary.pupils.created + summary.pupils.updated + summary.pupils.moved + summary.pupils.detached === 0 &&
    summary.relatives.created + summary.relatives.updated === 0 &&
    summary.links.created + summary.links.removed === 0 &&
    detachedRelatives.length === 0 &&
    transferRequests.length === 0;
  return {
    summary,
    classes,
    pupils: plannedPupils,
    detachedPupils,
    relatives: plannedRelatives,
    detachedRelatives,
    linksToCreate,
    linksToRemove,
    transferRequests,
    completedTransfers,
    unchanged,
  };
}

