import { PDFDocument } from 'pdf-lib';
import type { PluginServices } from '@preau/sdk';
import { Flow, SIZE } from './pdf-flow.js';
import type { StaffEntry, Visa } from './schemas.js';
import { frenchDay } from './dates.js';

/**
 * A class's cahier for a period as the binder keeps it: day by day, the séances then the homework given that
 * day (with its due date and estimated time), then the latest visa. Only what families may already see is
 * printed: homework published later stays out until its time.
 */
export async function weekPdf(services: Pick<PluginServices, 'sanitize'>, input: { classLabel: string; from: string; to: string; entries: readonly StaffEntry[]; visa: Visa | null }): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Cahier de textes — ${input.classLabel}`);
  pdf.setLanguage('fr-FR');
  const flow = await Flow.create(pdf);
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
