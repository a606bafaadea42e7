import type { FileHolderDeclaration } from '@preau/sdk';
import { includes } from './access.js';
import { flashFor } from './flash-messages.js';
import { findItem, isLive } from './items.js';
import { threadFor } from './threads.js';

const NUMBER = /^[1-9][0-9]{0,9}$/;

/**
 * Who opens a file inserted in a news item or a flash message (`/api/core/files/<id>`): the item's readers as
 * its page decides (the thread's readers once it is live; its publishers and its author before), and the
 * people a flash message is shown to, and its author.
 */
export const fileHolders: Record<'body' | 'flash', FileHolderDeclaration> = {
  body: {
    async canRead(user, id, { schools, services }) {
      if (!NUMBER.test(id)) return false;
      const item = await findItem(services.db, Number(id));
      if (!item || item.status === 'trashed') return false;
      const thread = await threadFor(services, user, schools, item.thread_id, 'read', 'lire ce fil').catch(() => null);
      if (!thread) return false;
      return isLive(item, services.clock.now()) || includes(thread.role, 'publish') || (item.author_id === user.id && includes(thread.role, 'contribute'));
    },
  },
  flash: {
    async canRead(user, id, { schools, services }) {
      if (!NUMBER.test(id)) return false;
      const flash = await services.db('flash_messages').where({ id: Number(id) }).first('author_id');
      if (!flash) return false;
      if (flash.author_id === user.id) return true;
      return (await flashFor(services, user, schools.map((school) => school.id), services.clock.now(), Number(id))).length > 0;
    },
  },
};
