import type { FileHolderDeclaration } from '@preau/sdk';
import { findEntry } from './mailbox.js';
import { moderatorsOf } from './sending.js';

const NUMBER = /^[1-9][0-9]{0,17}$/;

/**
 * Who opens a file inserted in a message's text (`/api/core/files/<id>`): whoever has the message in their
 * mailbox (its author, its recipients, not after it was recalled), and the teachers who moderate a pupil's
 * message waiting for them.
 */
export const fileHolders: Record<'body', FileHolderDeclaration> = {
  body: {
    async canRead(user, id, { services }) {
      if (!NUMBER.test(id)) return false;
      const entry = await findEntry(services.db, user.id, Number(id));
      if (entry) return entry.recalled_at === null || entry.role === 'author';
      const pending = await services.db('messages').where({ id: Number(id), state: 'pending' }).first('author_id');
      return !!pending && user.profile === 'Teacher' && (await moderatorsOf(services, pending.author_id)).includes(user.id);
    },
  },
};
