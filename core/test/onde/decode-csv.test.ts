import t from 'tap';
import { decodeCsv, parseCsvRows } from '../../src/onde/decode-csv.js';

t.test('a file with a byte-order mark is UTF-8 and the mark is removed', async (t) => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('Nom élève;Prénom', 'utf8')]);
  t.strictSame(decodeCsv(bytes), { text: 'Nom élève;Prénom', encoding: 'utf-8' });
});

t.test('valid UTF-8 without a mark is UTF-8', async (t) => {
  t.strictSame(decodeCsv(new Uint8Array(Buffer.from('Angoulême;Loïc', 'utf8'))), { text: 'Angoulême;Loïc', encoding: 'utf-8' });
  t.equal(decodeCsv(new Uint8Array(Buffer.from('ASCII only', 'utf8'))).encoding, 'utf-8');
});

t.test('anything else is Windows-1252, including the characters it adds to Latin-1', async (t) => {
  // é, Œ (0x8C), ’ (0x92), € (0x80): Node 20 decodes the last three as C1 controls unless mended.
  const bytes = new Uint8Array([0x4c, 0xe9, 0x61, 0x3b, 0x8c, 0x3b, 0x4e, 0x92, 0x44, 0x3b, 0x80]);
  t.strictSame(decodeCsv(bytes), { text: 'Léa;Œ;N’D;€', encoding: 'windows-1252' });
});

t.test('rows split on semicolons with quoted cells holding separators, quotes and line breaks', async (t) => {
  const text = 'a;b;c\r\n"x;y";"he said ""hi""";"two\r\nlines"\r\n\r\nlast;"";\n';
  t.strictSame(parseCsvRows(text), [
    { line: 1, cells: ['a', 'b', 'c'] },
    { line: 2, cells: ['x;y', 'he said "hi"', 'two\r\nlines'] },
    { line: 5, cells: ['last', '', ''] },
  ]);
});

t.test('line numbers count LF, CRLF and lone CR line ends, and empty lines are skipped', async (t) => {
  t.strictSame(parseCsvRows('\n\na\rb\r\n"c\nd"\n\ne'), [
    { line: 3, cells: ['a'] },
    { line: 4, cells: ['b'] },
    { line: 5, cells: ['c\nd'] },
    { line: 8, cells: ['e'] },
  ]);
});

t.test('malformed quoting is read the way spreadsheet programs read it', async (t) => {
  t.strictSame(parseCsvRows('ab"c;"d"e;f\n"open;g'), [
    { line: 1, cells: ['ab"c', 'de', 'f'] },
    { line: 2, cells: ['open;g'] },
  ]);
  t.strictSame(parseCsvRows('a;'), [{ line: 1, cells: ['a', ''] }], 'a trailing separator closes an empty cell');
});

t.test('an export at the 20 MB size limit is decoded and split whole, line numbers intact', async (t) => {
  const row = 'SIMON;;Raphaël;19/05/2020;M;1000023694H;12 rue des Écoles;16000;Angoulême;FRANCE;;;;;CYCLE II;CP;"CP - M. ROUX";41002;Non;Oui;Oui;\r\n';
  const count = Math.ceil((20 * 1024 * 1024) / row.length);
  const bytes = new Uint8Array(Buffer.from(row.repeat(count), 'latin1'));
  const rows = parseCsvRows(decodeCsv(bytes).text);
  t.equal(rows.length, count);
  t.strictSame(rows.at(-1), { line: count, cells: row.trimEnd().split(';').map((cell) => cell.replace(/"/g, '')) });
});
