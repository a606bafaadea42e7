import type { FileHolderDeclaration } from '@preau/sdk';
import { shareRef } from './nodes.js';

/**
 * `fileHolders.version`: each version holds its blob (`documents:version:<id>`), so whoever may read the
 * document opens its files at `/api/core/files/<blob id>` too, and an author may insert them in a text (which then
 * holds them itself: deleting the document later does not break the text). A trashed document reads as gone.
 */
export const versionHolder: FileHolderDeclaration = {
  async canRead(user, id, { services }) {
    if (!/^\d{1,10}$/.test(id)) return false;
    const node = await services.db('versions').join('nodes', 'nodes.id', 'versions.node_id')
      .where('versions.id', Number(id)).whereNull('nodes.trashed_at').first('nodes.id', 'nodes.is_file');
    if (!node) return false;
    return (await services.sharing.roleOf(user.id, shareRef(node))) !== null;
  },
};
