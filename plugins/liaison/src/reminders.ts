import type { CurrentUser, PluginServices } from '@preau/sdk';
import { ReminderTooSoon } from './errors.js';
import { wordUrl } from './delivery.js';

const HOUR_MS = 3_600_000;

/**
 * "Rappel de lecture": notifies the relatives of every pupil whose word is not acknowledged yet, at most once an
 * hour per word. The check and the record are one transaction holding the word's row, so two clicks at once
 * send one reminder.
 */
export async function sendReminder(services: PluginServices, user: CurrentUser, word: { id: number; title: string }): Promise<{ pupils: number; relatives: number }> {
  const { db, clock, structure } = services;
  const pending: number[] = await db('deliveries as d')
    .leftJoin('acknowledgements as k', function joinAck() {
      this.on('k.word_id', 'd.word_id').andOn('k.pupil_id', 'd.pupil_id');
    })
    .where('d.word_id', word.id).whereNull('k.pupil_id').pluck('d.pupil_id');
  const relatives = [...new Set((await structure.relativesOf(pending)).map((r) => r.relative.id))];
  const now = clock.now();
  await db.transaction(async (trx) => {
    await trx('words').where({ id: word.id }).forUpdate().first('id');
    const last = await trx('reminders').where({ word_id: word.id }).orderBy('sent_at', 'desc').first('sent_at');
    if (last && now.getTime() - new Date(last.sent_at).getTime() < HOUR_MS) {
      throw ReminderTooSoon(Math.ceil((HOUR_MS - (now.getTime() - new Date(last.sent_at).getTime())) / 60_000));
    }
    await trx('reminders').insert({ word_id: word.id, sent_by: user.id, sent_at: now, pupils: pending.length, relatives: relatives.length });
  });
  if (relatives.length) {
    await services.notify.send({
      type: 'reminder',
      recipients: { users: relatives },
      actor: user.id,
      resource: { app: 'liaison', id: String(word.id), url: wordUrl(word.id) },
      params: { title: word.title },
    });
  }
  return { pupils: pending.length, relatives: relatives.length };
}
