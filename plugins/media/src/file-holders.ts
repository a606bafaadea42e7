import type { FileHolderDeclaration } from '@preau/sdk';
import { bookFor } from './books.js';
import { canSee, pageRow } from './pages.js';

const NUMBER = /^[1-9][0-9]{0,9}$/;

/**
 * Who opens a file of a book's page (`/api/core/files/<id>`): whoever sees the page now, as the book's routes
 * decide (a pupil's page waiting for validation: its author and the book's managers).
 */
export const fileHolders: Record<'page', FileHolderDeclaration> = {
  page: {
    async canRead(user, id, { schools, services }) {
      if (!NUMBER.test(id)) return false;
      const page = await pageRow(services.db, Number(id));
      if (!page) return false;
      const found = await bookFor(services, user, schools, page.book_id, 'read', 'lire ce cahier').catch(() => null);
      return Boolean(found && canSee(page, user, found.role));
    },
  },
};
