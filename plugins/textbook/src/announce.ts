import type { Knex, PluginServices } from '@preau/sdk';
import { frenchDay } from './dates.js';
import type { EntryRow } from './entries.js';

type Services = Pick<PluginServices, 'db' | 'structure' | 'notify' | 'jobs' | 'clock'>;

const announceKey = (id: number) => `announce:${id}`;

/** The pupils a homework is for (chosen ones, or the class today) and their relatives: its readers. */
async function readersOf(services: Services, entry: { id: number; class_id: number }): Promise<number[]> {
  const chosen: number[] = await services.db('entry_pupils').where({ entry_id: entry.id }).pluck('pupil_id');
  const pupils = chosen.length ? chosen : (await services.structure.pupilsOf([entry.class_id])).map((p) => p.id);
  const relatives = await services.structure.relativesOf(pupils);
  return [...new Set([...pupils, ...relatives.map((r) => r.relative.id)])];
}

/**
 * Tells a homework's families it is out, once: the row is marked first, so a job run twice (or a job racing
 * an immediate publication) tells nobody twice. Nothing happens before its publication time.
 */
export async function announceIfDue(services: Services, entryId: number): Promise<boolean> {
  const now = services.clock.now();
  const [row] = await services.db('entries')
    .where({ id: entryId, kind: 'homework' }).whereNull('notified_at').where('visible_at', '<=', now)
    .update({ notified_at: now })
    .returning(['id', 'class_id', 'title', 'subject', 'author_id', services.db.raw(`to_char(due_on, 'YYYY-MM-DD') as due_on`)]);
  if (!row) return false;
  await services.notify.send({
    type: 'homework',
    recipients: { users: await readersOf(services, row) },
    actor: row.author_id,
    resource: { app: 'textbook', id: String(row.id), url: `/apps/textbook/homework/${row.id}` },
    params: { title: row.title, subject: row.subject, due: frenchDay(row.due_on) },
  });
  return true;
}

/** Tells the families of an announced homework that it changed. */
export async function announceChange(services: Services, entry: EntryRow, actor: number): Promise<void> {
  if (entry.kind !== 'homework' || !entry.notified_at) return;
  await services.notify.send({
    type: 'homework-changed',
    recipients: { users: await readersOf(services, entry) },
    actor,
    resource: { app: 'textbook', id: String(entry.id), url: `/apps/textbook/homework/${entry.id}` },
    params: { title: entry.title, subject: entry.subject, due: frenchDay(entry.due_on!) },
  });
}

/**
 * Plans a homework's announcement in the write's transaction: at its publication time through a claimed job
 * (any server process, after restarts), never an in-process timer.
 */
export async function planAnnouncement(services: Services, trx: Knex.Transaction, entry: EntryRow): Promise<void> {
  if (entry.kind !== 'homework' || entry.notified_at) return;
  // Visible now: announced right after the write commits (routes call announceIfDue); later: by the job.
  if (new Date(entry.visible_at) > services.clock.now()) {
    await services.jobs.schedule('announce', new Date(entry.visible_at), { entryId: entry.id }, { key: announceKey(entry.id), transaction: trx });
  } else await services.jobs.cancel(announceKey(entry.id), { transaction: trx });
}

/** Removes a pending announcement (the entry is deleted). */
export async function cancelAnnouncement(services: Services, trx: Knex.Transaction, entryId: number): Promise<void> {
  await services.jobs.cancel(announceKey(entryId), { transaction: trx });
}
