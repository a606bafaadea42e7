import { defineMigration } from '@preau/sdk';

// The file store: one row per blob (its bytes live on disk or in S3 under `key`), the apps' references to it
// (a blob is deleted when the last one goes), and each user's usage. Uploads reserve bytes on the usage row
// with a conditional update while they stream, so racing uploads never pass the quota.
export default defineMigration({
  async up(db) {
    for (const statement of [
      `create table storage_blobs (
        id text primary key,
        owner_id integer references users(id) on delete set null,
        name text not null,
        media_type text not null,
        size bigint not null,
        sha256 text not null,
        key text not null,
        created_at timestamptz not null default now()
        )`,
      `create index storage_blobs_owner on storage_blobs (owner_id)`,
      `create table storage_references (
        blob_id text not null references storage_blobs(id) on delete cascade,
        holder text not null,
        created_at timestamptz not null default now(),
        primary key (blob_id, holder)
        )`,
      `create index storage_references_holder on storage_references (holder)`,
      `create table storage_usage (
        user_id integer primary key references users(id) on delete cascade,
        used bigint not null default 0 check (used >= 0),
        warned_percent integer not null default 0
        )`,
    ]) {
      await db.raw(statement);
    }
  },
  async down(db) {
    for (const table of ['storage_usage', 'storage_references', 'storage_blobs']) await db.raw(`drop table ${table}`);
  },
});
