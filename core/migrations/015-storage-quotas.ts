import { defineMigration } from '@preau/sdk';

// Quotas in the database, so that administrators change them without a restart and every process reads the
// same: one per profile, set by the academy (absent: the configuration's `storage.quotaMb`), and one per person
// a school's administrator raised (the larger of the two applies). Both are capped at 20 GiB.
const MAX_BYTES = 20 * 1024 ** 3;

export default defineMigration({
  async up(db) {
    for (const statement of [
      `create table storage_profile_quotas (
        profile text primary key check (profile in ('Teacher', 'Student', 'Relative', 'Personnel', 'Guest')),
        bytes bigint not null check (bytes between 0 and ${MAX_BYTES}),
        updated_by integer references users(id) on delete set null,
        updated_at timestamptz not null default now()
        )`,
      `alter table storage_usage
        add column quota_bytes bigint check (quota_bytes between 0 and ${MAX_BYTES}),
        add column quota_school_id integer references schools(id) on delete set null,
        add column quota_set_by integer references users(id) on delete set null,
        add column quota_set_at timestamptz`,
    ]) {
      await db.raw(statement);
    }
  },
  async down(db) {
    await db.raw('alter table storage_usage drop column quota_bytes, drop column quota_school_id, drop column quota_set_by, drop column quota_set_at');
    await db.raw('drop table storage_profile_quotas');
  },
});
