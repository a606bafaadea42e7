import type { CurrentUser, PluginServices } from '@preau/sdk';
import { AnswerRefused } from './errors.js';
import type { Question } from './schemas.js';

/** Tells the open tracking views of a word's followers (author, class staff) that it changed. */
export async function signalFollowers(services: PluginServices, wordId: number, change: string): Promise<void> {
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
 * parents then see who signed); acknowledging again changes nothing. The author hears of it in their digest.
 */
export async function acknowledge(services: PluginServices, user: CurrentUser, word: { id: number; title: string; author_id: number | null }, pupilId: number) {
  const now = services.clock.now();
  const added = await services.db.transaction(async (trx): Promise<unknown[]> => {
    await trx('views').insert({ word_id: word.id, user_id: user.id, pupil_id: pupilId, seen_at: now }).onConflict(['word_id', 'user_id', 'pupil_id']).merge(['seen_at']);
    return trx('acknowledgements')
      .insert({ word_id: word.id, pupil_id: pupilId, relative_id: user.id, relative_name: user.displayName, at: now })
      .onConflict(['word_id', 'pupil_id']).ignore().returning('pupil_id');
  });
  const row = await services.db('acknowledgements').where({ word_id: word.id, pupil_id: pupilId }).first('relative_id', 'relative_name', 'at');
  if (added.length > 0) {
    await signalFollowers(services, word.id, 'acknowledged');
    if (word.author_id) {
      await services.notify.send({
        type: 'acknowledged',
        recipients: { users: [word.author_id] },
        actor: user.id,
        resource: { app: 'liaison', id: String(word.id), url: `/apps/liaison/words/${word.id}` },
        params: { title: word.title },
      });
    }
  }
  return { by: { id: row.relative_id as number | null, displayName: row.relative_name as string }, at: new Date(row.at).toISOString(), added: added.length > 0 };
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
