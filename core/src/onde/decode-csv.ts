/**
 * Bytes to text to rows for the CSV files a director downloads from ONDE: the encoding is guessed, the
 * rows are split with `;` and `"` the way ONDE (and Excel re-saving an ONDE file) writes them.
 */

/** The two encodings ONDE exports come in. */
export type CsvEncoding = 'utf-8' | 'windows-1252';

/** A decoded file and the encoding it was read with. */
export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
}

/** One CSV row and the 1-based line of the file where it starts (a quoted cell may span lines). */
export interface CsvRow {
  line: number;
  cells: string[];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const windows1252 = new TextDecoder('windows-1252');

/**
 * Windows-1252 characters of bytes 0x80–0x9F (index = byte − 0x80). Node 20.18.3+ decodes `windows-1252`
 * as Latin-1 and yields C1 controls for these bytes (nodejs/node#60888), so the decoded text is mended here;
 * the five bytes Windows-1252 leaves undefined keep their C1 code point, as the WHATWG table says.
 */
const C1_TO_WINDOWS_1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Decodes an export: UTF-8 when it starts with a byte-order mark (removed) or when the bytes are valid
 * UTF-8, else Windows-1252, which is what ONDE writes. A Windows-1252 file with accents is never valid
 * UTF-8 (an accented letter alone is an invalid UTF-8 sequence), so the test is reliable in practice.
 */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: lenientUtf8.decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    const text = windows1252.decode(bytes).replace(
      /[\u0080-\u009f]/g,
      (c) => C1_TO_WINDOWS_1252[c.charCodeAt(0) - 0x80] ?? c,
    );
    return { text, encoding: 'windows-1252' };
  }
}

const SEPARATOR = 0x3b; // ;
const QUOTE = 0x22; // "
const LF = 0x0a;
const CR = 0x0d;

/** Line breaks (LF, CRLF or a lone CR) between `from` and `to`, to keep line numbers right in quoted cells. */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}

/**
 * Splits CSV text into rows: separator `;`, quote `"` with `""` for a quote inside, LF or CRLF line
 * ends, quoted cells may hold separators and line breaks. Fully empty lines are skipped. Cells are slices
 * of the text (never built a character at a time) so a 50 MB export parses in well under a second.
 * A stray quote inside an unquoted cell is kept as text, and text after a closing quote is appended,
 * which is what spreadsheet programs do with such lines.
 */
export function parseCsvRows(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  const length = text.length;
  let pos = 0;
  let line = 1;
  while (pos < length) {
    const first = text.charCodeAt(pos);
    if (first === LF || first === CR) {
      pos += first === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
      line++;
      continue;
    }
    const rowLine = line;
    const cells: string[] = [];
    for (;;) {
      let cell: string;
      if (text.charCodeAt(pos) === QUOTE) {
        let start = pos + 1;
        let escaped = '';
        for (;;) {
          const quote = text.indexOf('"', start);
          if (quote === -1) {
            // An unterminated quote runs to the end of the file, as in spreadsheet programs.
            line += countLineBreaks(text, start, length);
            cell = escaped + text.slice(start);
            pos = length;
            break;
          }
          line += countLineBreaks(text, start, quote);
          if (text.charCodeAt(quote + 1) === QUOTE) {
            escaped += text.slice(start, quote + 1);
            start = quote + 2;
            continue;
          }
          cell = escaped + text.slice(start, quote);
          pos = quote + 1;
          break;
        }
        const tail = pos;
        while (pos < length) {
          const c = text.charCodeAt(pos);
          if (c === SEPARATOR || c === LF || c === CR) break;
          pos++;
        }
        if (pos > tail) cell += text.slice(tail, pos);
      } else {
        const start = pos;
        while (pos < length) {
          const c = text.charCodeAt(pos);
          if (c === SEPARATOR || c === LF || c === CR) break;
          pos++;
        }
        cell = text.slice(start, pos);
      }
      cells.push(cell);
      if (pos >= length) break;
      const c = text.charCodeAt(pos);
      if (c === SEPARATOR) {
        pos++;
        // A separator at the very end of the file still closes a last, empty cell.
        if (pos >= length) {
          cells.push('');
          break;
        }
        continue;
      }
      pos += c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    rows.push({ line: rowLine, cells });
  }
  return rows;
}
