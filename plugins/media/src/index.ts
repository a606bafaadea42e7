import { definePlugin } from '@preau/sdk';
import { demo } from './demo.js';
import { routes } from './routes.js';
import { MediaSettings } from './settings.js';

/**
 * Média: sound and video recorded in the browser, converted on the server to formats every browser plays, and
 * inserted as players in any text (liaison words, messages, news, homework) through the editor's music and
 * video buttons.
 */
export default definePlugin({
  name: 'media',
  version: '0.1.0',
  sdk: '^1.0.0',
  title: { fr: 'Média', en: 'Media' },
  description: { fr: 'Enregistrer du son et de la vidéo, et les insérer dans vos textes.', en: 'Record sound and video, and insert them in your texts.' },
  icon: 'media',
  settings: MediaSettings,
  migrations: new URL('../migrations', import.meta.url),
  routes,
  // RGPD: the recordings this person made (their files are in the storage export's quota figures).
  async exportPersonalData(userId, { db }) {
    return {
      recordings: await db('recordings').where({ owner_id: userId }).orderBy('id')
        .select('id', 'kind', 'name', 'status', 'size', 'duration_ms as durationMs', 'created_at as createdAt'),
    };
  },
  // `editor`: the shell loads the web entry up front, for the recorder behind every editor's music and video buttons.
  web: { entry: new URL('../web/index.ts', import.meta.url), launcher: { icon: 'media' }, editor: true },
  demo,
});
