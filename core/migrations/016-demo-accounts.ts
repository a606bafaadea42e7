import { defineMigration } from '@preau/sdk';

// Accounts made by `preau demo`: real-looking people with real-looking addresses (the ONDE sample's), who
// must never be emailed, even once SMTP is configured. The partial index keeps the mailer's check cheap.
export default defineMigration({
  async up(db) {
    await db.raw('alter table users add column demo boolean not null default false');
    await db.raw('create index users_demo_email on users (lower(email)) where demo');
  },
  async down(db) {
    await db.raw('drop index users_demo_email');
    await db.raw('alter table users drop column demo');
  },
});
