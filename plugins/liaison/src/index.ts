import { Type, definePlugin } from '@preau/sdk';
import { routes } from './routes.js';
import { notebookBadge } from './badge.js';
import { addDemoWords } from './demo.js';
import { exportNotebook } from './personal-data.js';
import { fileHolders } from './file-holders.js';
import { questionDeadlines } from './dated-items.js';

/**
 * Carnet de liaison: the teacher's words to families, with read tracking ("7/27 lus"), replies, one-click
 * questions and reminders. To write to one person, use messaging; to write to a class, the notebook.
 */
export default definePlugin({
  name: 'liaison',
  version: '1.0.0',
  sdk: '^1.0.0',
  title: { fr: 'Carnet de liaison', en: 'Liaison notebook' },
  description: { fr: "Les mots de l'école aux familles, avec confirmation de lecture.", en: 'Words from school to families, with read confirmation.' },
  icon: 'notebook',
  rights: {
    post: { title: { fr: 'Écrire des mots dans le carnet', en: 'Write words in the notebook' }, default: ['Teacher', 'Personnel'] },
    acknowledge: { title: { fr: 'Confirmer la lecture et répondre aux questions', en: 'Acknowledge words and answer questions' }, default: ['Relative'] },
    reply: { title: { fr: 'Répondre à un mot', en: 'Reply to a word' }, default: ['Relative'] },
  },
  notifications: {
    'word-posted': {
      title: { fr: 'Nouveau mot dans le carnet', en: 'New word in the notebook' },
      message: { fr: '{actor} a écrit un mot : {title}', en: '{actor} wrote a word: {title}' },
      defaultDelivery: 'immediate',
      push: true,
    },
    reminder: {
      title: { fr: 'Rappel de lecture', en: 'Reading reminder' },
      message: { fr: 'Rappel : merci de confirmer la lecture du mot « {title} »', en: 'Reminder: please acknowledge the word "{title}"' },
      defaultDelivery: 'immediate',
      profiles: ['Relative'],
    },
    reply: {
      title: { fr: 'Réponse à un mot', en: 'Reply to a word' },
      message: { fr: '{actor} a répondu au mot « {title} »', en: '{actor} replied to the word "{title}"' },
      defaultDelivery: 'immediate',
      deliveryByProfile: { Teacher: 'daily', Personnel: 'daily' },
    },
    acknowledged: {
      title: { fr: 'Mot lu par toutes les familles', en: 'Word read by every family' },
      message: { fr: 'Toutes les familles ont lu le mot « {title} » ({pupils}/{pupils})', en: 'Every family read the word "{title}" ({pupils}/{pupils})' },
      defaultDelivery: 'daily',
      profiles: ['Teacher', 'Personnel'],
    },
    'question-deadline': {
      title: { fr: "Question d'un mot : date limite proche", en: "A word's question: deadline near" },
      message: { fr: 'Plus que 24 h pour répondre au mot « {title} » (jusqu’au {deadline})', en: '24 h left to answer the word "{title}" (until {deadline})' },
      defaultDelivery: 'immediate',
      push: true,
      profiles: ['Relative'],
    },
  },
  settings: Type.Object({
    purgeAfterMonths: Type.Integer({ minimum: 1, maximum: 120, default: 24, description: 'Words sent longer ago than this are deleted every night.' }),
  }, { additionalProperties: false }),
  migrations: new URL('../migrations', import.meta.url),
  fileHolders,
  routes,
  badge: notebookBadge,
  // The agenda shows the questions' deadlines beside its events.
  datedItems: questionDeadlines,
  demo: addDemoWords,
  exportPersonalData: exportNotebook,
  web: { entry: new URL('../web/index.ts', import.meta.url), launcher: { icon: 'notebook' } },
});
