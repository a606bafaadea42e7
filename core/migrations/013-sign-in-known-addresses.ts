import { defineMigration } from '@preau/sdk';

// The addresses each login signed in from lately. When an address is made to wait (many failures from it: a
// spraying attack from a school's shared address), the people who already signed in from it keep signing in
// at once; only logins never seen there wait, which is what a sprayer's guesses are.
export default defineMigration({
  async up(db) {
    await db.raw(`create table sign_in_known_addresses (
      login text not null,
      ip text not null,
      last_success_at timestamptz not null,
      primary key (login, ip)
      )`);
    await db.raw(`create index sign_in_known_addresses_seen on sign_in_known_addresses (last_success_at)`);
  },
  async down(db) {
    await db.raw('drop table sign_in_known_addresses');
  },
});
