import { defineMigration } from '@preau/sdk';

export default defineMigration({
  async up(db) {
    // A recording from the upload of its first chunk to its playable file. `received` is the upload's offset:
    // a chunk is accepted only at it, so a resumed upload can neither skip nor repeat bytes.
    await db.raw(`create table recordings (
      id integer generated always as identity primary key,
      owner_id integer not null references core.users (id) on delete cascade,
      kind text not null check (kind in ('audio', 'video')),
      name text not null check (length(name) between 1 and 200),
      status text not null check (status in ('uploading', 'converting', 'ready', 'original', 'failed')),
      size bigint not null check (size > 0),
      received bigint not null default 0,
      trim_start_ms integer check (trim_start_ms >= 0),
      trim_end_ms integer check (trim_end_ms > 0),
      original_blob_id text,
      blob_id text,
      poster_blob_id text,
      media_type text,
      duration_ms integer,
      attempts integer not null default 0,
      error text,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check (trim_end_ms is null or trim_start_ms is null or trim_end_ms > trim_start_ms)
    )`);
    await db.raw('create index recordings_by_owner on recordings (owner_id, created_at desc, id desc)');
    // The chunks received so far, each a blob in the owner's storage, put together when the last arrives.
    await db.raw(`create table chunks (
      recording_id integer not null references recordings (id) on delete cascade,
      "offset" bigint not null,
      size integer not null,
      blob_id text not null,
      primary key (recording_id, "offset")
    )`);
  },
  async down(db) {
    await db.raw('drop table chunks');
    await db.raw('drop table recordings');
  },
});
