import type { FileHolderDeclaration } from '@preau/sdk';
import { calendarFor } from './calendars.js';

const NUMBER = /^[1-9][0-9]{0,9}$/;

/**
 * Who opens a file inserted in an event's description (`/api/core/files/<id>`): whoever reads the event's
 * calendar today, as the agenda's own routes decide.
 */
export const fileHolders: Record<'event', FileHolderDeclaration> = {
  event: {
    async canRead(user, id, { schools, services }) {
      if (!NUMBER.test(id)) return false;
      const event = await services.db('events').where({ id: Number(id) }).first('calendar_id');
      if (!event) return false;
      return Boolean(await calendarFor(services, user, schools, event.calendar_id as number, 'read', 'lire cet agenda').catch(() => null));
    },
  },
};
