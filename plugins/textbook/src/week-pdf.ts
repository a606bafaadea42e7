import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { PluginServices } from '@preau/sdk';
import type { StaffEntry, Visa } from './schemas.js';
import { frenchDay } from './dates.js';

// A4 in points. The cahier flows from page to page, day by day, as the class binder keeps it.
const PAGE = { width: 595.28, height: 841.89, margin: 48 };
const SIZE = { title: 16, day: 13, heading: 11, text: 10, small: 9 };

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
class Flow {
  private page!: PDFPage;
  private y = 0;
  constructor(private pdf: PDFDocument, private fonts: { regular: PDFFont; bold: PDFFont }) {
    this.newPage();
  }
  private newPage(): void {
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

/**
 * A class's cahier for a period as the binder keeps it: day by day, the séances then the homework given that
 * day (with its due date and estimated time), then the latest visa. Only what families may already see is
 * printed: homework published later stays out until its time.
 */
export async function weekPdf(services: Pick<PluginServices, 'sanitize'>, input: { classLabel: string; from: string; to: string; entries: readonly StaffEntry[]; visa: Visa | null }): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Cahier de textes — ${input.classLabel}`);
  pdf.setLanguage('fr-FR');
  const flow = new Flow(pdf, { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) });
  flow.text(`Cahier de textes — ${input.classLabel}`, { bold: true, size: SIZE.title, gap: 2 });
  flow.text(`Du ${frenchDay(input.from)} au ${frenchDay(input.to)}`, { size: SIZE.text, gap: 6 });
  const published = input.entries.filter((e) => e.published);
  if (published.length === 0) flow.text('Rien n’a été écrit dans le cahier pour cette période.');
  for (const day of [...new Set(published.map((e) => e.day))].sort()) {
    flow.rule();
    flow.text(frenchDay(day).replace(/^./, (c) => c.toUpperCase()), { bold: true, size: SIZE.day, gap: 2 });
    for (const kind of ['session', 'homework'] as const) {
      const ofKind = published.filter((e) => e.day === day && e.kind === kind);
      if (ofKind.length === 0) continue;
      flow.text(kind === 'session' ? 'Ce qui a été fait' : 'Travail à faire', { bold: true, size: SIZE.heading, gap: 1 });
      for (const entry of ofKind) {
        const due = entry.dueOn ? ` — pour le ${frenchDay(entry.dueOn)}${entry.minutes ? ` (environ ${entry.minutes} min)` : ''}` : '';
        flow.text(`${entry.subject} : ${entry.title}${due}`, { bold: true, indent: 10 });
        const text = services.sanitize.printText(entry.body, 3000);
        if (text.trim()) flow.text(text, { indent: 20 });
        flow.text(`${entry.author.displayName}${entry.pupilIds.length ? ` — pour ${entry.pupilIds.length} élève(s)` : ''}`, { size: SIZE.small, indent: 20, gap: 3 });
      }
    }
  }
  flow.rule();
  flow.text(input.visa
    ? `Visa de ${input.visa.by.displayName} le ${new Date(input.visa.at).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' })}${input.visa.note ? ` : ${input.visa.note}` : ''}`
    : 'Pas encore de visa.', { size: SIZE.small });
  return pdf.save();
}
