import type { CurrentUser, PluginServices } from '@preau/sdk';
import { AnswerRefused } from './errors.js';
import type { Question } from './schemas.js';

// Signals are hints to refresh: a burst of acknowledgements on one word (a thousand families at 8:30) becomes
// one signal per word and process every 300 ms. Each process flushes its own, so no hint is lost across nodes.
const SIGNAL_DELAY_MS = 300;
const pendingSignals = new Map<string, { services: PluginServices; wordId: number; changes: Set<string> }>();

/** Tells the open tracking views of a word's followers (author, class staff) that it changed, soon. */
export async function signalFollowers(services: PluginServices, wordId: number, change: string): Promise<void> {
  const key = `${services.plugin.schema}:${wordId}`;
  const pending = pendingSignals.get(key);
  if (pending) {
    pending.changes.add(change);
    return;
  }
  pendingSignals.set(key, { services, wordId, changes: new Set([change]) });
  setTimeout(() => {
    const due = pendingSignals.get(key)!;
    pendingSignals.delete(key);
    sendSignal(due.services, due.wordId, [...due.changes].join(',')).catch((error: unknown) => due.services.log.warn({ err: error, wordId }, 'liaison signal failed'));
  }, SIGNAL_DELAY_MS).unref();
}

async function sendSignal(services: PluginServices, wordId: number, change: string): Promise<void> {
  const word = await services.db('words').where({ id: wordId }).first('author_id');
  const classIds: number[] = await services.db('audience').where({ word_id: wordId }).distinct().pluck('class_id');
  const staff = await services.structure.staffOf(classIds);
  const users = [...new Set([...(word?.author_id ? [word.author_id] : []), ...staff.map((s) => s.user.id)])];
  await services.notify.signal({ app: 'liaison', name: 'word-changed', users, data: { wordId, change } });
}

/**
 * Records that `user` opened the word for this child (clears "non lu" and "modifié"). On a word that needs
 * no acknowledgement, a relative opening it is the acknowledgement: "lu" means read.
 */
export async function markRead(services: PluginServices, user: CurrentUser, word: { id: number; requires_ack: boolean }, pupilId: number): Promise<boolean> {
  const now = services.clock.now();
  const acknowledged = await services.db.transaction(async (trx) => {
    await trx('views').insert({ word_id: word.id, user_id: user.id, pupil_id: pupilId, seen_at: now }).onConflict(['word_id', 'user_id', 'pupil_id']).merge(['seen_at']);
    if (word.requires_ack || user.profile !== 'Relative') return false;
    const added: unknown[] = await trx('acknowledgements')
      .insert({ word_id: word.id, pupil_id: pupilId, relative_id: user.id, relative_name: user.displayName, at: now })
      .onConflict(['word_id', 'pupil_id']).ignore().returning('pupil_id');
    return added.length > 0;
  });
  if (acknowledged) await signalFollowers(services, word.id, 'acknowledged');
  return acknowledged;
}

/**
 * "Confirmer la lecture" for one child. The first relative's acknowledgement stands for the child (both
 * parents then see who signed); acknowledging again changes nothing. The author's tracking view follows live;
 * their timeline hears once, when every family has read the word (not 27 lines for 27 signatures).
 */
export async function acknowledge(services: PluginServices, user: CurrentUser, word: { id: number; title: string; author_id: number | null }, pupilId: number) {
  const now = services.clock.now();
  const result = await services.db.transaction(async (trx) => {
    await trx('views').insert({ word_id: word.id, user_id: user.id, pupil_id: pupilId, seen_at: now }).onConflict(['word_id', 'user_id', 'pupil_id']).merge(['seen_at']);
    const added: { relative_id: number | null; relative_name: string; at: Date }[] = await trx('acknowledgements')
      .insert({ word_id: word.id, pupil_id: pupilId, relative_id: user.id, relative_name: user.displayName, at: now })
      .onConflict(['word_id', 'pupil_id']).ignore().returning(['relative_id', 'relative_name', 'at']);
    if (added.length === 0) return { added: false, row: await trx('acknowledgements').where({ word_id: word.id, pupil_id: pupilId }).first('relative_id', 'relative_name', 'at') };
    // Whoever completes the set tells the author: the acknowledgement rows are unique, so only one request sees 0.
    const missing = await trx.raw<{ rows: { missing: number }[] }>(
      `select count(*)::int as missing from deliveries d
        where d.word_id = ? and not exists (select 1 from acknowledgements k where k.word_id = d.word_id and k.pupil_id = d.pupil_id)`,
      [word.id],
    );
    return { added: true, row: added[0]!, complete: missing.rows[0]!.missing === 0 };
  });
  if (result.added) {
    await signalFollowers(services, word.id, 'acknowledged');
    if (word.author_id && 'complete' in result && result.complete) {
      const pupils = await services.db('deliveries').where({ word_id: word.id }).count<{ count: number }[]>('* as count');
      await services.notify.send({
        type: 'acknowledged',
        recipients: { users: [word.author_id] },
        actor: null,
        resource: { app: 'liaison', id: String(word.id), url: `/apps/liaison/words/${word.id}` },
        params: { title: word.title, pupils: Number(pupils[0]!.count) },
      });
    }
  }
  const row = result.row;
  return { by: { id: row.relative_id as number | null, displayName: row.relative_name as string }, at: new Date(row.at).toISOString(), added: result.added };
}

/** Answers the word's question for one child; either relative may change the answer until the deadline. */
export async function answer(services: PluginServices, user: CurrentUser, word: { id: number; question: Question | null }, pupilId: number, choice: number) {
  const question = word.question;
  if (!question) throw AnswerRefused('ce mot ne pose pas de question');
  if (!Number.isInteger(choice) || choice < 0 || choice >= question.options.length) throw AnswerRefused(`le choix doit être entre 0 et ${question.options.length - 1}`);
  const now = services.clock.now();
  if (question.deadline && new Date(question.deadline) < now) throw AnswerRefused('la date limite est passée');
  await services.db('answers')
    .insert({ word_id: word.id, pupil_id: pupilId, choice, relative_id: user.id, relative_name: user.displayName, at: now })
    .onConflict(['word_id', 'pupil_id']).merge(['choice', 'relative_id', 'relative_name', 'at']);
  await signalFollowers(services, word.id, 'answered');
  return { choice, by: { id: user.id, displayName: user.displayName }, at: now.toISOString() };
}
