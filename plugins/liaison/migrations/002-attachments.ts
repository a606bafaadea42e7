import { defineMigration } from '@preau/sdk';

// A word's attachments reference blobs of the core's storage (one reference per word: a copied word shares them).
export default defineMigration({
  async up(db) {
    await db.raw(`create table attachments (
      word_id integer not null references words (id) on delete cascade,
      blob_id text not null,
      name text not null,
      media_type text not null,
      size bigint not null,
      position integer not null,
      primary key (word_id, blob_id)
      )`);
  },
  async down(db) {
    await db.raw('drop table attachments');
  },
});
