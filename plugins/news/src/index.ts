import { definePlugin, Type } from '@preau/sdk';
import { includes, THREAD_ROLES } from './access.js';
import { demo } from './demo.js';
import { threadsOf } from './threads.js';
import { routes } from './routes.js';
import { fileHolders } from './file-holders.js';

/** Actualités: info threads shared with groups by role, and the director's flash messages on top of the home page. */
export default definePlugin({
  name: 'news',
  version: '1.0.0',
  sdk: '^1.0.0',
  title: { fr: 'Actualités', en: 'News' },
  description: { fr: "Les fils d'info de l'école et les messages flash de la direction.", en: "The school's news threads and the director's flash messages." },
  icon: 'news',
  rights: {
    // Directors and local administrators always may; a school's administrators give it to other profiles (the
    // core's per-school rights), in Administration or from the app's own page, which shows the same right.
    createThreads: { title: { fr: "Créer des fils d'info", en: 'Create news threads' }, default: [] },
  },
  notifications: {
    published: {
      title: { fr: 'Nouvelle actualité', en: 'New news item' },
      message: { fr: '{actor} a publié « {title} » dans {thread}', en: '{actor} published "{title}" in {thread}' },
      defaultDelivery: 'daily',
    },
    submitted: {
      title: { fr: 'Actualité à valider', en: 'News item to validate' },
      message: { fr: '{actor} propose « {title} » dans {thread}', en: '{actor} submitted "{title}" in {thread}' },
      defaultDelivery: 'immediate',
      profiles: ['Teacher', 'Personnel'],
    },
    // A flash message is on top of the home page: it reaches open tabs as a live signal, and as a notification
    // (email or push per preferences) only when its author asked for it.
    'flash-notified': {
      title: { fr: 'Message flash (envoyé aussi par courriel)', en: 'Flash message (also emailed)' },
      message: { fr: 'Message flash : {title} — {signature}', en: 'Flash message: {title} — {signature}' },
      defaultDelivery: 'immediate',
      push: true,
    },
  },
  settings: Type.Object({
    purgeAfterMonths: Type.Integer({ minimum: 1, maximum: 120, default: 24, description: 'Items older than this are deleted every night.' }),
  }, { additionalProperties: false }),
  // Who may do what in a thread: the core's sharing, with the thread's four roles, the school's administrators
  // managing every thread of their school.
  sharing: {
    thread: {
      title: { fr: "un fil d'info", en: 'a news thread' },
      url: '/apps/news/threads/{id}',
      roles: THREAD_ROLES,
      implicitManagers: 'school-admins',
    },
  },
  migrations: new URL('../migrations', import.meta.url),
  fileHolders,
  routes,
  web: {
    entry: new URL('../web/index.ts', import.meta.url),
    launcher: { icon: 'news' },
    home: [
      { element: 'news-flash-messages', placement: 'top' },
      { element: 'news-headlines', placement: 'widget' },
    ],
  },
  // Publishers see how many items wait for their validation.
  async badge(user, services) {
    const schools = user.schools.filter((s) => services.apps.isEnabled(s.id, 'news'));
    const publishing = (await threadsOf(services, user, schools)).filter((m) => includes(m.role, 'publish')).map((m) => m.thread.id);
    if (publishing.length === 0) return { count: 0 };
    const [row] = await services.db('items').whereIn('thread_id', publishing).where({ status: 'submitted' }).count<{ n: string }[]>('* as n');
    return { count: Number(row?.n ?? 0) };
  },
  // RGPD: what this person wrote (items, comments, flash messages) and the flash messages they dismissed.
  async exportPersonalData(userId, { db }) {
    return {
      items: await db('items').where({ author_id: userId }).orderBy('id').select('id', 'thread_id as threadId', 'title', 'body', 'status', 'publish_at as publishAt', 'created_at as createdAt'),
      comments: await db('comments').where({ author_id: userId }).orderBy('id').select('id', 'item_id as itemId', 'body', 'created_at as createdAt'),
      flashMessages: await db('flash_messages').where({ author_id: userId }).orderBy('id').select('id', 'title', 'body', 'starts_at as startsAt', 'ends_at as endsAt'),
      flashReads: await db('flash_reads').where({ user_id: userId }).orderBy('flash_id').select('flash_id as flashId', 'read_at as readAt'),
    };
  },
  demo,
});
