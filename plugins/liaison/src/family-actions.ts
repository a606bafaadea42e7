import type { CurrentUser, PluginServices } from '@preau/sdk';
import { AnswerRefused } from './errors.js';
import type { Question } from './schemas.js';

// Who follows a word (author, class staff) changes rarely; a burst of signatures on one word asks the same
// question a thousand times. The answer is kept 5 s on this process: it only decides who gets a refresh hint.
const FOLLOWERS_TTL_MS = 5_000;
const followersCache = new Map<string, { users: number[]; until: number }>();

async function followersOf(services: PluginServices, wordId: number): Promise<number[]> {
  const key = `${services.plugin.schema}:${wordId}`;
  const cached = followersCache.get(key);
  if (cached && cached.until > Date.now()) return cached.users;
  const word = await services.db('words').where({ id: wordId }).first('author_id');
  const classIds: number[] = await services.db('audience').where({ word_id: wordId }).distinct().pluck('class_id');
  const staff = await services.structure.staffOf(classIds);
  const users = [...new Set([...(word?.author_id ? [word.author_id] : []), ...staff.map((s) => s.user.id)])];
  if (followersCache.size > 1000) followersCache.clear();
  followersCache.set(key, { users, until: Date.now() + FOLLOWERS_TTL_MS });
  return users;
}

/** Tells the open tracking views of a word's followers (author, class staff) that it changed. */
export async function signalFollowers(services: PluginServices, wordId: number): Promise<void> {
  await services.notify.signal({ app: 'liaison', name: 'word-changed', users: await followersOf(services, wordId), data: { wordId } });
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
  if (acknowledged) await signalFollowers(services, word.id);
  return acknowledged;
}

interface AckRow {
  relative_id: number | null;
  relative_name: string;
  at: string;
}

/**
 * "Confirmer la lecture" for one child. The first relative's acknowledgement stands for the child (both
 * parents then see who signed); acknowledging again changes nothing. The author's tracking view follows live;
 * their timeline hears once, when every family has read the word (not 27 lines for 27 signatures).
 */
export async function acknowledge(services: PluginServices, user: CurrentUser, word: { id: number; title: string; author_id: number | null }, pupilId: number) {
  const now = services.clock.now();
  // One statement (atomic on its own): the view, the acknowledgement if none yet, who signed first, and how
  // many pupils were still waiting. The statement does not see its own insert, so "only ours was missing" is 1.
  const { rows } = await services.db.raw<{ rows: { added: AckRow | null; existing: AckRow | null; missing: number }[] }>(
    `with seen as (
       insert into views (word_id, user_id, pupil_id, seen_at) values (:word, :user, :pupil, :now)
       on conflict (word_id, user_id, pupil_id) do update set seen_at = excluded.seen_at returning 1),
     added as (
       insert into acknowledgements (word_id, pupil_id, relative_id, relative_name, at) values (:word, :pupil, :user, :name, :now)
       on conflict (word_id, pupil_id) do nothing returning relative_id, relative_name, at)
     select (select row_to_json(a) from added a) as added,
            (select row_to_json(k) from (select relative_id, relative_name, at from acknowledgements where word_id = :word and pupil_id = :pupil) k) as existing,
            (select count(*)::int from deliveries d where d.word_id = :word
                and not exists (select 1 from acknowledgements k where k.word_id = d.word_id and k.pupil_id = d.pupil_id)) as missing,
            (select count(*) from seen) as seen`,
    { word: word.id, user: user.id, pupil: pupilId, name: user.displayName, now },
  );
  const outcome = rows[0]!;
  const result = { added: outcome.added !== null, row: (outcome.added ?? outcome.existing)!, complete: outcome.added !== null && outcome.missing === 1 };
  if (result.added) {
    await signalFollowers(services, word.id);
    if (word.author_id && result.complete) {
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
  return { by: { id: row.relative_id, displayName: row.relative_name }, at: new Date(row.at).toISOString(), added: result.added };
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
  await signalFollowers(services, word.id);
  return { choice, by: { id: user.id, displayName: user.displayName }, at: now.toISOString() };
}
