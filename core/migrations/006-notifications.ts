import { defineMigration } from '@preau/sdk';

// Notifications: one row per notification, one per recipient (the timeline and the email state live there),
// each user's choices, the academy's overrides of the manifests' defaults, and the digest runs that N
// processes claim so that each digest is sent once.
export default defineMigration({
  async up(db) {
    for (const statement of [
      `create table notifications (
        id bigint generated always as identity primary key,
        app text not null,
        type text not null,
        actor_id integer references users (id) on delete set null,
        resource jsonb not null,
        params jsonb not null default '{}',
        created_at timestamptz not null default now()
        )`,
      // email_state: pending (an immediate email, due at deliver_after: the end of quiet hours, or a lease while
      // a process sends it), digest (waits for the daily or weekly digest), sent, skipped (never, timeline
      // only, no address, or read before it was due).
      `create table notification_recipients (
        user_id integer not null references users (id) on delete cascade,
        notification_id bigint not null references notifications (id) on delete cascade,
        read_at timestamptz,
        hidden_at timestamptz,
        delivery text not null check (delivery in ('immediate', 'daily', 'weekly', 'never')),
        email_state text not null check (email_state in ('pending', 'sent', 'skipped', 'digest')),
        deliver_after timestamptz,
        email_attempts integer not null default 0,
        created_at timestamptz not null default now(),
        primary key (user_id, notification_id),
        check ((email_state = 'pending') = (deliver_after is not null))
        )`,
      // The primary key serves the timeline (newest first, by cursor); these serve the counter and the jobs.
      `create index notification_recipients_notification on notification_recipients (notification_id)`,
      `create index notification_recipients_unread on notification_recipients (user_id) where read_at is null and hidden_at is null`,
      `create index notification_recipients_due on notification_recipients (deliver_after) where email_state = 'pending'`,
      `create index notification_recipients_digest on notification_recipients (delivery, user_id) where email_state = 'digest'`,
      // Each user's unread count, kept in the same transactions as the rows it counts: the bell of 500 open tabs
      // is then one indexed read per notification and process, however many unread items people keep.
      `create table notification_unread (
        user_id integer primary key references users (id) on delete cascade,
        count integer not null default 0 check (count >= 0)
        )`,
      `create table notification_preferences (
        user_id integer not null references users (id) on delete cascade,
        app text not null,
        type text not null,
        delivery text not null check (delivery in ('immediate', 'daily', 'weekly', 'never')),
        updated_at timestamptz not null default now(),
        primary key (user_id, app, type)
        )`,
      // profile null: for every profile without a row of its own.
      `create table notification_defaults (
        app text not null,
        type text not null,
        profile text check (profile in ('Teacher', 'Student', 'Relative', 'Personnel', 'Guest')),
        delivery text not null check (delivery in ('immediate', 'daily', 'weekly', 'never')),
        updated_by integer references users (id) on delete set null,
        updated_at timestamptz not null default now(),
        unique nulls not distinct (app, type, profile)
        )`,
      `create table notification_quiet_hours (
        user_id integer primary key references users (id) on delete cascade,
        enabled boolean not null,
        start_time text not null check (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        end_time text not null check (end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        weekends boolean not null,
        updated_at timestamptz not null default now()
        )`,
      // period: 'daily:2026-11-26' or 'weekly:2026-11-27'. The primary key makes a claim atomic across processes;
      // a claim whose sent_at stays null past its lease belonged to a process that died, and is taken again.
      `create table notification_digest_runs (
        period text not null,
        user_id integer not null references users (id) on delete cascade,
        claimed_at timestamptz not null,
        worker text not null,
        attempts integer not null default 1,
        sent_at timestamptz,
        items integer,
        primary key (period, user_id)
        )`,
      `create index notification_digest_runs_unsent on notification_digest_runs (period, claimed_at) where sent_at is null`,
    ]) {
      await db.raw(statement);
    }
  },
  async down(db) {
    for (const table of [
      'notification_digest_runs', 'notification_quiet_hours', 'notification_defaults', 'notification_preferences', 'notification_unread',
      'notification_recipients', 'notifications',
    ]) {
      await db.schema.dropTable(table);
    }
  },
});
