import { defineMigration } from '@preau/sdk';

// A new address waiting for its owner to open the link sent to it: until then `users.email` (where reset
// links go) stays the old one. One pending change per user; a new request replaces it.
export default defineMigration({
  async up(db) {
    await db.raw(`create table email_changes (
      user_id integer primary key references users (id) on delete cascade,
      token_hash text not null unique,
      email text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
      )`);
  },
  async down(db) {
    await db.raw('drop table email_changes');
  },
});
