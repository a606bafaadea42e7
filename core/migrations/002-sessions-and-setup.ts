import { defineMigration } from '@preau/sdk';

// Sessions live in the database so that any server process can serve any request.
export default defineMigration({
  async up(db) {
    for (const statement of [
      `create table sessions (
        id text primary key,
        user_id integer not null references users (id) on delete cascade,
        csrf_token text not null,
        created_at timestamptz not null default now(),
        last_seen_at timestamptz not null default now(),
        expires_at timestamptz not null,
        ip text,
        user_agent text
        )`,
      `create index sessions_user on sessions (user_id)`,
      `create table setup_tokens (
        token_hash text primary key,
        expires_at timestamptz not null,
        created_at timestamptz not null default now()
        )`,
    ]) {
      await db.raw(statement);
    }
  },
  async down(db) {
    for (const table of ['setup_tokens', 'sessions']) await db.schema.dropTable(table);
  },
});
