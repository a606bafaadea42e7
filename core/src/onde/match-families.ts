/**
 * Links the guardians file to the pupils file. ONDE's guardians extraction names children by name and
 * class label only (no INE), so a child is found by name, the class settling homonyms; a guardian listed
 * twice becomes one person. Everything runs on maps: linear in the size of the files.
 */
import type { OndeChildRef, OndeGuardian } from './read-guardians.js';
import type { OndePupil } from './read-pupils.js';
import { normalizeKey, type ImportProblem } from './onde-table.js';

/** A guardian after merging the rows that describe the same person. */
export interface MatchedGuardian extends Omit<OndeGuardian, 'line'> {
  /** Every line of the guardians file this person came from, in file order. */
  lines: number[];
}

/** A guardian–pupil link, by index in `FamilyMatch.guardians` and in the pupils given. */
export interface FamilyLink {
  guardian: number;
  pupil: number;
}

/** The families found between the two files. */
export interface FamilyMatch {
  guardians: MatchedGuardian[];
  links: FamilyLink[];
  /** Connected groups of guardians and pupils, as defined on `matchFamilies`. */
  families: number;
  problems: ImportProblem[];
}

type Found = { pupil: number } | { code: 'CHILD_NOT_FOUND' | 'CHILD_AMBIGUOUS'; candidates: number };

/**
 * Matches guardians to pupils and merges duplicate guardians.
 *
 * - A child is the pupil with the same normalised name (family or usage name, on either side), first name
 *   and class label; when no pupil of that class matches, a pupil found by name alone is taken if unique
 *   (a class renamed between the two downloads). Otherwise `CHILD_NOT_FOUND` or `CHILD_AMBIGUOUS`.
 * - Two rows are one guardian when they have the same name and the same matched children, or the same
 *   name and the same e-mail address. Contact fields missing from the first row are taken from the next.
 * - A guardian none of whose children was found is left out (`GUARDIAN_WITHOUT_PUPIL`): an account with
 *   no child would give access to nothing.
 * - `families` is the number of connected components of the guardian–pupil link graph that hold at least
 *   one guardian: parents who share a child, and siblings who share a parent, are one family, even when
 *   a step-parent is linked to only some of the children. It gives exactly the samples' `expected.json`
 *   (59 and 38); distinct surnames (32 and 26) or addresses (1) do not. In the samples every pupil has a
 *   guardian and each family's guardians name the same children, so "distinct sets of children" gives the
 *   same counts; components were kept because they do not split a blended family in two.
 */
export function matchFamilies(pupils: readonly OndePupil[], guardians: readonly OndeGuardian[]): FamilyMatch {
  // Pupils by normalised name then first name; normalised strings come from one cache, so these lookups
  // hash no new string, which keeps a 100,000-pupil match well under a second.
  const index = new Map<string, Map<string, number[]>>();
  const labels = pupils.map((pupil) => normalizeKey(pupil.classLabel));
  pupils.forEach((pupil, pupilIndex) => {
    const first = normalizeKey(pupil.firstName);
    for (const name of namesOf(pupil.lastName, pupil.usageName)) {
      let byFirst = index.get(name);
      if (byFirst === undefined) index.set(name, (byFirst = new Map()));
      const list = byFirst.get(first);
      if (list === undefined) byFirst.set(first, [pupilIndex]);
      else if (!list.includes(pupilIndex)) list.push(pupilIndex);
    }
  });

  const find = (child: OndeChildRef): Found => {
    const first = normalizeKey(child.firstName);
    const names = namesOf(child.lastName, child.usageName);
    let anywhere = index.get(names[0] as string)?.get(first) ?? [];
    if (names.length > 1) {
      const more = index.get(names[1] as string)?.get(first);
      if (more !== undefined) anywhere = [...new Set([...anywhere, ...more])];
    }
    if (child.classLabel !== null) {
      const label = normalizeKey(child.classLabel);
      const inClass = anywhere.filter((pupil) => labels[pupil] === label);
      if (inClass.length === 1) return { pupil: inClass[0] as number };
      if (inClass.length > 1) return { code: 'CHILD_AMBIGUOUS', candidates: inClass.length };
    }
    if (anywhere.length === 1) return { pupil: anywhere[0] as number };
    return anywhere.length > 1
      ? { code: 'CHILD_AMBIGUOUS', candidates: anywhere.length }
      : { code: 'CHILD_NOT_FOUND', candidates: 0 };
  };

  const merged: MatchedGuardian[] = [];
  const childrenOf: number[][] = [];
  const links: FamilyLink[] = [];
  const problems: ImportProblem[] = [];
  const byChildren = new Map<string, number>();
  const byEmail = new Map<string, number>();

  for (const guardian of guardians) {
    const found: number[] = [];
    for (const child of guardian.children) {
      const result = find(child);
      if ('pupil' in result) {
        if (!found.includes(result.pupil)) found.push(result.pupil);
        continue;
      }
      const named = `${child.firstName} ${child.lastName}${child.classLabel ? ` (${child.classLabel})` : ''}`;
      problems.push({
        file: 'guardians',
        line: guardian.line,
        code: result.code,
        message:
          result.code === 'CHILD_NOT_FOUND'
            ? `Ligne ${guardian.line} : l'enfant ${named} de ${fullName(guardian)} ne figure pas dans le fichier des élèves ; ce lien n'est pas créé.`
            : `Ligne ${guardian.line} : ${result.candidates} élèves s'appellent ${named} ; l'enfant de ${fullName(guardian)} n'a pas pu être identifié et ce lien n'est pas créé.`,
      });
    }
    if (found.length === 0) {
      if (guardian.children.length > 0) {
        problems.push({
          file: 'guardians',
          line: guardian.line,
          code: 'GUARDIAN_WITHOUT_PUPIL',
          message: `Ligne ${guardian.line} : aucun enfant de ${fullName(guardian)} n'a été trouvé dans le fichier des élèves ; ce responsable n'est pas importé.`,
        });
      }
      continue;
    }

    const person = `${normalizeKey(guardian.lastName)}|${normalizeKey(guardian.firstName)}`;
    const childrenKey = `${person}#${found.length === 1 ? found[0] : [...found].sort((a, b) => a - b).join(',')}`;
    const emailKey = guardian.email === null ? null : `${person}@${guardian.email.toLowerCase()}`;
    let index = byChildren.get(childrenKey) ?? (emailKey === null ? undefined : byEmail.get(emailKey));
    if (index === undefined) {
      index = merged.length;
      merged.push({
        civility: guardian.civility,
        lastName: guardian.lastName,
        usageName: guardian.usageName,
        firstName: guardian.firstName,
        email: guardian.email,
        phoneHome: guardian.phoneHome,
        phoneWork: guardian.phoneWork,
        mobile: guardian.mobile,
        address: guardian.address,
        children: [...guardian.children],
        lines: [guardian.line],
      });
      childrenOf.push([]);
    } else {
      mergeInto(merged[index] as MatchedGuardian, guardian);
    }
    byChildren.set(childrenKey, index);
    if (emailKey !== null) byEmail.set(emailKey, index);
    const linked = childrenOf[index] as number[];
    for (const pupil of found) {
      if (linked.includes(pupil)) continue;
      linked.push(pupil);
      links.push({ guardian: index, pupil });
    }
  }

  return { guardians: merged, links, families: countFamilies(merged.length, pupils.length, links), problems };
}

function fullName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`;
}

/** The distinct normalised names a person may be listed under (family name, usage name). */
function namesOf(lastName: string, usageName: string | null): string[] {
  const name = normalizeKey(lastName);
  const usage = usageName === null ? '' : normalizeKey(usageName);
  return usage === '' || usage === name ? [name] : [name, usage];
}

function mergeInto(target: MatchedGuardian, row: OndeGuardian): void {
  target.lines.push(row.line);
  target.civility ??= row.civility;
  target.usageName ??= row.usageName;
  target.email ??= row.email;
  target.phoneHome ??= row.phoneHome;
  target.phoneWork ??= row.phoneWork;
  target.mobile ??= row.mobile;
  target.address ??= row.address;
  const known = new Set(target.children.map(childKey));
  for (const child of row.children) {
    if (!known.has(childKey(child))) target.children.push(child);
  }
}

function childKey(child: OndeChildRef): string {
  return `${normalizeKey(child.lastName)}|${normalizeKey(child.firstName)}|${normalizeKey(child.classLabel ?? '')}`;
}

/** Connected components holding a guardian, by union–find over guardians then pupils. */
function countFamilies(guardianCount: number, pupilCount: number, links: readonly FamilyLink[]): number {
  const parent = new Int32Array(guardianCount + pupilCount);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const root = (node: number): number => {
    let current = node;
    while (parent[current] !== current) {
      const up = parent[current] as number;
      parent[current] = parent[up] as number; // path halving keeps the trees flat
      current = up;
    }
    return current;
  };
  for (const link of links) {
    const a = root(link.guardian);
    const b = root(guardianCount + link.pupil);
    if (a !== b) parent[a] = b;
  }
  const roots = new Set<number>();
  for (let g = 0; g < guardianCount; g++) roots.add(root(g));
  return roots.size;
}
