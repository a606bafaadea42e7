import { defineMigration } from '@preau/sdk';

// A message's author has read it: their mailbox entry was left unread, so "Envoyés" told screen readers
// "non lu" on every message sent, and a sent message moved to a folder counted in its unread badge.
// Entries are now written read; this marks those written before. Nothing to undo: unread was never meant.
export default defineMigration({
  async up(db) {
    await db.raw(`update mailbox set read_at = sort_at where role = 'author' and read_at is null`);
  },
  async down() {},
});
