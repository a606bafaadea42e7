import { defineMigration } from '@preau/sdk';

// A word's attachments move to the storage's attachment sets (core migration 021), keeping each file, its
// name and its place. The holder is the one the word's storage references already have (`liaison:word:<id>`),
// so the references, the blobs and the quotas are left as they are.
export default defineMigration({
  async up(db) {
    for (const statement of [
      `insert into core.storage_attachments (holder, blob_id, name, media_type, size, position)
       select 'liaison:word:' || word_id, blob_id, name, media_type, size, position from attachments
       on conflict (holder, blob_id) do nothing`,
      'drop table attachments',
    ]) {
      await db.raw(statement);
    }
  },
  async down(db) {
    // Sets of words that no longer exist have no place in the app's table (its rows went with their word).
    for (const statement of [
      `create table attachments (
        word_id integer not null references words (id) on delete cascade,
        blob_id text not null,
        name text not null,
        media_type text not null,
        size bigint not null,
        position integer not null,
        primary key (word_id, blob_id)
        )`,
      `insert into attachments (word_id, blob_id, name, media_type, size, position)
       select w.id, a.blob_id, a.name, a.media_type, a.size, a.position
         from core.storage_attachments a join words w on a.holder = 'liaison:word:' || w.id`,
      `delete from core.storage_attachments where holder like 'liaison:word:%'`,
    ]) {
      await db.raw(statement);
    }
  },
});
