import { defineMigration } from '@preau/sdk';

// An item's files and images reference blobs of the core's storage (one reference per item).
export default defineMigration({
  async up(db) {
    await db.raw(`create table item_attachments (
      item_id integer not null references items (id) on delete cascade,
      blob_id text not null,
      name text not null,
      media_type text not null,
      size bigint not null,
      position integer not null,
      primary key (item_id, blob_id)
      )`);
  },
  async down(db) {
    await db.raw('drop table item_attachments');
  },
});
