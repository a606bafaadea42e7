import { defineMigration } from '@preau/sdk';

// What a notification's email adds under its message (the first lines of the text, the question and its
// deadline, and per recipient their children and classes). Apart from `params`: the timeline never shows it,
// and one family's lines never reach another.
export default defineMigration({
  async up(db) {
    await db.raw('alter table notifications add column email_details jsonb');
  },
  async down(db) {
    await db.raw('alter table notifications drop column email_details');
  },
});
