import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { frenchOrder, type PluginServices } from '@preau/sdk';

// A4 in points; three slips a page, each in a dashed box to cut along, as teachers glue them in the notebook.
const PAGE = { width: 595.28, height: 841.89, margin: 36 };
const PER_PAGE = 3;
const SIZE = { title: 13, text: 10, small: 9 };

/** Helvetica speaks WinAnsi only: characters it cannot draw (emoji) become a question mark, never an error; line breaks stay for `wrap`. */
function drawable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  return [...text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/\u00A0|\u202F/g, ' ')]
    .map((char) => (char === '\n' || supported.has(char.codePointAt(0)!) ? char : '?'))
    .join('');
}

// A paragraph keeps its indent (a nested list item), and its continuation lines go under its text.
function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const indent = /^ */.exec(paragraph)![0];
    const hanging = `${indent}${/^ *(•|\d+\.) /.test(paragraph) ? '   ' : ''}`;
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : `${indent}${word}`;
      if (font.widthOfTextAtSize(candidate, size) > width && line) {
        lines.push(line);
        line = `${hanging}${word}`;
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

/** The word's question, on every slip: the point of an authorisation slip is its "Oui / Non". */
interface SlipQuestion {
  prompt: string;
  options: string[];
  deadline: string | null;
}

interface SlipWord {
  title: string;
  text: string;
  author: string;
  sentOn: string;
  question: SlipQuestion | null;
}

function drawSlip(page: PDFPage, fonts: { regular: PDFFont; bold: PDFFont }, top: number, height: number, slip: Slip, word: SlipWord): void {
  const left = PAGE.margin;
  const width = PAGE.width - 2 * PAGE.margin;
  page.drawRectangle({ x: left, y: top - height + 6, width, height: height - 12, borderColor: rgb(0.4, 0.4, 0.4), borderWidth: 0.8, borderDashArray: [4, 3] });
  let y = top - 24;
  const text = (value: string, font: PDFFont, size: number, x = left + 12) => {
    page.drawText(drawable(font, value), { x, y, size, font, color: rgb(0.1, 0.1, 0.1) });
    y -= size + 4;
  };
  text(`${slip.pupil} — ${slip.classLabel}`, fonts.bold, SIZE.text);
  text(word.title, fonts.bold, SIZE.title);
  text(`${word.author}, le ${word.sentOn}`, fonts.regular, SIZE.small);
  y -= 2;
  const question = word.question;
  const promptLines = question ? wrap(fonts.bold, drawable(fonts.bold, question.prompt), SIZE.text, width - 24) : [];
  const questionHeight = question ? (promptLines.length + 1 + (question.deadline ? 1 : 0)) * (SIZE.text + 4) + 6 : 0;
  const room = Math.max(1, Math.floor((y - (top - height + 60) - questionHeight) / (SIZE.text + 3)));
  const lines = wrap(fonts.regular, drawable(fonts.regular, word.text), SIZE.text, width - 24);
  for (const line of lines.slice(0, room)) text(line, fonts.regular, SIZE.text);
  if (lines.length > room) text('(suite du mot sur Préau)', fonts.regular, SIZE.small);
  if (question) {
    y -= 4;
    for (const line of promptLines) text(line, fonts.bold, SIZE.text);
    // A box to tick before each answer (Helvetica has no ☐).
    let x = left + 12;
    for (const option of question.options) {
      const label = drawable(fonts.regular, option);
      const labelWidth = fonts.regular.widthOfTextAtSize(label, SIZE.text);
      if (x + 14 + labelWidth > left + width - 12) break;
      page.drawRectangle({ x, y: y - 1, width: 9, height: 9, borderColor: rgb(0.1, 0.1, 0.1), borderWidth: 0.8 });
      page.drawText(label, { x: x + 14, y, size: SIZE.text, font: fonts.regular, color: rgb(0.1, 0.1, 0.1) });
      x += 14 + labelWidth + 24;
    }
    y -= SIZE.text + 4;
    if (question.deadline) text(`Réponse attendue avant le ${question.deadline}`, fonts.regular, SIZE.small);
  }
  const signatureY = top - height + 28;
  page.drawText(drawable(fonts.regular, "Lu et pris connaissance — signature d'un responsable :"), { x: left + 12, y: signatureY, size: SIZE.text, font: fonts.regular });
  page.drawLine({ start: { x: left + 290, y: signatureY - 2 }, end: { x: left + width - 12, y: signatureY - 2 }, thickness: 0.6, color: rgb(0.3, 0.3, 0.3) });
}

/** One slip per pupil the word reached (name, class, word, a line to sign), for families without internet. */
export async function slipsPdf(services: PluginServices, wordId: number): Promise<Uint8Array> {
  const word = await services.db('words').where({ id: wordId }).first('title', 'body', 'author_name', 'sent_at', 'question');
  const deliveries: { pupil_name: string; class_id: number }[] = await services.db('deliveries').where({ word_id: wordId }).orderByRaw(`class_id, ${frenchOrder('pupil_name')}, pupil_name`).select('pupil_name', 'class_id');
  const labels = new Map((await services.structure.classes([...new Set(deliveries.map((d) => d.class_id))])).map((c) => [c.id, c.label]));
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${word.title} — coupons`);
  pdf.setLanguage('fr-FR');
  const fonts = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
  const day = (date: Date | string) => new Date(date).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });
  const question = word.question as { prompt: string; options: string[]; deadline: string | null } | null;
  const details: SlipWord = {
    title: word.title,
    // Paragraphs, list items and link addresses kept: a flattened text loses what a family must read.
    text: services.sanitize.printText(word.body, 1500),
    author: word.author_name,
    sentOn: day(word.sent_at),
    question: question ? { prompt: question.prompt, options: question.options, deadline: question.deadline ? day(question.deadline) : null } : null,
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
