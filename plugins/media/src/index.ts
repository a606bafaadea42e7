import { definePlugin } from '@preau/sdk';
import { demo } from './demo.js';
import { fileHolders } from './file-holders.js';
import { routes } from './routes.js';
import { MediaSettings } from './settings.js';

/**
 * Média: sound and video recorded in the browser, converted on the server to formats every browser plays, and
 * inserted as players in any text (liaison words, messages, news, homework) through the editor's music and
 * video buttons; and multimedia class books (pages of text, pictures, video and sound, read as a book).
 */
export default definePlugin({
  name: 'media',
  version: '0.1.0',
  sdk: '^1.0.0',
  title: { fr: 'Média', en: 'Media' },
  description: { fr: 'Enregistrer du son et de la vidéo, les insérer dans vos textes, et faire les cahiers multimédias de la classe.', en: "Record sound and video, insert them in your texts, and make the class's multimedia books." },
  icon: 'media',
  settings: MediaSettings,
  notifications: {
    'page-submitted': {
      title: { fr: 'Page de cahier multimédia à valider', en: 'Multimedia book page to validate' },
      message: { fr: '{actor} propose une page dans le cahier {book}', en: '{actor} submits a page in the book {book}' },
      defaultDelivery: 'immediate',
      profiles: ['Teacher', 'Personnel'],
    },
  },
  sharing: {
    book: { title: { fr: 'un cahier multimédia', en: 'a multimedia book' }, url: '/apps/media/books/{id}' },
  },
  // The pictures, videos and sounds of a book's page are opened by whoever sees the page.
  fileHolders,
  migrations: new URL('../migrations', import.meta.url),
  routes,
  // RGPD: the recordings this person made (their files are in the storage export's quota figures).
  async exportPersonalData(userId, { db }) {
    return {
      recordings: await db('recordings').where({ owner_id: userId }).orderBy('id')
        .select('id', 'kind', 'name', 'status', 'size', 'duration_ms as durationMs', 'created_at as createdAt'),
      books: await db('books').where({ created_by: userId }).orderBy('id').select('id', 'title', 'created_at as createdAt'),
      pages: await db('pages').where({ author_id: userId }).orderBy('id').select('id', 'book_id as bookId', 'template', 'text', 'state', 'created_at as createdAt'),
    };
  },
  // `editor`: the shell loads the web entry up front, for the recorder behind every editor's music and video buttons.
  web: { entry: new URL('../web/index.ts', import.meta.url), launcher: { icon: 'media' }, editor: true },
  demo,
});
