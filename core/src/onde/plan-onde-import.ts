import type { OndePupil } from './read-pupils.js';
import { ONDE_LEVELS } from './read-pupils.js';
import type { FamilyMatch, MatchedGuardian } from './match-families.js';
import type { ImportProblem } from './onde-table.js';
import { normalizeKey } from './onde-table.js';
import { classKey, type ExistingPupil, type ExistingRelative, type SchoolSnapshot } from './school-snapshot.js';

/** The counts an import reports (the CLI's `--json` output, the preview's summary). */
export interface ImportSummary {
  classes: { created: number; updated: number; unchanged: number };
  pupils: { created: number; updated: number; moved: number; detached: number; unchanged: number };
  relatives: { created: number; updated: number; unchanged: number };
  links: { created: number; removed: number; unchanged: number };
  problems: ImportProblem[];
}

/** A class of the file and what the import does with it. */
export interface PlannedClass {
  key: string;
  ondeId: string | null;
  label: string;
  levels: string[];
  pupils: number;
  action: 'create' | 'update' | 'unchanged';
  /** The existing class this year, when there is one. */
  id: number | null;
}

/** A person's civil fields as the import writes them. */
export interface PersonFields {
  firstName: string;
  lastName: string;
  birthDate: string | null;
  ine: string | null;
  civility: 'M.' | 'Mme' | null;
  address: string | null;
  email: string | null;
  mobile: string | null;
  /** A pupil's photo authorisation (droit à l'image) as the file says; null for relatives and when it does not say. */
  photoAuthorised: boolean | null;
}

/**
 * A pupil of the file and what the import does with them. `conflict`: the line names a pupil who is a
 * current member of another school (or an INE that belongs to someone else): nothing is written for them.
 */
export interface PlannedPupil {
  action: 'create' | 'update' | 'move' | 'unchanged' | 'conflict';
  id: number | null;
  fields: PersonFields;
  classKey: string;
  /** Fields that change, for the preview. */
  changes: string[];
  /** Where they were, for a move. */
  fromClass: string | null;
  /** A membership of the school must be created or re-opened. */
  join: boolean;
  /** Matched outside the school's current members: the preview keeps what it knows of them to itself. */
  outside: boolean;
  /** An approved transfer: the pupil's memberships of other schools end as they join this one. */
  transfer: boolean;
  line: number;
}

/**
 * A relative of the file and what the import does with them. `conflict`: a current member of another school
 * (matched through a child who changed schools) whom this import may not attach; `skip`: none of their
 * children is imported.
 */
export interface PlannedRelative {
  action: 'create' | 'update' | 'unchanged' | 'conflict' | 'skip';
  id: number | null;
  fields: PersonFields;
  changes: string[];
  join: boolean;
  lines: number[];
}

/** A person this import may not take in without an academy administrator's approval. */
export interface TransferRequest {
  personId: number;
  fields: PersonFields;
}

/** A link to create: each side is an existing id or the index of a planned creation. */
export interface PlannedLink {
  relative: { id: number } | { planned: number };
  pupil: { id: number } | { planned: number };
}

/** Everything an ONDE import would do to a school, computed without writing. */
export interface OndePlan {
  summary: ImportSummary;
  classes: PlannedClass[];
  pupils: PlannedPupil[];
  detachedPupils: { id: number; displayName: string; classLabel: string | null }[];
  relatives: PlannedRelative[];
  detachedRelatives: { id: number; displayName: string }[];
  linksToCreate: PlannedLink[];
  linksToRemove: { relativeId: number; pupilId: number }[];
  /** People of other schools the file names, left alone until an academy administrator approves (new requests only). */
  transferRequests: TransferRequest[];
  /** Approved transfers this import carries out; a pupil's other schools end, a parent's stay. */
  completedTransfers: { personId: number; leavesOtherSchools: boolean }[];
  /** True when applying would change nothing. */
  unchanged: boolean;
}

const LEVEL_ORDER = new Map<string, number>(ONDE_LEVELS.map((level, index) => [level, index]));

const personKey = (lastName: string | null, firstName: string | null) => `${normalizeKey(lastName ?? '')}|${normalizeKey(firstName ?? '')}`;

function pupilFields(pupil: OndePupil): PersonFields {
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

function guardianFields(guardian: MatchedGuardian): PersonFields {
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
function changedFields(fields: PersonFields, existing: ExistingPupil | ExistingRelative, kind: 'pupil' | 'relative'): string[] {
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

function planClasses(pupils: readonly OndePupil[], snapshot: SchoolSnapshot): PlannedClass[] {
  const byKey = new Map<string, { ondeId: string | null; label: string; levels: Set<string>; pupils: number }>();
  for (const pupil of pupils) {
    const key = classKey(pupil.classId, pupil.classLabel);
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { ondeId: pupil.classId, label: pupil.classLabel, levels: new Set(), pupils: 0 }));
    if (pupil.level) entry.levels.add(pupil.level);
    entry.pupils += 1;
  }
  const existing = new Map(snapshot.classes.map((c) => [classKey(c.ondeId, c.label), c]));
  return [...byKey].map(([key, entry]) => {
    const levels = [...entry.levels].sort((a, b) => (LEVEL_ORDER.get(a) ?? 99) - (LEVEL_ORDER.get(b) ?? 99));
    const current = existing.get(key);
    const same = current && current.label === entry.label && current.levels.join(',') === levels.join(',');
    return {
      key,
      ondeId: entry.ondeId,
      label: entry.label,
      levels,
      pupils: entry.pupils,
      action: !current ? 'create' : same ? 'unchanged' : 'update',
      id: current?.id ?? null,
    } satisfies PlannedClass;
  });
}

// What the preview says of a line it may not import. It names nothing of the other school or person: the
// director learns only that the transfer is for the academy administrator to validate.
const ENROLLED_ELSEWHERE = "cet INE correspond à un élève inscrit dans une autre école : le transfert doit être validé par l'administrateur académique. L'élève n'est pas importé ; la demande lui a été transmise.";
const INE_MISMATCH = "l'INE ne correspond pas à la date de naissance indiquée : vérifiez cette ligne dans ONDE. L'élève n'est pas importé.";
const RELATIVE_ELSEWHERE = "ce responsable est déjà inscrit dans une autre école : son rattachement doit être validé par l'administrateur académique. Il n'est pas rattaché ; la demande lui a été transmise.";

/**
 * Compares the files with the school and decides every change, without writing. Pupils are matched by INE
 * (in any school: one account follows a pupil), else by name and birth date in this school; relatives by
 * name and a shared child, else (members of this school only) by name and email.
 *
 * Nobody who is a current member of another school is attached, moved or renamed: such a pupil is a
 * `conflict` (a transfer request for an academy administrator) until approved, and a relative of another
 * school is matched only through a child legitimately matched here, attached only once approved (their own
 * request, or a child's approved transfer), and never renamed. A pupil found elsewhere by INE who is no one's pupil any more (they left their school) moves
 * here as before, provided the birth date agrees.
 */
export function planOndeImport(
  snapshot: SchoolSnapshot,
  files: { pupils: readonly OndePupil[]; families: FamilyMatch; problems: readonly ImportProblem[] },
): OndePlan {
  const problems: ImportProblem[] = [...files.problems];
  const classes = planClasses(files.pupils, snapshot);
  const transferRequests: TransferRequest[] = [];
  const completedTransfers: OndePlan['completedTransfers'] = [];

  // Pupils
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
  const plannedPupils: PlannedPupil[] = files.pupils.map((pupil, index) => {
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

  // Relatives
  const transferredPupilIds = new Set(plannedPupils.filter((p) => p.transfer).map((p) => p.id!));
  const relativesByName = new Map<string, ExistingRelative[]>();
  for (const relative of snapshot.relatives) {
    const key = personKey(relative.lastName, relative.firstName);
    relativesByName.set(key, [...(relativesByName.get(key) ?? []), relative]);
  }
  const childrenOf = new Map<number, number[]>();
  for (const link of files.families.links) childrenOf.set(link.guardian, [...(childrenOf.get(link.guardian) ?? []), link.pupil]);
  const matchedRelativeIds = new Set<number>();
  const plannedRelatives: PlannedRelative[] = files.families.guardians.map((guardian, index) => {
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

  // Links
  const existingLinks = new Set(snapshot.links.map((l) => `${l.relativeId}|${l.pupilId}`));
  const wanted = new Set<string>();
  const linksToCreate: PlannedLink[] = [];
  let linksUnchanged = 0;
  for (const link of files.families.links) {
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
  // A link is removed when its pupil is in the file but the guardians file no longer names that relative.
  const schoolRelativeIds = new Set(snapshot.relatives.filter((r) => r.member).map((r) => r.id));
  const linksToRemove = snapshot.links.filter(
    (l) => matchedPupilIds.has(l.pupilId) && schoolRelativeIds.has(l.relativeId) && !wanted.has(`${l.relativeId}|${l.pupilId}`),
  );
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
