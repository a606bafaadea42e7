import { defineMigration } from '@preau/sdk';

// Web Push beside the timeline and emails. The VAPID key pair is made at first start and kept here (every
// process signs with the same one, and a new key would void every device's subscription). A device's
// subscription belongs to the session that made it: signing out, being blocked, a password reset or the end
// of the session delete the session, and with it the subscription. Each push to a device is a row of
// push_deliveries, claimed like the emails (`for update skip locked`, deliver_after as lease and back-off).
export default defineMigration({
  async up(db) {
    for (const statement of [
      `create table push_keys (
        id boolean primary key default true check (id),
        public_key text not null,
        private_key text not null,
        created_at timestamptz not null default now()
        )`,
      `create table push_subscriptions (
        id bigint generated always as identity primary key,
        user_id integer not null references users (id) on delete cascade,
        session_id text not null references sessions (id) on delete cascade,
        endpoint text not null unique,
        p256dh text not null,
        auth text not null,
        browser text not null,
        created_at timestamptz not null default now(),
        last_pushed_at timestamptz
        )`,
      `create index push_subscriptions_user on push_subscriptions (user_id)`,
      `create index push_subscriptions_session on push_subscriptions (session_id)`,
      // A user's own choice per type; without a row, the type's manifest says (its \`push\`).
      `create table push_preferences (
        user_id integer not null references users (id) on delete cascade,
        app text not null,
        type text not null,
        enabled boolean not null,
        updated_at timestamptz not null default now(),
        primary key (user_id, app, type)
        )`,
      `create table push_deliveries (
        subscription_id bigint not null references push_subscriptions (id) on delete cascade,
        notification_id bigint not null references notifications (id) on delete cascade,
        deliver_after timestamptz not null,
        attempts integer not null default 0,
        primary key (subscription_id, notification_id)
        )`,
      `create index push_deliveries_due on push_deliveries (deliver_after)`,
      `create index push_deliveries_notification on push_deliveries (notification_id)`,
    ]) {
      await db.raw(statement);
    }
  },
  async down(db) {
    for (const table of ['push_deliveries', 'push_preferences', 'push_subscriptions', 'push_keys']) await db.raw(`drop table ${table}`);
  },
});
