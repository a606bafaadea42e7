import { defineMigration } from '@preau/sdk';

// Info threads shared with groups by role, their items and comments; the director's flash messages and who
// read them. Items keep their school so that lists and the daily purge never join through threads.
export default defineMigration({
  async up(db) {
    for (const statement of [
      `create table threads (
        id integer generated always as identity primary key,
        school_id integer not null references core.schools (id) on delete cascade,
        title text not null check (length(title) between 1 and 120),
        comments_enabled boolean not null default true,
        created_by integer references core.users (id) on delete set null,
        created_at timestamptz not null
        )`,
      `create index threads_school on threads (school_id)`,
      // The group's name is kept as it was when shared, so a thread's sharing reads without the core.
      `create table thread_shares (
        thread_id integer not null references threads (id) on delete cascade,
        group_id integer not null references core.groups (id) on delete cascade,
        group_name text not null,
        role text not null check (role in ('read', 'contribute', 'publish', 'manage')),
        primary key (thread_id, group_id)
        )`,
      // Whether the school's teachers may create threads (given by its director or local administrators).
      `create table school_settings (
        school_id integer primary key references core.schools (id) on delete cascade,
        teachers_create_threads boolean not null default false
        )`,
      `create table items (
        id integer generated always as identity primary key,
        thread_id integer not null references threads (id) on delete cascade,
        school_id integer not null references core.schools (id) on delete cascade,
        title text not null check (length(title) between 1 and 160),
        body text not null,
        status text not null check (status in ('draft', 'submitted', 'published', 'expired', 'trashed')),
        publish_at timestamptz,
        expires_at timestamptz,
        headline boolean not null default false,
        author_id integer references core.users (id) on delete set null,
        published_by integer references core.users (id) on delete set null,
        notified_at timestamptz,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        check (expires_at is null or publish_at is null or expires_at > publish_at)
        )`,
      // The reading order: headlines first, then newest first (the keyset of every list).
      `create index items_reading on items (thread_id, headline desc, publish_at desc, id desc) where status = 'published'`,
      `create index items_queue on items (thread_id) where status = 'submitted'`,
      `create index items_author on items (author_id)`,
      `create index items_age on items (created_at)`,
      `create table comments (
        id integer generated always as identity primary key,
        item_id integer not null references items (id) on delete cascade,
        author_id integer references core.users (id) on delete set null,
        body text not null check (length(body) between 1 and 2000),
        created_at timestamptz not null
        )`,
      `create index comments_item on comments (item_id, id)`,
      `create table flash_messages (
        id integer generated always as identity primary key,
        school_ids integer[] not null check (cardinality(school_ids) > 0),
        title text not null check (length(title) between 1 and 120),
        body text not null,
        colour text not null check (colour in ('info', 'warning', 'urgent')),
        signature text not null,
        profiles text[] not null check (cardinality(profiles) > 0),
        class_ids integer[] not null default '{}',
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        notify boolean not null default false,
        author_id integer references core.users (id) on delete set null,
        created_at timestamptz not null,
        started_at timestamptz,
        check (ends_at > starts_at)
        )`,
      `create index flash_messages_window on flash_messages (ends_at, starts_at)`,
      `create table flash_reads (
        flash_id integer not null references flash_messages (id) on delete cascade,
        user_id integer not null references core.users (id) on delete cascade,
        read_at timestamptz not null,
        primary key (flash_id, user_id)
        )`,
      `create index flash_reads_user on flash_reads (user_id)`,
    ]) {
      await db.raw(statement);
    }
  },
  async down(db) {
    for (const table of ['flash_reads', 'flash_messages', 'comments', 'items', 'school_settings', 'thread_shares', 'threads']) {
      await db.raw(`drop table ${table}`);
    }
  },
});
