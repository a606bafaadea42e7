/**
 * The sample ONDE extractions of `test/fixtures/onde` and ways to re-encode or re-shape them, shared by
 * the ONDE reading tests.
 */
import { readFileSync } from 'node:fs';
import { decodeCsv, parseCsvRows } from '../../src/onde/decode-csv.js';
import { encodeWindows1252 } from '../../src/onde/windows-1252.js';

/** The sample schools, each a folder with both extractions and `expected.json`. */
export const SAMPLES = ['ecole-jean-moulin', 'ecole-maternelle-les-tilleuls'] as const;
export type Sample = (typeof SAMPLES)[number];

/** What a correct import of a sample produces (`expected.json`). */
export interface Expected {
  format: string;
  encoding: string;
  classes: { label: string; id: string; levels: string[]; pupils: number }[];
  pupils: number;
  families: number;
  guardians: number;
  links: number;
}

const FILES = { pupils: 'CSVExtraction-eleves.csv', guardians: 'CSVExtraction-responsables.csv' } as const;

function samplePath(sample: Sample, name: string): URL {
  return new URL(`../fixtures/onde/${sample}/${name}`, import.meta.url);
}

/** A sample extraction's bytes, as ONDE wrote them (Windows-1252). */
export function sampleBytes(sample: Sample, file: 'pupils' | 'guardians'): Uint8Array {
  return new Uint8Array(readFileSync(samplePath(sample, FILES[file])));
}

/** A sample extraction's text. */
export function sampleText(sample: Sample, file: 'pupils' | 'guardians'): string {
  return decodeCsv(sampleBytes(sample, file)).text;
}

export function expectedOf(sample: Sample): Expected {
  return JSON.parse(readFileSync(samplePath(sample, 'expected.json'), 'utf8')) as Expected;
}

/** Text as UTF-8 bytes, with a byte-order mark when asked (as Excel's "CSV UTF-8" saves). */
export function utf8(text: string, bom = false): Uint8Array {
  return new Uint8Array(Buffer.from(bom ? `\uFEFF${text}` : text, 'utf8'));
}

/** Text as Windows-1252 bytes, as ONDE saves. */
export function windows1252(text: string): Uint8Array {
  return encodeWindows1252(text);
}

const BE1D_COLUMNS: [header: string, from: number][] = [
  ['Nom Elève', 0], ["Nom d'usage Elève", 1], ['Prénom Elève', 2], ['Date naissance', 3], ['Sexe', 4],
  ['Adresse1', 6], ['Cp1', 7], ['Commune1', 8], ['Pays1', 9], ['Cycle', 14], ['Niveau', 15], ['Classe', 16],
];

/**
 * A sample pupils extraction rewritten the way Base élèves wrote it: every field quoted, CRLF line ends,
 * `Nom Elève`/`Prénom Elève`/`Classe` headers, no INE, no class identifier, dates as yyyy-mm-dd.
 */
export function be1dPupils(sample: Sample): Uint8Array {
  const [, ...rows] = parseCsvRows(sampleText(sample, 'pupils'));
  const quote = (value: string): string => `"${value.replace(/"/g, '""')}"`;
  const lines = [BE1D_COLUMNS.map(([header]) => quote(header)).join(';')];
  for (const { cells } of rows) {
    lines.push(
      BE1D_COLUMNS.map(([header, from]) => {
        const value = cells[from] ?? '';
        return quote(header === 'Date naissance' ? value.split('/').reverse().join('-') : value);
      }).join(';'),
    );
  }
  return windows1252(`${lines.join('\r\n')}\r\n`);
}
