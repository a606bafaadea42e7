import type { Knex } from 'knex';
import { decodeCsv, parseCsvRows } from '../onde/decode-csv.js';
import { cellText, findColumn, normalizeKey } from '../onde/onde-table.js';
import { allocateLogins, displayNameOf, loginBase } from '../identity/logins.js';
import { issueActivationCodes } from '../identity/activation-codes.js';
import { currentStartYear } from './school-years.js';
import { ensureSchoolGroups } from './groups.js';
import { audit } from '../audit/audit-log.js';
import { StaffFileInvalid } from '../errors.js';

/**
 * The teachers and staff CSV (ONDE does not export them). Separator `;` or `,`, Windows-1252 or UTF-8, one
 * row per person, columns matched by name:
 * `civilité` (M. / Mme), `nom`, `prénom`, `courriel`, `classes` (class labels of this year separated by `|`
 * or `,` inside quotes), `directeur` (oui / non). Only `nom` and `prénom` are required.
 */
export interface StaffRow {
  line: number;
  civility: 'M.' | 'Mme' | null;
  lastName: string;
  firstName: string;
  email: string | null;
  classLabels: string[];
  director: boolean;
}

/** A row the staff import reads past, with its line. */
export interface StaffProblem {
  file: 'staff';
  line: number;
  code: string;
  message: string;
}

/** What a staff import did or would do. */
export interface StaffImportResult {
  created: number;
  unchanged: number;
  classAssignments: number;
  directors: number;
  problems: StaffProblem[];
  /** First activation codes of the accounts created (shown once; never stored in clear). */
  codes: { login: string; displayName: string; code: string }[];
  /** Each valid row: who, whether the account is created, the classes found this year, named director. */
  people: StaffPerson[];
}

/** One person of a staff import, as its preview lists them. */
export interface StaffPerson {
  line: number;
  name: string;
  action: 'create' | 'unchanged';
  classes: string[];
  director: boolean;
}

const COLUMNS = {
  civility: ['civilite'],
  lastName: ['nom', 'nom de famille'],
  firstName: ['prenom'],
  email: ['courriel', 'email', 'adresse electronique', 'mail'],
  classes: ['classes', 'classe'],
  director: ['directeur', 'directrice', 'direction'],
} as const;

/** Reads the staff CSV; a file without `nom` and `prénom` columns is refused. */
export function readStaffFile(bytes: Uint8Array): StaffRow[] {
  const { text } = decodeCsv(bytes);
  const separator = (text.split('\n', 1)[0] ?? '').includes(';') ? ';' : ',';
  const rows = parseCsvRows(separator === ';' ? text : text.replace(/;/g, '\u0000').replace(/,/g, ';')).map((row) => ({
    ...row,
    cells: row.cells.map((cell) => cell.replace(/\u0000/g, ';')),
  }));
  const [header, ...data] = rows;
  if (!header) throw StaffFileInvalid('le fichier est vide');
  const names = header.cells.map(normalizeKey);
  const column = Object.fromEntries(Object.entries(COLUMNS).map(([key, list]) => [key, findColumn(names, list)])) as Record<keyof typeof COLUMNS, number>;
  if (column.lastName === -1 || column.firstName === -1) throw StaffFileInvalid('il faut au moins les colonnes « nom » et « prénom »');
  return data
    .filter((row) => row.cells.some((cell) => cell.trim()))
    .map((row) => {
      const civility = normalizeKey(cellText(row, column.civility));
      return {
        line: row.line,
        civility: civility === 'm.' || civility === 'm' ? 'M.' : civility.startsWith('mme') ? 'Mme' : null,
        lastName: cellText(row, column.lastName),
        firstName: cellText(row, column.firstName),
        email: cellText(row, column.email) || null,
        classLabels: cellText(row, column.classes).split(/[|,;]/).map((label) => label.trim()).filter(Boolean),
        director: ['oui', 'o', 'x', '1', 'yes', 'vrai'].includes(normalizeKey(cellText(row, column.director))),
      } satisfies StaffRow;
    });
}

/**
 * Creates the teachers who are not in the school yet (pending, with a first activation code), assigns everyone
 * to the classes named (this school year), and names the directors. Matching by name (and email when given),
 * so importing the same file again changes nothing. One transaction.
 */
export async function importStaff(
  knex: Knex,
  input: { schoolId: number; rows: readonly StaffRow[]; now: Date; activationKey: Buffer; codeDays: number; actorId: number | null; dryRun: boolean },
): Promise<StaffImportResult> {
  return knex.transaction(async (trx) => {
    const startYear = await currentStartYear(trx, input.now);
    const classes = await trx('core.classes').where({ school_id: input.schoolId, start_year: startYear }).select('id', 'label');
    const classByLabel = new Map(classes.map((c: { id: number; label: string }) => [normalizeKey(c.label), c.id]));
    // Current members only: a teacher who left is no longer the school's to assign or name director (a namesake
    // in the file gets an account of their own).
    const staff = await trx('core.users as u').join('core.memberships as m', 'm.user_id', 'u.id')
      .where('m.school_id', input.schoolId).whereNull('m.left_at').whereIn('u.profile', ['Teacher', 'Personnel']).select('u.id', 'u.first_name', 'u.last_name', 'u.email');
    const existing = new Map(staff.map((s: { id: number; first_name: string | null; last_name: string | null }) => [`${normalizeKey(s.last_name ?? '')}|${normalizeKey(s.first_name ?? '')}`, s.id]));
    const problems: StaffProblem[] = [];
    const result: StaffImportResult = { created: 0, unchanged: 0, classAssignments: 0, directors: 0, problems, codes: [], people: [] };

    const valid = input.rows.filter((row) => {
      if (row.lastName && row.firstName) return true;
      problems.push({ file: 'staff', line: row.line, code: 'STAFF_MISSING_NAME', message: `Ligne ${row.line} : il manque le nom ou le prénom ; la ligne est ignorée.` });
      return false;
    });
    const toCreate = valid.filter((row) => !existing.has(`${normalizeKey(row.lastName)}|${normalizeKey(row.firstName)}`));
    const labelOf = new Map(classes.map((c: { id: number; label: string }) => [c.id, c.label]));
    result.people = valid.map((row) => ({
      line: row.line,
      name: displayNameOf(row.firstName, row.lastName),
      action: toCreate.includes(row) ? 'create' : 'unchanged',
      classes: row.classLabels.flatMap((label) => {
        const id = classByLabel.get(normalizeKey(label));
        return id ? [labelOf.get(id) as string] : [];
      }),
      director: row.director,
    }));
    result.created = toCreate.length;
    result.unchanged = valid.length - toCreate.length;
    if (!input.dryRun && toCreate.length) {
      const logins = await allocateLogins(trx, toCreate.map((row) => loginBase(row.firstName, row.lastName)));
      const inserted = await trx('core.users').insert(toCreate.map((row, index) => ({
        login: logins[index], display_name: displayNameOf(row.firstName, row.lastName), profile: 'Teacher',
        first_name: row.firstName, last_name: row.lastName, civility: row.civility, email: row.email,
      }))).returning(['id', 'login', 'display_name']);
      await trx('core.memberships').insert(inserted.map((u: { id: number }) => ({ user_id: u.id, school_id: input.schoolId })));
      toCreate.forEach((row, index) => existing.set(`${normalizeKey(row.lastName)}|${normalizeKey(row.firstName)}`, inserted[index].id));
      const codes = await issueActivationCodes(trx, input.activationKey, inserted.map((u: { id: number }) => u.id), {
        expiresAt: new Date(input.now.getTime() + input.codeDays * 86_400_000), createdBy: input.actorId, now: input.now,
      });
      result.codes = inserted.map((u: { id: number; login: string; display_name: string }) => ({ login: u.login, displayName: u.display_name, code: codes.get(u.id)! }));
      await ensureSchoolGroups(trx, input.schoolId);
    }
    for (const row of valid) {
      const userId = existing.get(`${normalizeKey(row.lastName)}|${normalizeKey(row.firstName)}`);
      for (const label of row.classLabels) {
        const classId = classByLabel.get(normalizeKey(label));
        if (!classId) {
          problems.push({ file: 'staff', line: row.line, code: 'STAFF_CLASS_NOT_FOUND', message: `Ligne ${row.line} : la classe « ${label} » n'existe pas cette année ; importez d'abord les élèves (ONDE).` });
          continue;
        }
        result.classAssignments += 1;
        if (!input.dryRun && userId) await trx('core.class_members').insert({ class_id: classId, user_id: userId }).onConflict(['class_id', 'user_id']).ignore();
      }
      if (row.director) {
        result.directors += 1;
        if (!input.dryRun && userId) {
          await trx('core.user_functions').insert({ user_id: userId, function: 'director', school_id: input.schoolId }).onConflict(['user_id', 'function', 'school_id']).ignore();
        }
      }
    }
    if (!input.dryRun) {
      await audit(trx, { action: 'import-applied', schoolId: input.schoolId, actorId: input.actorId, at: input.now, details: { kind: 'staff', created: result.created, classAssignments: result.classAssignments } });
    }
    return result;
  });
}
