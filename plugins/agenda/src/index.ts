import { definePlugin } from '@preau/sdk';
import { demo } from './demo.js';
import { feedRoutes } from './ical-routes.js';
import { fileHolders } from './file-holders.js';
import { holidayItems } from './holiday-items.js';
import { routes } from './routes.js';

/**
 * Agenda: the calendars of each class and of the school, and personal ones shared by role, with repeating
 * events in Paris time, reminders, iCal export, import and a private subscription for the phone's calendar.
 */
export default definePlugin({
  name: 'agenda',
  version: '0.1.0',
  sdk: '^1.0.0',
  title: { fr: 'Agenda', en: 'Calendar' },
  description: { fr: "Les agendas de la classe et de l'école, sur le téléphone des familles.", en: "The class's and the school's calendars, on families' phones." },
  icon: 'agenda',
  notifications: {
    reminder: {
      title: { fr: "Rappel d'un événement de l'agenda", en: 'Calendar event reminder' },
      message: { fr: 'Rappel : {title}, {when} ({place})', en: 'Reminder: {title}, {when} ({place})' },
      defaultDelivery: 'immediate',
    },
    'meeting-opened': {
      title: { fr: 'Rendez-vous parents–enseignant proposés', en: 'Parent–teacher meetings offered' },
      message: { fr: '{actor} propose des rendez-vous : {title}. Choisissez un créneau.', en: '{actor} offers meetings: {title}. Choose a slot.' },
      defaultDelivery: 'immediate',
    },
    'meeting-reminder': {
      title: { fr: 'Rappel : créneau de rendez-vous à choisir', en: 'Reminder: meeting slot to choose' },
      message: { fr: 'Pensez à choisir un créneau pour « {title} » avant le {deadline}.', en: 'Remember to choose a slot for "{title}" before {deadline}.' },
      defaultDelivery: 'immediate',
    },
  },
  sharing: {
    // The school's and the classes' calendars are registered with their school, whose administrators manage them.
    calendar: { title: { fr: 'un agenda', en: 'a calendar' }, url: '/apps/agenda?calendar={id}', implicitManagers: 'school-admins' },
  },
  // Pictures and files inserted in a description are read by the calendar's readers.
  fileHolders,
  migrations: new URL('../migrations', import.meta.url),
  routes,
  // The iCal subscription: a phone's calendar fetches it with its secret token, not a session.
  publicRoutes: feedRoutes,
  // Other apps find the school holidays by kind (the liaison notebook's pause until they end).
  datedItems: holidayItems,
  // RGPD: the calendars this person owns and the events they wrote.
  async exportPersonalData(userId, { db }) {
    return {
      calendars: await db('calendars').where({ owner_id: userId }).orderBy('id').select('id', 'name', 'color', 'created_at as createdAt'),
      events: await db('events').where({ created_by: userId }).orderBy('id')
        .select('id', 'calendar_id as calendarId', 'title', 'description', 'place', 'all_day as allDay', 'starts_at as startsAt', 'ends_at as endsAt', 'rule', 'created_at as createdAt'),
    };
  },
  demo,
  // Mon compte shows the phone's calendar address, to make or revoke without opening the agenda.
  web: { entry: new URL('../web/index.ts', import.meta.url), launcher: { icon: 'agenda' }, account: ['agenda-account-section'] },
});
