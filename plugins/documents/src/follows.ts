import type { PluginServices } from '@preau/sdk';
import { ancestorsOf, shareRef } from './nodes.js';
import type { PlacedFile } from './files.js';

/**
 * Tells the followers of the folders that received new files (each folder followed directly or above it),
 * who may still read them, once per upload and folder. After the upload's commit; failures are only logged.
 */
export async function notifyFollowers(services: Pick<PluginServices, 'db' | 'sharing' | 'notify' | 'log'>, placed: readonly PlacedFile[], actor: number): Promise<void> {
  const fresh = placed.filter((p) => !p.newVersion && p.parentId !== null);
  const byFolder = new Map<number, PlacedFile[]>();
  for (const file of fresh) byFolder.set(file.parentId!, [...(byFolder.get(file.parentId!) ?? []), file]);
  for (const [folderId, files] of byFolder) {
    try {
      const folder = await services.db('nodes').where({ id: folderId }).first('id', 'name');
      if (!folder) continue;
      const chain = [folderId, ...(await ancestorsOf(services.db, folderId)).map((a) => a.id)];
      const followers: number[] = [...new Set<number>(await services.db('follows').whereIn('folder_id', chain).pluck('user_id'))].filter((id) => id !== actor);
      const readers: number[] = [];
      for (const user of followers) if (await services.sharing.roleOf(user, shareRef({ id: folderId, is_file: false }))) readers.push(user);
      if (readers.length === 0) continue;
      await services.notify.send({
        type: 'new-file',
        recipients: { users: readers },
        actor,
        resource: { app: 'documents', id: `folder-${folderId}`, url: `/apps/documents/folders/${folderId}` },
        params: { name: files.length === 1 ? files[0]!.name : `${files.length} fichiers`, folder: folder.name as string },
      });
    } catch (error) {
      services.log.error({ err: error, folder: folderId }, 'documents: followers not notified');
    }
  }
}
