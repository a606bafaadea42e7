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
}

/** A pupil of the file and what the import does with them. */
export interface PlannedPupil {
  action: 'create' | 'update' | 'move' | 'unchanged';
  id: number | null;
  fields: PersonFields;
  classKey: string;
  /** Fields that change, for the preview. */
  changes: string[];
  /** Where they were, for a move. */
  fromClass: string | null;
  /** A membership of the school must be created or re-opened. */
  join: boolean;
  line: number;
}

/** A relative of the file and what the import does with them. */
export interface PlannedRelative {
  action: 'create' | 'update' | 'unchanged';
  id: number | null;
  fields: PersonFields;
  changes: string[];
  join: boolean;
  lines: number[];
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

/**
 * Compares the files with the school and decides every change, without writing. Pupils are matched by INE
 * (in any school: one account follows a pupil), else by name and birth date in this school; relatives by
 * name and a shared child, else by name and email (a parent with children in another school).
 */
export function planOndeImport(
  snapshot: SchoolSnapshot,
  files: { pupils: readonly OndePupil[]; families: FamilyMatch; problems: readonly ImportProblem[] },
): OndePlan {
  const problems: ImportProblem[] = [...files.problems];
  const classes = planClasses(files.pupils, snapshot);

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
    pupilIdOfIndex[index] = existing?.id ?? null;
    if (!existing) return { action: 'create', id: null, fields, classKey: key, changes: [], fromClass: null, join: true, line: pupil.line };
    matchedPupilIds.add(existing.id);
    const changes = changedFields(fields, existing, 'pupil');
    const join = !existing.member || existing.left;
    const moved = join || existing.latestClassKey !== key;
    return {
      action: moved ? 'move' : changes.length ? 'update' : 'unchanged',
      id: existing.id,
      fields,
      classKey: key,
      changes,
      fromClass: moved ? (existing.member && !existing.left ? existing.latestClassLabel : null) : null,
      join,
      line: pupil.line,
    } satisfies PlannedPupil;
  });
  const detachedPupils = snapshot.pupils
    .filter((p) => p.member && !p.left && !matchedPupilIds.has(p.id))
    .map((p) => ({ id: p.id, displayName: p.displayName, classLabel: p.latestClassLabel }));

  // Relatives
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
    const childIds = new Set((childrenOf.get(index) ?? []).map((p) => pupilIdOfIndex[p]).filter((id): id is number => id !== null));
    const sameName = (relativesByName.get(personKey(guardian.lastName, guardian.firstName)) ?? []).filter((r) => !matchedRelativeIds.has(r.id));
    const existing =
      sameName.find((r) => r.childIds.some((id) => childIds.has(id))) ??
      (guardian.email ? sameName.find((r) => r.email?.toLowerCase() === guardian.email!.toLowerCase()) : undefined);
    if (!existing) return { action: 'create', id: null, fields, changes: [], join: true, lines: guardian.lines };
    matchedRelativeIds.add(existing.id);
    const changes = changedFields(fields, existing, 'relative');
    const join = !existing.member || existing.left;
    return { action: changes.length || join ? 'update' : 'unchanged', id: existing.id, fields, changes, join, lines: guardian.lines } satisfies PlannedRelative;
  });

  // Links
  const existingLinks = new Set(snapshot.links.map((l) => `${l.relativeId}|${l.pupilId}`));
  const wanted = new Set<string>();
  const linksToCreate: PlannedLink[] = [];
  let linksUnchanged = 0;
  for (const link of files.families.links) {
    const relativeId = plannedRelatives[link.guardian]!.id;
    const pupilId = plannedPupils[link.pupil]!.id;
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
    detachedRelatives.length === 0;
  return {
    summary,
    classes,
    pupils: plannedPupils,
    detachedPupils,
    relatives: plannedRelatives,
    detachedRelatives,
    linksToCreate,
    linksToRemove,
    unchanged,
  };
}
