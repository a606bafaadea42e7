import { StandardFonts, rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';

// A4 in points. The cahier flows from page to page, day by day, as the class binder keeps it.
export const PAGE = { width: 595.28, height: 841.89, margin: 48 };
export const SIZE = { title: 16, day: 13, heading: 11, text: 10, small: 9 };

// Helvetica speaks WinAnsi only: a character it cannot draw (emoji) becomes "?" rather than an error.
// (The same rule as liaison's slips: a candidate for an SDK PDF helper when a third app prints.)
function drawable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  return [...text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/\u00A0|\u202F/g, ' ')]
    .map((char) => (char === '\n' || supported.has(char.codePointAt(0)!) ? char : '?'))
    .join('');
}

function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

/** Writes lines top to bottom, opening a new page when one is full. */
export class Flow {
  private page!: PDFPage;
  private y = 0;
  constructor(private pdf: PDFDocument, private fonts: { regular: PDFFont; bold: PDFFont }) {
    this.newPage();
  }
  /** A flow on a new document's first page, in Helvetica. */
  static async create(pdf: PDFDocument): Promise<Flow> {
    return new Flow(pdf, { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) });
  }
  /** Goes on at the top of a new page (one pupil's sheet after another's). */
  newPage(): void {
    this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
  }
  text(value: string, options: { bold?: boolean; size?: number; indent?: number; gap?: number } = {}): void {
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const size = options.size ?? SIZE.text;
    const x = PAGE.margin + (options.indent ?? 0);
    for (const line of wrap(font, drawable(font, value), size, PAGE.width - PAGE.margin - x)) {
      if (this.y - size < PAGE.margin) this.newPage();
      this.page.drawText(line, { x, y: this.y - size, size, font, color: rgb(0.1, 0.1, 0.1) });
      this.y -= size + 4;
    }
    this.y -= options.gap ?? 0;
  }
  rule(): void {
    if (this.y - 8 < PAGE.margin) this.newPage();
    this.page.drawLine({ start: { x: PAGE.margin, y: this.y - 4 }, end: { x: PAGE.width - PAGE.margin, y: this.y - 4 }, thickness: 0.5, color: rgb(0.6, 0.6, 0.6) });
    this.y -= 12;
  }
}

