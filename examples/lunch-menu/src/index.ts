import { definePlugin } from '@preau/sdk';
import { routes } from './routes.js';
import { demo } from './demo.js';

/** Menu de la cantine: each school publishes its weekly lunch menu; families and pupils read it. */
export default definePlugin({
  name: 'lunch-menu',
  version: '1.0.0',
  sdk: '^1.0.0',
  title: { fr: 'Menu de la cantine', en: 'Lunch menu' },
  description: { fr: 'Les menus de la semaine du restaurant scolaire.', en: "The school canteen's weekly menus." },
  icon: 'lunch',
  rights: {
    publish: { title: { fr: 'Publier le menu', en: 'Publish the menu' }, default: ['Teacher', 'Personnel'] },
  },
  migrations: new URL('../migrations', import.meta.url),
  routes,
  // The demo school's menus of this week and the next.
  demo,
  // RGPD: the menus this person published (what the plugin holds about them).
  async exportPersonalData(userId, { db }) {
    return { publishedMenus: await db('menus').where({ published_by: userId }).orderBy('week').select('school_id as schoolId', 'week', 'published_at as publishedAt') };
  },
  web: { entry: new URL('../web/index.ts', import.meta.url), launcher: { icon: 'lunch' } },
});
