/**
 * What the pupils and guardians readers share: the checks that refuse a file outright, finding the header
 * row, matching columns by name, and the normalisation that makes `Nom élève`, `Nom Elève` and
 * ` NOM ELEVE ` the same column (and `Léa`, `LEA` the same first name).
 */
import { decodeCsv, parseCsvRows, type CsvEncoding, type CsvRow } from './decode-csv.js';
import {
  OndeFileBinary,
  OndeFileEmpty,
  OndeFileTooLarge,
  OndeFilesSwapped,
  OndeNotOnde,
  type OndeFileKind,
} from './onde-errors.js';

export type { OndeFileKind } from './onde-errors.js';

/** Which generation of export a file is: ONDE, ONDE with the newer columns, or the older Base élèves. */
export type OndeLayout = 'onde' | 'onde-v2' | 'be1d';

/** A row the import reads past, shown to the director in the preview with its line in the file. */
export interface ImportProblem {
  file: OndeFileKind;
  /** 1-based line in the file, as a spreadsheet or a text editor shows it. */
  line: number;
  /** Stable code for the kind of problem, e.g. `PUPIL_BAD_DATE`. */
  code: string;
  /** What is wrong and what the import does about it, in French. */
  message: string;
}

/** Options both readers take. */
export interface OndeReadOptions {
  /** Largest file accepted, in bytes; 20 MB by default (a 1,000-pupil school exports about 200 kB). */
  maxBytes?: number;
}

/** A file past the fatal checks: its header (normalised names) and the data rows under it. */
export interface OndeTable {
  encoding: CsvEncoding;
  header: string[];
  rows: CsvRow[];
}

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
/** How far down a header row is looked for; ONDE puts it first, a re-saved file may add a title line. */
const HEADER_SEARCH_ROWS = 10;
/** Past this share of control bytes, a file without NUL bytes is still not text. */
const CONTROL_SHARE_LIMIT = 0.05;
const BINARY_SAMPLE = 64 * 1024;

/**
 * Header names (normalised) that only one of the two extractions has. Names both may carry, such as
 * `Prénom élève` in the newer guardians export, are left out so they cannot tip the balance.
 */
const SIGNATURES: Record<OndeFileKind, ReadonlySet<string>> = {
  pupils: new Set([
    'nom eleve', 'date naissance', 'date de naissance', 'sexe', 'ine', 'adresse1', 'cp1', 'commune1',
    'cycle', 'niveau', 'libelle classe', 'identifiant classe', 'classe', 'attestation fournie',
    'autorisation photo', 'decision de passage',
  ]),
  guardians: new Set([
    'civilite responsable', 'nom responsable', 'nom usage responsable', "nom d'usage responsable",
    'prenom responsable', 'adresse responsable', 'cp responsable', 'commune responsable', 'courriel',
    'telephone domicile', 'telephone travail', 'telephone portable', "nom d'usage enfant",
    'nom de famille enfant', 'prenom enfant', 'classes enfants', 'nom de famille eleve', 'classes eleves',
  ]),
};

/**
 * Lower-case, accents and surrounding spaces removed, inner spaces collapsed, typographic apostrophes
 * made straight. Used for header names and for comparing people's names and class labels.
 */
export function normalizeKey(value: string): string {
  let key = normalized.get(value);
  if (key === undefined) {
    key = computeKey(value);
    // Bounded so a huge file cannot grow it without limit; names and class labels repeat, so it stays hot.
    if (normalized.size >= NORMALIZED_CACHE_SIZE) normalized.clear();
    normalized.set(value, key);
  }
  return key;
}

/**
 * Memo of `normalizeKey`: Unicode normalisation costs about a microsecond, and a 100,000-pupil import
 * asks for the same first names, surnames and class labels millions of times.
 */
const normalized = new Map<string, string>();
const NORMALIZED_CACHE_SIZE = 200_000;

function computeKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const SPACE_RUN = /\s\s|[\t\n\r\f\v\u00a0]/;

/** A cell's text with surrounding spaces removed and inner runs of spaces collapsed; '' when absent. */
export function cellText(row: CsvRow, index: number): string {
  if (index < 0) return '';
  const value = row.cells[index];
  if (value === undefined || value === '') return '';
  const trimmed = value.trim();
  // Most cells have no run of spaces; testing first spares a string copy per cell on large files.
  return SPACE_RUN.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}

/** Like `cellText`, with `null` for an empty cell. */
export function cellOrNull(row: CsvRow, index: number): string | null {
  const text = cellText(row, index);
  return text === '' ? null : text;
}

/** The first column whose normalised name is one of `names` (in the order given), or -1. */
export function findColumn(header: readonly string[], names: readonly string[]): number {
  for (const name of names) {
    const index = header.indexOf(name);
    if (index !== -1) return index;
  }
  return -1;
}

/** True when every cell of the row is blank (spreadsheets leave such `;;;;` lines behind). */
export function isBlankRow(row: CsvRow): boolean {
  return row.cells.every((cell) => cell.trim() === '');
}

/** One line joining street, postcode and town (`12 rue des Écoles, 16000 Angoulême`), or null. */
export function joinAddress(street: string, postcode: string, town: string): string | null {
  const place = [postcode, town].filter((part) => part !== '').join(' ');
  const address = [street, place].filter((part) => part !== '').join(', ');
  return address === '' ? null : address;
}

function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) !== -1) return true;
  const sample = bytes.subarray(0, BINARY_SAMPLE);
  let controls = 0;
  for (const byte of sample) {
    // Tab, LF, CR and form feed are text; 0x1A is the end-of-file mark some Windows tools append.
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1a) || byte === 0x7f) {
      controls++;
    }
  }
  return controls > sample.length * CONTROL_SHARE_LIMIT;
}

function signatureHits(header: readonly string[], file: OndeFileKind): number {
  let hits = 0;
  for (const name of header) if (SIGNATURES[file].has(name)) hits++;
  return hits;
}

/**
 * Runs the fatal checks in the order a director can act on them (too large, empty, not text, wrong file,
 * not ONDE, no data) and returns the table. Throws the matching coded error from `onde-errors.ts`.
 */
export function openOndeTable(bytes: Uint8Array, file: OndeFileKind, options: OndeReadOptions = {}): OndeTable {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) throw OndeFileTooLarge(file, maxBytes / (1024 * 1024));
  if (bytes.length === 0) throw OndeFileEmpty(file);
  if (looksBinary(bytes)) throw OndeFileBinary(file);
  const { text, encoding } = decodeCsv(bytes);
  const rows = parseCsvRows(text).filter((row) => !isBlankRow(row));
  if (rows.length === 0) throw OndeFileEmpty(file);

  const other: OndeFileKind = file === 'pupils' ? 'guardians' : 'pupils';
  const searched = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < searched; index++) {
    const row = rows[index] as CsvRow;
    const header = row.cells.map(normalizeKey);
    const own = signatureHits(header, file);
    const others = signatureHits(header, other);
    // Two names are enough to recognise an extraction; one could be a coincidence (`Classe`, `Courriel`).
    if (own < 2 && others < 2) continue;
    if (others > own) throw OndeFilesSwapped();
    const data = rows.slice(index + 1);
    if (data.length === 0) throw OndeFileEmpty(file);
    return { encoding, header, rows: data };
  }
  throw OndeNotOnde(file);
}
