import { definePlugin, Type } from '@preau/sdk';
import { routes } from './routes.js';
import { homeworkBadge } from './badge.js';
import { homeworkDue } from './dated-items.js';
import { addDemoTextbook } from './demo.js';
import { exportTextbook } from './personal-data.js';
import { fileHolders } from './file-holders.js';

/**
 * Cahier de textes: per class, what was done in class (séances) and the homework for a due date, written by
 * the class's teachers, read by its pupils and their families ("qu'est-ce que tu as à faire pour demain ?"),
 * ticked "Fait", signed by the director.
 */
export default definePlugin({
  name: 'textbook',
  version: '1.0.0',
  sdk: '^1.0.0',
  title: { fr: 'Cahier de textes', en: 'Textbook' },
  description: { fr: 'Ce qui a été fait en classe et le travail à faire, pour les élèves et leurs familles.', en: 'What was done in class and the homework, for pupils and their families.' },
  icon: 'textbook',
  rights: {
    write: { title: { fr: 'Écrire dans le cahier de textes de ses classes', en: "Write in one's classes' textbook" }, default: ['Teacher', 'Personnel'] },
    tick: { title: { fr: 'Cocher « Fait » sur le travail à faire', en: 'Tick "Done" on homework' }, default: ['Student', 'Relative'] },
    // An inspector (a Guest or Personnel account) reads and signs every class's cahier of a school that gives it this.
    inspect: { title: { fr: 'Lire et viser tous les cahiers de textes (inspection)', en: 'Read and sign every textbook (inspection)' }, default: [] },
  },
  notifications: {
    homework: {
      title: { fr: 'Nouveau travail à faire', en: 'New homework' },
      message: { fr: '{actor} a donné du travail en {subject} pour le {due} : {title}', en: '{actor} set {subject} homework for {due}: {title}' },
      // A daily digest at the evening hour rather than a message per homework.
      defaultDelivery: 'daily',
      profiles: ['Student', 'Relative'],
    },
    'homework-changed': {
      title: { fr: 'Travail à faire modifié', en: 'Homework changed' },
      message: { fr: '{actor} a modifié le travail de {subject} pour le {due} : {title}', en: '{actor} changed the {subject} homework for {due}: {title}' },
      defaultDelivery: 'daily',
      profiles: ['Student', 'Relative'],
    },
  },
  settings: Type.Object({
    // "Pour demain" on a Tuesday evening means Thursday in a four-day week; a school with Wednesday mornings adds 3.
    schoolDays: Type.Array(Type.Integer({ minimum: 1, maximum: 6 }), {
      minItems: 1, maxItems: 6, uniqueItems: true, default: [1, 2, 4, 5], description: 'The days classes are held (1 = Monday): the next one is "pour demain".',
    }),
  }, { additionalProperties: false }),
  migrations: new URL('../migrations', import.meta.url),
  routes,
  fileHolders,
  badge: homeworkBadge,
  // Calendars show the homework on the day it is due.
  datedItems: homeworkDue,
  demo: addDemoTextbook,
  exportPersonalData: exportTextbook,
  web: { entry: new URL('../web/index.ts', import.meta.url), launcher: { icon: 'textbook' } },
});
