import { defineMigration } from '@preau/sdk';

// A folder's first page must read 31 index entries, not sort the whole mailbox. The first listing index put
// folder_id between the folder and the sort time, so a system folder (folder_id null, not pinned by `=`) could
// not use its order: 10,000 messages meant a join and a sort of 10,000 rows per page. Now one index per kind
// of folder, each with the sort keys right after what the query pins.
export default defineMigration({
  async up(db) {
    await db.raw('drop index mailbox_listing');
    await db.raw('create index mailbox_system_listing on mailbox (user_id, folder, sort_at desc, message_id desc)');
    await db.raw(`create index mailbox_folder_listing on mailbox (folder_id, sort_at desc, message_id desc) where folder_id is not null`);
  },
  async down(db) {
    await db.raw('drop index mailbox_folder_listing');
    await db.raw('drop index mailbox_system_listing');
    await db.raw('create index mailbox_listing on mailbox (user_id, folder, folder_id, sort_at desc, message_id desc)');
  },
});
