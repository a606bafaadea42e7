import { encodeWindows1252 } from '../onde/windows-1252.js';
import { slipLines, type SlipSheet } from './activation-slips.js';

// A4 in points; three slips per page, each in a dashed box to cut along.
const PAGE = { width: 595, height: 842, margin: 36 };
const PER_PAGE = 3;

/** A PDF string literal in Windows-1252 (what Helvetica's WinAnsiEncoding reads), with ( ) \ escaped. */
function pdfText(text: string): string {
  const bytes = encodeWindows1252(text);
  let out = '';
  for (const byte of bytes) {
    const char = String.fromCharCode(byte);
    out += char === '(' || char === ')' || char === '\\' ? `\\${char}` : byte < 0x20 || byte > 0x7e ? `\\${byte.toString(8).padStart(3, '0')}` : char;
  }
  return `(${out})`;
}

function pageContent(sheet: SlipSheet, slips: SlipSheet['slips']): string {
  const boxHeight = (PAGE.height - 2 * PAGE.margin) / PER_PAGE;
  const ops: string[] = ['0.3 g', '[4 3] 0 d'];
  slips.forEach((slip, index) => {
    const top = PAGE.height - PAGE.margin - index * boxHeight;
    ops.push(`${PAGE.margin} ${top - boxHeight + 6} ${PAGE.width - 2 * PAGE.margin} ${boxHeight - 12} re S`);
    const { title, lines, steps } = slipLines(sheet, slip);
    let y = top - 30;
    const line = (text: string, size: number, font = 'F1') => {
      ops.push(`BT /${font} ${size} Tf ${PAGE.margin + 16} ${y} Td ${pdfText(text)} Tj ET`);
      y -= size + 6;
    };
    ops.push('0 g');
    line(title, 13, 'F2');
    line("Votre accès à Préau, l'espace numérique de l'école", 10);
    for (const text of lines) line(text, text.startsWith('Identifiant') || text.startsWith('Code') ? 13 : 11, text.startsWith('Identifiant') || text.startsWith('Code') ? 'F2' : 'F1');
    for (const text of steps) line(text, 9);
    ops.push('0.3 g');
  });
  return ops.join('\n');
}

/**
 * The slips as a PDF (Helvetica, three per A4 page), written by hand: a few hundred bytes of structure do not
 * justify a PDF library, and Windows-1252 covers French.
 */
export function renderSlipsPdf(sheet: SlipSheet): Buffer {
  const pages: SlipSheet['slips'][] = [];
  for (let i = 0; i < sheet.slips.length; i += PER_PAGE) pages.push(sheet.slips.slice(i, i + PER_PAGE));
  if (pages.length === 0) pages.push([]);
  const objects: string[] = [];
  // Object numbers start at 1: the number of an object is the array length once it is pushed.
  const add = (body: string) => objects.push(body);
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const slips of pages) {
    const content = pageContent(sheet, slips);
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Resources << /Font << /F1 ${font} 0 R /F2 ${bold} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
