import { defineMigration } from '@preau/sdk';

export default defineMigration({
  async up(db) {
    // Folders and files in one table: a folder's listing is one keyset-paginated query over both (folders
    // first), and names collide across both kinds. `name_key` is the French sort key (lower case, accents
    // dropped): sorting, searching without accents and name collisions all use it.
    await db.raw(`create table nodes (
      id integer generated always as identity primary key,
      is_file boolean not null,
      parent_id integer references nodes (id) on delete cascade,
      owner_id integer not null references core.users (id) on delete cascade,
      name text not null check (length(name) between 1 and 255),
      name_key text not null,
      size bigint not null default 0,
      media_type text,
      blob_id text,
      current_version integer,
      created_by integer references core.users (id) on delete set null,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      trashed_at timestamptz,
      trashed_by integer references core.users (id) on delete set null,
      trash_root integer
    )`);
    // One live name per folder (the top of a person's space is keyed by the negated owner id).
    await db.raw('create unique index nodes_live_name on nodes (coalesce(parent_id, -owner_id), name_key) where trashed_at is null');
    await db.raw('create index nodes_by_name on nodes (parent_id, is_file, name_key, id) where trashed_at is null');
    await db.raw('create index nodes_by_date on nodes (parent_id, is_file, updated_at, id) where trashed_at is null');
    await db.raw('create index nodes_by_size on nodes (parent_id, is_file, size, id) where trashed_at is null');
    await db.raw('create index nodes_top on nodes (owner_id, is_file, name_key, id) where parent_id is null and trashed_at is null');
    await db.raw('create index nodes_trash on nodes (trash_root) where trash_root is not null');
    await db.raw(`create table versions (
      id integer generated always as identity primary key,
      node_id integer not null references nodes (id) on delete cascade,
      number integer not null,
      blob_id text not null,
      name text not null,
      size bigint not null,
      media_type text not null,
      thumbnail_blob_id text,
      author_id integer references core.users (id) on delete set null,
      created_at timestamptz not null,
      unique (node_id, number)
    )`);
    await db.raw(`create table follows (
      user_id integer not null references core.users (id) on delete cascade,
      folder_id integer not null references nodes (id) on delete cascade,
      primary key (folder_id, user_id)
    )`);
  },
  async down(db) {
    await db.raw('drop table follows');
    await db.raw('drop table versions');
    await db.raw('drop table nodes');
  },
});
