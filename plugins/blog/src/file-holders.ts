import type { FileHolderDeclaration } from '@preau/sdk';
import { blogFor } from './blogs.js';
import { canSee, postRow } from './posts.js';

const NUMBER = /^[1-9][0-9]{0,9}$/;

/**
 * Who opens a file inserted in a post (`/api/core/files/<id>`): whoever sees the post now, as the blog's own
 * routes decide (a post waiting for validation: its author and the blog's managers). A blog's cover: its readers.
 */
export const fileHolders: Record<'post' | 'blog', FileHolderDeclaration> = {
  post: {
    async canRead(user, id, { schools, services }) {
      if (!NUMBER.test(id)) return false;
      const post = await postRow(services.db, Number(id));
      if (!post) return false;
      const found = await blogFor(services, user, schools, post.blog_id, 'read', 'lire ce blog').catch(() => null);
      return Boolean(found && canSee(post, user, found.role));
    },
  },
  blog: {
    async canRead(user, id, { schools, services }) {
      if (!NUMBER.test(id)) return false;
      return Boolean(await blogFor(services, user, schools, Number(id), 'read', 'lire ce blog').catch(() => null));
    },
  },
};
