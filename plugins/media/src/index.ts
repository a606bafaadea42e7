import { definePlugin } from '@preau/sdk';
import { routes } from './routes.js';

/** Média: the items of a school, read by its members and added by those who hold the `write` right. */
export default definePlugin({
  name: 'media',
  version: '0.1.0',
  sdk: '^1.0.0',
  title: { fr: 'Média', en: 'Média' },
  description: { fr: "Les éléments de l'école.", en: "The school's items." },
  // A name of the shell's icon set (messaging, notebook, news, lunch, documents, blog, agenda, textbook, media, app)
  // or your own SVG ('<svg viewBox="0 0 48 48">…</svg>'); see docs/design-system.md.
  icon: 'app',
  // Declared as data: a school's administrators choose which profiles hold each right in their school.
  rights: {
    write: { title: { fr: 'Ajouter des éléments', en: 'Add items' }, default: ['Teacher', 'Personnel'] },
  },
  migrations: new URL('../migrations', import.meta.url),
  routes,
  // RGPD: what the plugin holds about a person, added to their personal data export.
  async exportPersonalData(userId, { db }) {
    return { items: await db('items').where({ created_by: userId }).orderBy('id').select('school_id as schoolId', 'title', 'created_at as createdAt') };
  },
  web: { entry: new URL('../web/index.ts', import.meta.url), launcher: { icon: 'app' } },
});
