import { defineMigration } from '@preau/sdk';

// The core tables every later issue builds on: schools, users, memberships and functions.
export default defineMigration({
  async up(db) {
    for (const statement of [
      `create table schools (
        id integer generated always as identity primary key,
        uai text not null unique check (uai ~ '^[0-9]{7}[A-Z]$'),
        name text not null check (length(name) between 1 and 200),
        city text,
        academy text,
        created_at timestamptz not null default now()
        )`,
      `create table users (
        id integer generated always as identity primary key,
        login text not null unique,
        display_name text not null,
        profile text not null check (profile in ('Teacher', 'Student', 'Relative', 'Personnel', 'Guest')),
        language text not null default 'fr' check (language in ('fr', 'en')),
        password_hash text,
        state text not null default 'pending' check (state in ('pending', 'active', 'blocked')),
        created_at timestamptz not null default now()
        )`,
      `create table memberships (
        user_id integer not null references users (id) on delete cascade,
        school_id integer not null references schools (id) on delete cascade,
        primary key (user_id, school_id)
        )`,
      `create index memberships_school on memberships (school_id)`,
      `create table user_functions (
        user_id integer not null references users (id) on delete cascade,
        function text not null check (function in ('director', 'local-admin', 'academy-admin')),
        school_id integer references schools (id) on delete cascade,
        check ((function = 'academy-admin') = (school_id is null)),
        unique nulls not distinct (user_id, function, school_id)
        )`,
    ]) {
      await db.raw(statement);
    }
  },
  async down(db) {
    for (const table of ['user_functions', 'memberships', 'users', 'schools']) await db.schema.dropTable(table);
  },
});
