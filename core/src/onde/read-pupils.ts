/**
 * Reads ONDE's « Élèves » extraction (or the older Base élèves one) into pupils, without touching the
 * database. Whatever cannot be read in a row becomes an `ImportProblem` for the preview; only a file that
 * cannot be an extraction at all throws.
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

export type { ImportProblem, OndeLayout, OndeReadOptions } from './onde-table.js';

/** One pupil row of the extraction. */
export interface OndePupil {
  line: number;
  lastName: string;
  usageName: string | null;
  firstName: string;
  /** yyyy-mm-dd. */
  birthDate: string | null;
  sex: 'M' | 'F' | null;
  /** Identifiant national élève; absent from Base élèves exports. */
  ine: string | null;
  /** The pupil's own level: TPS, PS, MS, GS, CP, CE1, CE2, CM1, CM2 or ULIS. */
  level: string | null;
  classLabel: string;
  /** ONDE's `Identifiant classe`; null in Base élèves exports, where the label identifies the class. */
  classId: string | null;
  /** One line: `Adresse1, Cp1 Commune1`. */
  address: string | null;
  /** ONDE's `Autorisation photo` (droit à l'image): Oui, Non, or null when the file does not say. */
  photoAuthorised: boolean | null;
}

/** The pupils file read. */
export interface PupilsFile {
  encoding: CsvEncoding;
  layout: OndeLayout;
  pupils: OndePupil[];
  problems: ImportProblem[];
}

/** The levels of primary school, youngest first. */
export const ONDE_LEVELS = ['TPS', 'PS', 'MS', 'GS', 'CP', 'CE1', 'CE2', 'CM1', 'CM2', 'ULIS'] as const;
const LEVELS: ReadonlySet<string> = new Set(ONDE_LEVELS);

/** Accepted header names per field, normalised, most specific first. */
const COLUMNS = {
  lastName: ['nom eleve', 'nom de famille eleve', 'nom de famille', 'nom'],
  usageName: ["nom d'usage eleve", 'nom usage eleve', "nom d'usage", 'nom usage'],
  firstName: ['prenom eleve', 'prenom'],
  birthDate: ['date naissance', 'date de naissance'],
  sex: ['sexe'],
  ine: ['ine', 'identifiant national eleve'],
  street: ['adresse1', 'adresse 1', 'adresse'],
  postcode: ['cp1', 'cp 1', 'code postal'],
  town: ['commune1', 'commune 1', 'commune'],
  level: ['niveau'],
  classLabel: ['libelle classe', 'classe'],
  classId: ['identifiant classe'],
  photo: ['autorisation photo'],
} as const;

/** The French column name a director sees in ONDE, for the columns the import cannot do without. */
const REQUIRED = {
  lastName: 'Nom élève',
  firstName: 'Prénom élève',
  birthDate: 'Date naissance',
  classLabel: 'Libellé classe',
} as const;

/** Columns that only exports since ONDE's 2020s updates carry. */
const V2_COLUMNS = [
  'etat', 'date inscription', 'regroupement(s)', 'regroupements', 'dispositif(s)', 'dispositifs',
  'deuxieme prenom', 'troisieme prenom',
];

/**
 * Reads the pupils extraction. Throws a coded error when the file cannot be an ONDE pupils extraction
 * (see `onde-errors.ts`); otherwise returns every readable pupil and a problem for each row set aside.
 */
export function readPupilsFile(bytes: Uint8Array, options: OndeReadOptions = {}): PupilsFile {
  const { encoding, header, rows } = openOndeTable(bytes, 'pupils', options);
  const column = Object.fromEntries(
    Object.entries(COLUMNS).map(([field, names]) => [field, findColumn(header, names)]),
  ) as Record<keyof typeof COLUMNS, number>;
  for (const [field, name] of Object.entries(REQUIRED) as [keyof typeof REQUIRED, string][]) {
    if (column[field] === -1) throw OndeColumnMissing('pupils', name);
  }
  const layout: OndeLayout =
    column.ine === -1 && column.classId === -1
      ? 'be1d'
      : V2_COLUMNS.some((name) => header.includes(name))
        ? 'onde-v2'
        : 'onde';

  const pupils: OndePupil[] = [];
  const problems: ImportProblem[] = [];
  const problem = (line: number, code: string, message: string): void => {
    problems.push({ file: 'pupils', line, code, message });
  };
  // First line of each pupil seen, by INE, or by name and birth date when the export has no INE.
  const seen = new Map<string, number>();

  for (const row of rows) {
    const pupil = readPupil(row, column);
    const who = `${pupil.firstName} ${pupil.lastName}`.trim();
    if (pupil.lastName === '' || pupil.firstName === '') {
      problem(row.line, 'PUPIL_MISSING_NAME', `Ligne ${row.line} : élève sans nom ou sans prénom (« ${who} ») ; la ligne est ignorée.`);
      continue;
    }
    if (pupil.classLabel === '') {
      problem(row.line, 'PUPIL_MISSING_CLASS', `Ligne ${row.line} : ${who} n'est affecté(e) à aucune classe ; l'élève n'est pas importé(e).`);
      continue;
    }
    const rawDate = cellText(row, column.birthDate);
    if (pupil.birthDate === null) {
      problem(
        row.line,
        'PUPIL_BAD_DATE',
        rawDate === ''
          ? `Ligne ${row.line} : date de naissance absente pour ${who} ; l'élève est importé(e) sans date de naissance.`
          : `Ligne ${row.line} : date de naissance illisible pour ${who} (« ${rawDate} ») ; l'élève est importé(e) sans date de naissance.`,
      );
    }
    const rawLevel = cellText(row, column.level);
    if (pupil.level === null && rawLevel !== '') {
      problem(row.line, 'PUPIL_BAD_LEVEL', `Ligne ${row.line} : niveau inconnu pour ${who} (« ${rawLevel} ») ; l'élève est importé(e) sans niveau.`);
    }
    const key = pupil.ine !== null
      ? `ine:${pupil.ine}`
      : `name:${normalizeKey(pupil.lastName)}|${normalizeKey(pupil.firstName)}|${pupil.birthDate ?? normalizeKey(pupil.classLabel)}`;
    const firstLine = seen.get(key);
    if (firstLine !== undefined) {
      problem(
        row.line,
        'PUPIL_DUPLICATE',
        `Ligne ${row.line} : ${who} figure déjà ligne ${firstLine}` +
          (pupil.ine !== null ? ` (même INE ${pupil.ine})` : ' (même nom et même date de naissance)') +
          ' ; la ligne est ignorée.',
      );
      continue;
    }
    seen.set(key, row.line);
    pupils.push(pupil);
  }
  return { encoding, layout, pupils, problems };
}

function readPupil(row: CsvRow, column: Record<keyof typeof COLUMNS, number>): OndePupil {
  const ine = cellText(row, column.ine).toUpperCase();
  return {
    line: row.line,
    lastName: cellText(row, column.lastName),
    usageName: cellOrNull(row, column.usageName),
    firstName: cellText(row, column.firstName),
    birthDate: parseOndeDate(cellText(row, column.birthDate)),
    sex: parseSex(cellText(row, column.sex)),
    ine: ine === '' ? null : ine,
    level: parseLevel(cellText(row, column.level)),
    classLabel: cellText(row, column.classLabel),
    classId: cellOrNull(row, column.classId),
    address: joinAddress(cellText(row, column.street), cellText(row, column.postcode), cellText(row, column.town)),
    photoAuthorised: ({ oui: true, non: false } as Record<string, boolean>)[normalizeKey(cellText(row, column.photo))] ?? null,
  };
}

/**
 * A date as ONDE (dd/mm/yyyy) or Base élèves (yyyy-mm-dd) writes it, as yyyy-mm-dd; null when it is not
 * a real calendar date. A time part, which spreadsheets sometimes add, is ignored.
 */
export function parseOndeDate(value: string): string | null {
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s.*)?$/.exec(value);
  const iso = french ? null : /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s].*)?$/.exec(value);
  const [year, month, day] = french
    ? [Number(french[3]), Number(french[2]), Number(french[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [0, 0, 0];
  if (year < 1900 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseSex(value: string): 'M' | 'F' | null {
  switch (normalizeKey(value)) {
    case 'm': case 'masculin': case 'g': case 'garcon': return 'M';
    case 'f': case 'feminin': case 'fille': return 'F';
    default: return null;
  }
}

function parseLevel(value: string): string | null {
  const level = value.toUpperCase().replace(/\s+/g, '');
  // CLIS became ULIS in 2015; older exports still use the former name.
  if (level === 'CLIS') return 'ULIS';
  return LEVELS.has(level) ? level : null;
}
