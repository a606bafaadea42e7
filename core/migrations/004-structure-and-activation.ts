import { defineMigration } from '@preau/sdk';

// People's civil fields, school years, classes, relative ↔ pupil links, groups, activation codes, and what
// identity needs to defend itself (sign-in throttling, password resets, the audit log) and to run once-a-day
// jobs on N processes.
export default defineMigration({
  async up(db) {
    for (const statement of [
      `alter table users
        add column first_name text,
        add column last_name text,
        add column birth_date date,
        add column ine text,
        add column civility text check (civility in ('M.', 'Mme')),
        add column email text,
        add column mobile text,
        add column address text,
        add column charter_accepted_at timestamptz,
        add column activated_at timestamptz,
        add column updated_at timestamptz not null default now()`,
      `create unique index users_ine on users (ine) where ine is not null`,
      // Logins are prenom.nom with a numeric suffix on collision: finding the taken suffixes is one indexed read.
      `create index users_login_stem on users (regexp_replace(login, '[0-9]+$', ''))`,
      `create index users_email on users (lower(email)) where email is not null`,
      // Someone who left a school keeps their account until the deletion job runs (3 months later).
      `alter table memberships add column left_at timestamptz`,
      `create table school_years (
        start_year integer primary key check (start_year between 2000 and 2200),
        starts_on date not null,
        ends_on date not null,
        check (ends_on > starts_on)
        )`,
      `create table classes (
        id integer generated always as identity primary key,
        school_id integer not null references schools (id) on delete cascade,
        start_year integer not null,
        label text not null check (length(label) between 1 and 120),
        onde_id text,
        levels text[] not null default '{}',
        created_at timestamptz not null default now(),
        unique (school_id, start_year, onde_id)
        )`,
      `create index classes_school on classes (school_id, start_year)`,
      `create table class_members (
        class_id integer not null references classes (id) on delete cascade,
        user_id integer not null references users (id) on delete cascade,
        primary key (class_id, user_id)
        )`,
      `create index class_members_user on class_members (user_id)`,
      `create table relative_links (
        relative_id integer not null references users (id) on delete cascade,
        pupil_id integer not null references users (id) on delete cascade,
        primary key (relative_id, pupil_id)
        )`,
      `create index relative_links_pupil on relative_links (pupil_id)`,
      // Derived groups (per school and profile, per class and profile) are rows so that apps can address
      // them by id; their members are computed by the group_members view, so they can never drift.
      `create table groups (
        id integer generated always as identity primary key,
        school_id integer not null references schools (id) on delete cascade,
        kind text not null check (kind in ('school', 'class', 'manual')),
        class_id integer references classes (id) on delete cascade,
        profile text check (profile in ('Teacher', 'Student', 'Relative', 'Personnel', 'Guest')),
        name text not null check (length(name) between 1 and 160),
        created_by integer references users (id) on delete set null,
        created_at timestamptz not null default now(),
        check ((kind = 'manual') = (profile is null)),
        check ((kind = 'class') = (class_id is not null))
        )`,
      `create unique index groups_school_profile on groups (school_id, profile) where kind = 'school'`,
      `create unique index groups_class_profile on groups (class_id, profile) where kind = 'class'`,
      `create table manual_group_members (
        group_id integer not null references groups (id) on delete cascade,
        user_id integer not null references users (id) on delete cascade,
        primary key (group_id, user_id)
        )`,
      `create index manual_group_members_user on manual_group_members (user_id)`,
      `create view group_members as
        select g.id as group_id, m.user_id
          from groups g
          join memberships m on m.school_id = g.school_id and m.left_at is null
          join users u on u.id = m.user_id and u.profile = g.profile
         where g.kind = 'school'
        union
        select g.id, cm.user_id
          from groups g
          join class_members cm on cm.class_id = g.class_id
          join users u on u.id = cm.user_id and u.profile = g.profile
         where g.kind = 'class' and g.profile <> 'Relative'
        union
        select g.id, rl.relative_id
          from groups g
          join class_members cm on cm.class_id = g.class_id
          join relative_links rl on rl.pupil_id = cm.user_id
         where g.kind = 'class' and g.profile = 'Relative'
        union
        select group_id, user_id from manual_group_members`,
      `create table activation_codes (
        user_id integer primary key references users (id) on delete cascade,
        code_hash text not null,
        expires_at timestamptz not null,
        created_at timestamptz not null default now(),
        created_by integer references users (id) on delete set null
        )`,
      `create table password_resets (
        token_hash text primary key,
        user_id integer not null references users (id) on delete cascade,
        expires_at timestamptz not null,
        created_at timestamptz not null default now()
        )`,
      `create index password_resets_user on password_resets (user_id)`,
      // One row per account and per IP address: every process reads and writes the same counters.
      `create table sign_in_throttle (
        key text primary key,
        failures integer not null default 0,
        last_failure_at timestamptz not null,
        locked_until timestamptz
        )`,
      `create table audit_log (
        id bigint generated always as identity primary key,
        at timestamptz not null default now(),
        school_id integer references schools (id) on delete cascade,
        actor_id integer references users (id) on delete set null,
        target_user_id integer references users (id) on delete set null,
        action text not null,
        details jsonb not null default '{}',
        ip text
        )`,
      `create index audit_log_school on audit_log (school_id, at desc)`,
      `create index audit_log_at on audit_log (at)`,
      `create table imports (
        id integer generated always as identity primary key,
        school_id integer not null references schools (id) on delete cascade,
        kind text not null check (kind in ('onde', 'staff')),
        status text not null check (status in ('previewed', 'applied', 'discarded')),
        created_by integer references users (id) on delete set null,
        created_at timestamptz not null default now(),
        applied_at timestamptz,
        files jsonb not null,
        summary jsonb not null,
        payload jsonb
        )`,
      `create index imports_school on imports (school_id, created_at desc)`,
      `create table job_runs (
        job text not null,
        run_on date not null,
        claimed_at timestamptz not null default now(),
        finished_at timestamptz,
        report jsonb,
        primary key (job, run_on)
        )`,
      `create table instance_secrets (
        name text primary key,
        value text not null
        )`,
    ]) {
      await db.raw(statement);
    }
  },
  async down(db) {
    await db.raw('drop view group_members');
    for (const table of [
      'instance_secrets', 'job_runs', 'imports', 'audit_log', 'sign_in_throttle', 'password_resets', 'activation_codes',
      'manual_group_members', 'groups', 'relative_links', 'class_members', 'classes', 'school_years',
    ]) {
      await db.schema.dropTable(table);
    }
    await db.raw('alter table memberships drop column left_at');
    for (const index of ['users_ine', 'users_login_stem', 'users_email']) await db.raw(`drop index ${index}`);
    await db.raw(`alter table users
      drop column first_name, drop column last_name, drop column birth_date, drop column ine,
      drop column civility, drop column email, drop column mobile, drop column address,
      drop column charter_accepted_at, drop column activated_at, drop column updated_at`);
  },
});
