import { defineMigration } from '@preau/sdk';

// An item's files and images move to the storage's attachment sets (core migration 021), keeping each file,
// its name and its place. The holder is the one the item's storage references already have (`news:item:<id>`),
// so the references, the blobs and the quotas are left as they are.
export default defineMigration({
  async up(db) {
    for (const statement of [
      `insert into core.storage_attachments (holder, blob_id, name, media_type, size, position)
       select 'news:item:' || item_id, blob_id, name, media_type, size, position from item_attachments
       on conflict (holder, blob_id) do nothing`,
      'drop table item_attachments',
    ]) {
      await db.raw(statement);
    }
  },
  async down(db) {
    // Sets of items that no longer exist have no place in the app's table (its rows went with their item).
    for (const statement of [
      `create table item_attachments (
        item_id integer not null references items (id) on delete cascade,
        blob_id text not null,
        name text not null,
        media_type text not null,
        size bigint not null,
        position integer not null,
        primary key (item_id, blob_id)
        )`,
      `insert into item_attachments (item_id, blob_id, name, media_type, size, position)
       select i.id, a.blob_id, a.name, a.media_type, a.size, a.position
         from core.storage_attachments a join items i on a.holder = 'news:item:' || i.id`,
      `delete from core.storage_attachments where holder like 'news:item:%'`,
    ]) {
      await db.raw(statement);
    }
  },
});
