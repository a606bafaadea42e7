import { defineMigration } from '@preau/sdk';

// Attachment sets: the files a plugin's thing (a word, a news item) holds, with the name each is downloaded
// under and its place in the list. `holder` is the storage reference's holder (`liaison:word:12`): each row
// goes with one `storage_references` row, which keeps the blob (and its quota) while the thing holds it.
// Name, type and size are copied from the blob when it is attached, as the apps' own tables did; no foreign
// key to the blob, so that moving an app's rows here keeps every one of them.
export default defineMigration({
  async up(db) {
    await db.raw(`create table storage_attachments (
      holder text not null,
      blob_id text not null,
      name text not null,
      media_type text not null,
      size bigint not null,
      position integer not null,
      primary key (holder, blob_id)
      )`);
  },
  async down(db) {
    await db.raw('drop table storage_attachments');
  },
});
