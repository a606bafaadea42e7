import { definePlugin } from '@preau/sdk';
import { demo } from './demo.js';
import { versionHolder } from './file-holders.js';
import { personalFiles } from './personal-files.js';
import { routes } from './routes.js';

/**
 * Documents (espace documentaire): each person's files and folders, shared by role through the core's sharing
 * service (inherited down folders), with versions, a trash, thumbnails and folders downloaded as ZIP.
 */
export default definePlugin({
  name: 'documents',
  version: '1.0.0',
  sdk: '^1.0.0',
  title: { fr: 'Documents', en: 'Documents' },
  description: { fr: 'Vos fichiers et dossiers, et ceux que l’on partage avec vous.', en: 'Your files and folders, and those shared with you.' },
  icon: 'documents',
  sharing: {
    folder: { title: { fr: 'un dossier', en: 'a folder' }, url: '/apps/documents/folders/{id}' },
    file: { title: { fr: 'un fichier', en: 'a file' }, url: '/apps/documents/files/{id}' },
  },
  notifications: {
    'new-file': {
      title: { fr: 'Nouveau fichier dans un dossier suivi', en: 'New file in a folder you follow' },
      message: { fr: '{actor} a ajouté « {name} » dans {folder}', en: '{actor} added "{name}" to {folder}' },
      defaultDelivery: 'daily',
    },
  },
  // Each version holds its blob: the document's readers open it at /api/core/files/<blob id>, and texts insert it.
  fileHolders: { version: versionHolder },
  // Other apps file what a person made into their space (the media app's recordings into « Enregistrements »).
  personalFiles,
  migrations: new URL('../migrations', import.meta.url),
  routes,
  // RGPD: the files and folders this person created, and the versions they added.
  async exportPersonalData(userId, { db }) {
    return {
      nodes: await db('nodes').where({ created_by: userId }).orderBy('id').select('id', 'is_file as isFile', 'parent_id as parentId', 'name', 'size', 'media_type as mediaType', 'created_at as createdAt', 'trashed_at as trashedAt'),
      versions: await db('versions').where({ author_id: userId }).orderBy('id').select('id', 'node_id as nodeId', 'number', 'name', 'size', 'created_at as createdAt'),
      follows: await db('follows').where({ user_id: userId }).orderBy('folder_id').pluck('folder_id'),
    };
  },
  // `editor`: the shell loads the web entry up front, for the picker behind every editor's image and document buttons.
  web: { entry: new URL('../web/index.ts', import.meta.url), launcher: { icon: 'documents' }, editor: true },
  demo,
});
