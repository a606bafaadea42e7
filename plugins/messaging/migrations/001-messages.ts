import { defineMigration } from '@preau/sdk';

// A message is written once; each person it concerns (its author, each recipient) has a mailbox entry with
// their own folder, read state and trash date. Recipients are kept as addressed (users and groups, to/cc/bcc);
// groups are expanded to their members when the message is delivered. Search runs on a French tsvector.
export default defineMigration({
  async up(db) {
    for (const statement of [
      `create table messages (
        id bigint generated always as identity primary key,
        author_id integer references users(id) on delete set null,
        school_id integer references schools(id) on delete set null,
        thread_id bigint,
        parent_id bigint references messages(id) on delete set null,
        state text not null default 'draft' check (state in ('draft', 'scheduled', 'pending', 'sent', 'rejected')),
        subject text not null default '',
        body text not null default '',
        body_text text not null default '',
        people text not null default '',
        no_reply boolean not null default false,
        scheduled_at timestamptz,
        sent_at timestamptz,
        recalled_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        search tsvector generated always as (
          setweight(to_tsvector('french', subject), 'A') || to_tsvector('french', body_text) || to_tsvector('simple', people)
        ) stored
        )`,
      `create index messages_thread on messages (thread_id)`,
      `create index messages_search on messages using gin (search)`,
      `create index messages_pending on messages (school_id) where state = 'pending'`,
      `create table recipients (
        message_id bigint not null references messages(id) on delete cascade,
        kind text not null check (kind in ('to', 'cc', 'bcc')),
        user_id integer references users(id) on delete cascade,
        group_id integer,
        check ((user_id is null) <> (group_id is null))
        )`,
      `create index recipients_message on recipients (message_id)`,
      `create table folders (
        id bigint generated always as identity primary key,
        owner_id integer not null references users(id) on delete cascade,
        parent_id bigint references folders(id) on delete cascade,
        name text not null,
        depth integer not null check (depth between 1 and 3)
        )`,
      `create index folders_owner on folders (owner_id)`,
      `create table mailbox (
        user_id integer not null references users(id) on delete cascade,
        message_id bigint not null references messages(id) on delete cascade,
        role text not null check (role in ('author', 'to', 'cc', 'bcc')),
        folder text not null check (folder in ('inbox', 'sent', 'drafts', 'trash', 'user')),
        folder_id bigint references folders(id) on delete set null,
        previous_folder text,
        previous_folder_id bigint,
        sort_at timestamptz not null,
        read_at timestamptz,
        trashed_at timestamptz,
        primary key (user_id, message_id)
        )`,
      `create index mailbox_listing on mailbox (user_id, folder, folder_id, sort_at desc, message_id desc)`,
      `create index mailbox_unread on mailbox (user_id, folder) where read_at is null`,
      `create index mailbox_message on mailbox (message_id)`,
      `create index mailbox_trash on mailbox (trashed_at) where folder = 'trash'`,
      `create table attachments (
        message_id bigint not null references messages(id) on delete cascade,
        blob_id text not null,
        name text not null,
        media_type text not null,
        size bigint not null,
        position integer not null,
        primary key (message_id, blob_id)
        )`,
      `create index attachments_blob on attachments (blob_id)`,
      `create table school_settings (
        school_id integer primary key references schools(id) on delete cascade,
        moderate_pupils boolean not null default false
        )`,
    ]) {
      await db.raw(statement);
    }
  },
  async down(db) {
    for (const table of ['school_settings', 'attachments', 'mailbox', 'folders', 'recipients', 'messages']) await db.raw(`drop table ${table}`);
  },
});
