import t from 'tap';
import {
  OndeColumnMissing,
  OndeFileBinary,
  OndeFileEmpty,
  OndeFileTooLarge,
  OndeFilesSwapped,
  OndeNotOnde,
} from '../../src/onde/onde-errors.js';
import { readGuardiansFile } from '../../src/onde/read-guardians.js';
import { readPupilsFile } from '../../src/onde/read-pupils.js';
import { sampleBytes, sampleText, utf8, windows1252 } from './onde-samples.js';

/** The error `read` throws, for asserting on its code, status, message and details. */
function thrown(read: () => unknown): { code: string; statusCode: number; messages: { fr: string; en: string }; details: unknown } {
  try {
    read();
  } catch (error) {
    return error as { code: string; statusCode: number; messages: { fr: string; en: string }; details: unknown };
  }
  throw new Error('nothing was thrown');
}

t.test('a guardians extraction given as the pupils file is refused as swapped files, and the other way round', async (t) => {
  const asPupils = thrown(() => readPupilsFile(sampleBytes('ecole-jean-moulin', 'guardians')));
  t.equal(asPupils.code, OndeFilesSwapped.code);
  t.equal(asPupils.statusCode, 422);
  t.match(asPupils.messages.fr, /inversés/);
  const asGuardians = thrown(() => readGuardiansFile(sampleBytes('ecole-maternelle-les-tilleuls', 'pupils')));
  t.equal(asGuardians.code, OndeFilesSwapped.code);
});

t.test('a pupils file without a required column is refused naming the column', async (t) => {
  const text = sampleText('ecole-jean-moulin', 'pupils');
  for (const [header, column] of [
    ['Date naissance', 'Date naissance'],
    ['Prénom élève', 'Prénom élève'],
    ['Libellé classe', 'Libellé classe'],
  ] as const) {
    const error = thrown(() => readPupilsFile(windows1252(text.replace(header, 'Colonne renommée'))));
    t.equal(error.code, OndeColumnMissing.code, `without « ${column} »`);
    t.equal(error.statusCode, 422);
    t.strictSame(error.details, { file: 'pupils', column });
    t.match(error.messages.fr, `Il manque la colonne « ${column} » dans le fichier des élèves`);
  }
});

t.test('a guardians file without the guardian or child name columns is refused naming the column', async (t) => {
  const text = sampleText('ecole-jean-moulin', 'guardians');
  const error = thrown(() => readGuardiansFile(utf8(text.replace('Prénom responsable', 'Prénom'))));
  t.equal(error.code, OndeColumnMissing.code);
  t.strictSame(error.details, { file: 'guardians', column: 'Prénom responsable' });
  t.match(error.messages.fr, /fichier des responsables/);
  const noChildren = thrown(() => readGuardiansFile(utf8(text.replaceAll('Nom de famille enfant', 'Nom de famille'))));
  t.strictSame(noChildren.details, { file: 'guardians', column: 'Nom de famille enfant' });
});

t.test('an empty file, a file of blank lines and a header without rows are refused as empty', async (t) => {
  const header = sampleText('ecole-jean-moulin', 'pupils').split('\n')[0] as string;
  for (const [what, bytes] of [
    ['no bytes', new Uint8Array()],
    ['blank lines', utf8('\r\n\r\n;;;\n   \n')],
    ['a byte-order mark alone', utf8('', true)],
    ['a header alone', windows1252(`${header}\n`)],
  ] as const) {
    const error = thrown(() => readPupilsFile(bytes));
    t.equal(error.code, OndeFileEmpty.code, what);
    t.equal(error.statusCode, 422);
    t.match(error.messages.fr, /Le fichier des élèves est vide/);
  }
  t.equal(thrown(() => readGuardiansFile(new Uint8Array())).code, OndeFileEmpty.code, 'guardians too');
});

t.test('a binary file (a spreadsheet, a PDF) is refused as not being a CSV', async (t) => {
  const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00]);
  const error = thrown(() => readPupilsFile(xlsx));
  t.equal(error.code, OndeFileBinary.code);
  t.match(error.messages.fr, /n'est pas un fichier CSV/);
  // No NUL byte, but mostly control characters: still not text.
  const controls = new Uint8Array(2000).map((_, i) => (i % 3 === 0 ? 0x41 : 0x01 + (i % 7)));
  t.equal(thrown(() => readGuardiansFile(controls)).code, OndeFileBinary.code);
});

t.test('a file larger than the limit is refused with a 413 before being read', async (t) => {
  const error = thrown(() => readPupilsFile(sampleBytes('ecole-jean-moulin', 'pupils'), { maxBytes: 1024 }));
  t.equal(error.code, OndeFileTooLarge.code);
  t.equal(error.statusCode, 413);
  t.match(error.messages.fr, /dépasse la taille maximale/);
  t.ok(readPupilsFile(sampleBytes('ecole-jean-moulin', 'pupils'), { maxBytes: 20_000 }), 'under the limit it reads');
  const guardians = thrown(() => readGuardiansFile(new Uint8Array(21 * 1024 * 1024).fill(0x3b)));
  t.equal(guardians.code, OndeFileTooLarge.code, '20 MB by default');
});

t.test('a CSV file with none of the expected columns is refused as not an ONDE extraction', async (t) => {
  const csv = utf8('Produit;Prix;Quantité\nPommes;2,50;3\nPoires;3,10;1\n');
  const error = thrown(() => readPupilsFile(csv));
  t.equal(error.code, OndeNotOnde.code);
  t.equal(error.statusCode, 422);
  t.match(error.messages.fr, /ne ressemble pas à une extraction ONDE/);
  t.equal(thrown(() => readGuardiansFile(csv)).code, OndeNotOnde.code);
  t.equal(thrown(() => readPupilsFile(utf8('Nom;Prénom;Courriel\nDUPONT;Jean;j@example.org\n'))).code, OndeNotOnde.code, 'a teachers list is not ONDE either');
});
