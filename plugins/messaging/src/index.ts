import { definePlugin } from '@preau/sdk';
import { routes } from './routes.js';
import { fileHolders } from './file-holders.js';
import { unreadCounts } from './mailbox.js';
import { addDemoMessages } from './demo.js';

/** Messagerie: messages between people the communication rules allow, with folders, attachments and moderation. */
export default definePlugin({
  name: 'messaging',
  version: '1.0.0',
  sdk: '^1.0.0',
  title: { fr: 'Messagerie', en: 'Messages' },
  description: { fr: 'Écrire aux enseignants, aux familles et aux élèves de l’école.', en: 'Write to teachers, families and pupils of the school.' },
  icon: 'messaging',
  rights: {
    send: { title: { fr: 'Envoyer des messages', en: 'Send messages' }, default: ['Teacher', 'Personnel', 'Relative', 'Student', 'Guest'] },
    // Without it in a school, a pupil's messages wait until one of their teachers approves them.
    sendWithoutApproval: {
      title: { fr: "Élèves : envoyer sans la validation d'un enseignant", en: "Pupils: send without a teacher's approval" },
      default: ['Student'],
    },
  },
  notifications: {
    'message-received': {
      title: { fr: 'Nouveau message', en: 'New message' },
      message: { fr: '{actor} vous a écrit : {subject}', en: '{actor} wrote to you: {subject}' },
      defaultDelivery: 'immediate',
      push: true,
    },
    'moderation-pending': {
      title: { fr: 'Message d’élève à valider', en: 'Pupil message to approve' },
      message: { fr: '{actor} a écrit un message à valider : {subject}', en: '{actor} wrote a message to approve: {subject}' },
      defaultDelivery: 'immediate',
      // Teachers of the pupil's class and the director approve.
      profiles: ['Teacher', 'Personnel'],
    },
  },
  migrations: new URL('../migrations', import.meta.url),
  fileHolders,
  routes,
  async badge(user, { db }) {
    return { count: (await unreadCounts(db, user.id)).total };
  },
  // RGPD: the messages this person wrote and those addressed to them (not the others' folders).
  async exportPersonalData(userId, { db }) {
    const rows = await db('mailbox as b').join('messages as m', 'm.id', 'b.message_id').where('b.user_id', userId)
      .orderBy('b.sort_at').select('m.id', 'b.role', 'b.folder', 'm.subject', 'm.body_text as text', 'm.sent_at as sentAt', 'b.read_at as readAt');
    const attachments = await db('attachments as a').join('mailbox as b', 'b.message_id', 'a.message_id').where('b.user_id', userId).select('a.message_id as messageId', 'a.name', 'a.media_type as mediaType', 'a.size');
    return { messages: rows, attachments };
  },
  demo: addDemoMessages,
  web: { entry: new URL('../web/index.ts', import.meta.url), launcher: { icon: 'messaging' } },
});
