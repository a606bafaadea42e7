import { PDFDocument } from 'pdf-lib';
import { compareFrench, type PluginServices, type PupilRef } from '@preau/sdk';
import { changedAfterPublication, chosenPupils } from './entries.js';
import { frenchDay, parisDay } from './dates.js';
import { Flow, SIZE } from './pdf-flow.js';

type Services = Pick<PluginServices, 'db' | 'clock' | 'sanitize'>;

interface SheetRow {
  id: number;
  subject: string;
  title: string;
  body: string;
  due_on: string;
  minutes: number | null;
  visible_at: Date;
  edited_at: Date | null;
}

/**
 * The class's homework due over the period that families may see now (published), with the chosen pupils of
 * differentiated work: what the sheets print.
 */
async function publishedHomework(services: Services, classId: number, from: string, to: string) {
  const rows = (await services.db('entries as e')
    .where({ 'e.class_id': classId, 'e.kind': 'homework' }).whereBetween('e.due_on', [from, to]).where('e.visible_at', '<=', services.clock.now())
    .orderBy([{ column: 'e.due_on' }, { column: 'e.subject' }, { column: 'e.id' }])
    .select('e.id', 'e.subject', 'e.title', 'e.body', services.db.raw(`to_char(e.due_on, 'YYYY-MM-DD') as due_on`), 'e.minutes', 'e.visible_at', 'e.edited_at')) as SheetRow[];
  return { rows, chosen: await chosenPupils(services.db, rows.map((r) => r.id)) };
}

/**
 * One A4 sheet per pupil of the class (by name, French order) for pupils without internet at home: the
 * homework due over the period meant for them (the whole class's and differentiated work set for them, never
 * another pupil's), by due date, with a box to tick. Homework published later stays out until its time.
 */
export async function pupilSheetsPdf(services: Services, input: { classId: number; classLabel: string; from: string; to: string; pupils: readonly PupilRef[] }): Promise<Uint8Array> {
  const { rows, chosen } = await publishedHomework(services, input.classId, input.from, input.to);
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Travail à faire — ${input.classLabel}`);
  pdf.setLanguage('fr-FR');
  const flow = await Flow.create(pdf);
  const pupils = [...input.pupils].sort((a, b) => compareFrench(a.displayName, b.displayName));
  if (pupils.length === 0) flow.text(`Il n'y a pas d'élève dans la classe ${input.classLabel}.`);
  for (const [index, pupil] of pupils.entries()) {
    if (index > 0) flow.newPage();
    flow.text(pupil.displayName, { bold: true, size: SIZE.title, gap: 2 });
    flow.text(`${input.classLabel} — travail à faire du ${frenchDay(input.from)} au ${frenchDay(input.to)}`, { gap: 6 });
    const mine = rows.filter((r) => { const only = chosen.get(r.id); return !only || only.includes(pupil.id); });
    if (mine.length === 0) flow.text("Pas de travail à faire pour cette période.");
    for (const due of [...new Set(mine.map((r) => r.due_on))]) {
      flow.rule();
      flow.text(`Pour ${frenchDay(due)}`, { bold: true, size: SIZE.day, gap: 2 });
      for (const row of mine.filter((r) => r.due_on === due)) {
        const changed = changedAfterPublication(row);
        const extra = [row.minutes ? `environ ${row.minutes} min` : '', changed ? `modifié le ${frenchDay(parisDay(changed))}` : ''].filter(Boolean).join(', ');
        flow.text(`[  ] ${row.subject} : ${row.title}${extra ? ` (${extra})` : ''}`, { bold: true, indent: 10 });
        const text = services.sanitize.printText(row.body, 3000);
        if (text.trim()) flow.text(text, { indent: 30, gap: 3 });
      }
    }
  }
  return pdf.save();
}
