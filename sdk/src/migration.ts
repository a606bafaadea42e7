import type { Knex } from 'knex';

/** One migration file: `up` applies it, `down` undoes it. Both run inside the owner's migration transaction. */
export interface Migration {
  up(db: Knex.Transaction): Promise<void>;
  down(db: Knex.Transaction): Promise<void>;
}

/** Types a migration module's exports; `export default defineMigration({ up, down })` or named `up`/`down` both work. */
export function defineMigration(migration: Migration): Migration {
  return migration;
}
