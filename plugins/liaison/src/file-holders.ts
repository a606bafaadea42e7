import type { CurrentUser, FileHolderDeclaration, PluginServices, SchoolRef } from '@preau/sdk';
import { familyPupils, loadFollowedWord } from './word-access.js';

const NUMBER = /^[1-9][0-9]{0,9}$/;

/** The pupils of the word's deliveries the user may read it for: staff who follow it read it for all. */
async function readablePupils(services: PluginServices, user: CurrentUser, schools: readonly SchoolRef[], wordId: number): Promise<'all' | number[]> {
  if (user.profile === 'Teacher' || user.profile === 'Personnel') {
    return loadFollowedWord(services, user, schools, wordId).then(() => 'all' as const, () => []);
  }
  const pupils = await familyPupils(services, user, schools);
  if (pupils.length === 0) return [];
  return services.db('deliveries').where({ word_id: wordId }).whereIn('pupil_id', pupils).pluck('pupil_id');
}

/**
 * Who opens a file inserted in a word or a reply (`/api/core/files/<id>`): whoever reads the word as its
 * attachments' route decides (staff who follow it, the families it was delivered to); a reply, the staff and
 * the family of the child it is about, not the other families.
 */
export const fileHolders: Record<'word' | 'reply', FileHolderDeclaration> = {
  word: {
    async canRead(user, id, { schools, services }) {
      if (!NUMBER.test(id)) return false;
      const pupils = await readablePupils(services, user, schools, Number(id));
      return pupils === 'all' || pupils.length > 0;
    },
  },
  reply: {
    async canRead(user, id, { schools, services }) {
      if (!NUMBER.test(id)) return false;
      const reply = await services.db('replies').where({ id: Number(id) }).first('word_id', 'pupil_id');
      if (!reply) return false;
      const pupils = await readablePupils(services, user, schools, reply.word_id);
      return pupils === 'all' || pupils.includes(reply.pupil_id);
    },
  },
};
