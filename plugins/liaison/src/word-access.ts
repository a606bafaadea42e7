import type { CurrentUser, PluginServices, SchoolRef } from '@preau/sdk';
import { childrenInSchools, followsWord, type WordAccessRow } from './access.js';
import { ChildNotAllowed, WordNotFound } from './errors.js';
import type { Question } from './schemas.js';

/** A word row as routes load it. */
export interface WordRow extends WordAccessRow {
  title: string;
  author_id: number | null;
  requires_ack: boolean;
  replies_allowed: boolean;
  question: Question | null;
}

const COLUMNS = ['id', 'school_id', 'author_id', 'title', 'requires_ack', 'replies_allowed', 'question', 'sent_at'];

// Pauses end on a Paris school day, not at UTC midnight.
export { parisDay } from '@preau/sdk';

/** A word the user follows as staff (author, class staff, direction), else 404: nobody learns what exists. */
export async function loadFollowedWord(services: PluginServices, user: CurrentUser, schools: readonly SchoolRef[], wordId: number): Promise<WordRow & { classIds: number[] }> {
  // One read for the word and the classes it went to: this guards the tracking view, the hottest staff route.
  const word: (WordRow & { class_ids: number[] }) | undefined = await services.db('words as w').where({ 'w.id': wordId })
    .first([...COLUMNS.map((c) => `w.${c}`), services.db.raw(`coalesce((select array_agg(distinct a.class_id) from audience a where a.word_id = w.id), '{}') as class_ids`)]);
  if (!word) throw WordNotFound();
  const { class_ids: classIds, ...row } = word;
  if (!(await followsWord(user, row, classIds, schools, services.structure))) throw WordNotFound();
  return { ...row, classIds };
}

/** The pupils the user reads words for: a relative's children, or the pupil themself. */
export async function familyPupils(services: PluginServices, user: CurrentUser, schools: readonly SchoolRef[]): Promise<number[]> {
  if (user.profile === 'Student') return [user.id];
  return [...(await childrenInSchools(user, schools, services.structure)).keys()];
}

/**
 * A sent word as a family member reaches it for one child: the child must be theirs (or themself) and the word
 * delivered to that child. A word that exists but is not theirs is a 404 like one that does not exist; a child
 * who is not theirs is a 403.
 */
export async function loadFamilyWord(services: PluginServices, user: CurrentUser, schools: readonly SchoolRef[], wordId: number, pupilId: number): Promise<WordRow> {
  const pupils = await familyPupils(services, user, schools);
  if (!pupils.includes(pupilId)) throw ChildNotAllowed();
  const word: WordRow | undefined = await services.db('words as w')
    .join('deliveries as d', 'd.word_id', 'w.id')
    .where({ 'w.id': wordId, 'd.pupil_id': pupilId })
    .whereIn('w.school_id', schools.map((s) => s.id))
    .first(COLUMNS.map((c) => `w.${c}`));
  if (!word) throw WordNotFound();
  return word;
}
