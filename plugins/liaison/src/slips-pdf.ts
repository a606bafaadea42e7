import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { frenchOrder, type PluginServices } from '@preau/sdk';

// A4 in points; three slips a page, each in a dashed box to cut along, as teachers glue them in the notebook.
const PAGE = { width: 595.28, height: 841.89, margin: 36 };
const PER_PAGE = 3;
const SIZE = { title: 13, text: 10, small: 9 };

/** Helvetica speaks WinAnsi only: characters it cannot draw (emoji) become a question mark, never an error. */
function drawable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  return [...text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/\u00A0|\u202F/g, ' ')]
    .map((char) => (supported.has(char.codePointAt(0)!) ? char : '?'))
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

interface Slip {
  pupil: string;
  classLabel: string;
}

function drawSlip(page: PDFPage, fonts: { regular: PDFFont; bold: PDFFont }, top: number, height: number, slip: Slip, word: { title: string; text: string; author: string; sentOn: string }): void {
  const left = PAGE.margin;
  const width = PAGE.width - 2 * PAGE.margin;
  page.drawRectangle({ x: left, y: top - height + 6, width, height: height - 12, borderColor: rgb(0.4, 0.4, 0.4), borderWidth: 0.8, borderDashArray: [4, 3] });
  let y = top - 24;
  const text = (value: string, font: PDFFont, size: number) => {
    page.drawText(drawable(font, value), { x: left + 12, y, size, font, color: rgb(0.1, 0.1, 0.1) });
    y -= size + 4;
  };
  text(`${slip.pupil} — ${slip.classLabel}`, fonts.bold, SIZE.text);
  text(word.title, fonts.bold, SIZE.title);
  text(`${word.author}, le ${word.sentOn}`, fonts.regular, SIZE.small);
  y -= 2;
  const room = Math.max(1, Math.floor((y - (top - height + 60)) / (SIZE.text + 3)));
  const lines = wrap(fonts.regular, drawable(fonts.regular, word.text), SIZE.text, width - 24);
  for (const line of lines.slice(0, room)) text(line, fonts.regular, SIZE.text);
  if (lines.length > room) text('(suite du mot sur Préau)', fonts.regular, SIZE.small);
  const signatureY = top - height + 28;
  page.drawText(drawable(fonts.regular, "Lu et pris connaissance — signature d'un responsable :"), { x: left + 12, y: signatureY, size: SIZE.text, font: fonts.regular });
  page.drawLine({ start: { x: left + 290, y: signatureY - 2 }, end: { x: left + width - 12, y: signatureY - 2 }, thickness: 0.6, color: rgb(0.3, 0.3, 0.3) });
}

/** One slip per pupil the word reached (name, class, word, a line to sign), for families without internet. */
export async function slipsPdf(services: PluginServices, wordId: number): Promise<Uint8Array> {
  const word = await services.db('words').where({ id: wordId }).first('title', 'body', 'author_name', 'sent_at');
  const deliveries: { pupil_name: string; class_id: number }[] = await services.db('deliveries').where({ word_id: wordId }).orderByRaw(`class_id, ${frenchOrder('pupil_name')}, pupil_name`).select('pupil_name', 'class_id');
  const labels = new Map((await services.structure.classes([...new Set(deliveries.map((d) => d.class_id))])).map((c) => [c.id, c.label]));
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${word.title} — coupons`);
  pdf.setLanguage('fr-FR');
  const fonts = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
  const details = {
    title: word.title,
    text: services.sanitize.plainText(word.body, 1500),
    author: word.author_name,
    sentOn: new Date(word.sent_at).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' }),
  };
  const height = (PAGE.height - 2 * PAGE.margin) / PER_PAGE;
  let page: PDFPage | undefined;
  deliveries.forEach((delivery, index) => {
    if (index % PER_PAGE === 0) page = pdf.addPage([PAGE.width, PAGE.height]);
    drawSlip(page!, fonts, PAGE.height - PAGE.margin - (index % PER_PAGE) * height, height, { pupil: delivery.pupil_name, classLabel: labels.get(delivery.class_id) ?? '' }, details);
  });
  if (deliveries.length === 0) pdf.addPage([PAGE.width, PAGE.height]);
  return pdf.save();
}
