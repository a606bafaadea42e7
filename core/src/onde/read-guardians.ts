/**
 * Reads ONDE's « Responsables » extraction into guardians and the children each one names, without
 * touching the database. Children are only names and a class label here; `matchFamilies` finds them in
 * the pupils file.
 */
import type { CsvEncoding, CsvRow } from './decode-csv.js';
import { OndeColumnMissing } from './onde-errors.js';
import {
  cellOrNull,
  cellText,
  findColumn,
  joinAddress,
  normalizeKey,
  openOndeTable,
  type ImportProblem,
  type OndeLayout,
  type OndeReadOptions,
} from './onde-table.js';

/** A child as a guardian row names it: no INE, only names and the class label. */
export interface OndeChildRef {
  usageName: string | null;
  lastName: string;
  firstName: string;
  classLabel: string | null;
}

/** One guardian row of the extraction (two parents of one child are two rows). */
export interface OndeGuardian {
  line: number;
  civility: 'M.' | 'Mme' | null;
  lastName: string;
  usageName: string | null;
  firstName: string;
  email: string | null;
  phoneHome: string | null;
  phoneWork: string | null;
  mobile: string | null;
  /** One line: `Adresse, CP Commune`. */
  address: string | null;
  children: OndeChildRef[];
}

/** The guardians file read. */
export interface GuardiansFile {
  encoding: CsvEncoding;
  layout: OndeLayout;
  guardians: OndeGuardian[];
  problems: ImportProblem[];
}

/** Accepted header names per field, normalised, most specific first. */
const COLUMNS = {
  civility: ['civilite responsable', 'civilite'],
  lastName: ['nom responsable', 'nom de famille responsable'],
  usageName: ['nom usage responsable', "nom d'usage responsable"],
  firstName: ['prenom responsable'],
  street: ['adresse responsable'],
  postcode: ['cp responsable', 'code postal responsable'],
  town: ['commune responsable'],
  email: ['courriel', 'courriel responsable', 'email', 'adresse electronique'],
  phoneHome: ['telephone domicile'],
  phoneWork: ['telephone travail'],
  extension: ['numero de poste'],
  mobile: ['telephone portable'],
} as const;

/** The four columns of one child, in the older (`enfant`) and newer (`élève`) namings. */
const CHILD_COLUMNS: Record<keyof ChildColumns, readonly string[]> = {
  usageName: ["nom d'usage enfant", "nom d'usage eleve", 'nom usage enfant', 'nom usage eleve'],
  lastName: ['nom de famille enfant', 'nom de famille eleve', 'nom enfant'],
  firstName: ['prenom enfant', 'prenom eleve'],
  classLabel: ['classes enfants', 'classes eleves', 'classe enfant', 'classe eleve', 'classes enfant', 'classe eleves'],
};
const CHILD_FIELD_BY_NAME = new Map<string, keyof ChildColumns>(
  Object.entries(CHILD_COLUMNS).flatMap(([field, names]) =>
    names.map((name) => [name, field as keyof ChildColumns] as const),
  ),
);

interface ChildColumns {
  usageName: number;
  lastName: number;
  firstName: number;
  classLabel: number;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Reads the guardians extraction, stopping at the host-organisations section some exports append
 * (`Intitulé;Adresse Organisme`). Throws a coded error when the file cannot be an ONDE guardians
 * extraction (see `onde-errors.ts`); otherwise returns every readable guardian and the problems met.
 */
export function readGuardiansFile(bytes: Uint8Array, options: OndeReadOptions = {}): GuardiansFile {
  const { encoding, header, rows } = openOndeTable(bytes, 'guardians', options);
  const column = Object.fromEntries(
    Object.entries(COLUMNS).map(([field, names]) => [field, findColumn(header, names)]),
  ) as Record<keyof typeof COLUMNS, number>;
  if (column.lastName === -1) throw OndeColumnMissing('guardians', 'Nom responsable');
  if (column.firstName === -1) throw OndeColumnMissing('guardians', 'Prénom responsable');
  const groups = childGroups(header);
  if (!groups.some((group) => group.lastName !== -1)) throw OndeColumnMissing('guardians', 'Nom de famille enfant');
  if (!groups.some((group) => group.firstName !== -1)) throw OndeColumnMissing('guardians', 'Prénom enfant');
  const layout: OndeLayout =
    column.extension !== -1
      ? 'be1d'
      : header.some((name) => CHILD_FIELD_BY_NAME.has(name) && name.includes('eleve'))
        ? 'onde-v2'
        : 'onde';

  const guardians: OndeGuardian[] = [];
  const problems: ImportProblem[] = [];
  const problem = (line: number, code: string, message: string): void => {
    problems.push({ file: 'guardians', line, code, message });
  };

  for (const row of rows) {
    if (normalizeKey(cellText(row, 0)) === 'intitule' && normalizeKey(cellText(row, 1)) === 'adresse organisme') break;
    const lastName = cellText(row, column.lastName);
    const firstName = cellText(row, column.firstName);
    const who = `${firstName} ${lastName}`.trim();
    if (lastName === '' || firstName === '') {
      problem(row.line, 'GUARDIAN_MISSING_NAME', `Ligne ${row.line} : responsable sans nom ou sans prénom (« ${who} ») ; la ligne est ignorée.`);
      continue;
    }
    let email = cellOrNull(row, column.email);
    if (email !== null && !EMAIL.test(email)) {
      problem(row.line, 'GUARDIAN_BAD_EMAIL', `Ligne ${row.line} : adresse électronique invalide pour ${who} (« ${email} ») ; elle n'est pas importée.`);
      email = null;
    }
    const children: OndeChildRef[] = [];
    for (const group of groups) {
      const child = readChild(row, group);
      if (child === 'blank') continue;
      if (child === 'incomplete') {
        problem(row.line, 'CHILD_INCOMPLETE', `Ligne ${row.line} : un enfant de ${who} n'a pas de nom ou de prénom ; il est ignoré.`);
        continue;
      }
      children.push(child);
    }
    if (children.length === 0) {
      problem(row.line, 'GUARDIAN_NO_CHILD', `Ligne ${row.line} : ${who} n'a aucun enfant indiqué ; ce responsable n'est pas importé.`);
    }
    guardians.push({
      line: row.line,
      civility: parseCivility(cellText(row, column.civility)),
      lastName,
      usageName: cellOrNull(row, column.usageName),
      firstName,
      email,
      phoneHome: cellOrNull(row, column.phoneHome),
      phoneWork: workPhone(cellText(row, column.phoneWork), cellText(row, column.extension)),
      mobile: cellOrNull(row, column.mobile),
      address: joinAddress(cellText(row, column.street), cellText(row, column.postcode), cellText(row, column.town)),
      children,
    });
  }
  return { encoding, layout, guardians, problems };
}

/**
 * The child column groups, left to right. A group ends when a field it already has comes again, so the
 * groups are found however many the export repeats and whichever naming it uses.
 */
function childGroups(header: readonly string[]): ChildColumns[] {
  const groups: ChildColumns[] = [];
  let current: ChildColumns | undefined;
  header.forEach((name, index) => {
    const field = CHILD_FIELD_BY_NAME.get(name);
    if (field === undefined) return;
    if (current === undefined || current[field] !== -1) {
      current = { usageName: -1, lastName: -1, firstName: -1, classLabel: -1 };
      groups.push(current);
    }
    current[field] = index;
  });
  return groups;
}

function readChild(row: CsvRow, group: ChildColumns): OndeChildRef | 'blank' | 'incomplete' {
  const usageName = cellOrNull(row, group.usageName);
  // Without a family name, ONDE writes the usage name alone: it is then the name to look for.
  const lastName = cellText(row, group.lastName) || (usageName ?? '');
  const firstName = cellText(row, group.firstName);
  const classLabel = cellOrNull(row, group.classLabel);
  if (lastName === '' && firstName === '' && classLabel === null) return 'blank';
  if (lastName === '' || firstName === '') return 'incomplete';
  return { usageName, lastName, firstName, classLabel };
}

function parseCivility(value: string): 'M.' | 'Mme' | null {
  switch (normalizeKey(value).replace(/\.$/, '')) {
    case 'm': case 'mr': case 'monsieur': return 'M.';
    case 'mme': case 'madame': case 'mlle': case 'mademoiselle': return 'Mme';
    default: return null;
  }
}

/** Base élèves gives the extension of a work number in its own column; it is kept with the number. */
function workPhone(number: string, extension: string): string | null {
  if (number === '') return null;
  return extension === '' ? number : `${number} poste ${extension}`;
}
