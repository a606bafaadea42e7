import { defineMigration } from '@preau/sdk';

// Who may write to whom. A school follows the default rules (derived from its groups, so they follow new
// classes by themselves) until an administrator edits them; then its rules are rows here, until "reset".
// Gateways (passerelles) open pairs of groups of two schools to each other.
export default defineMigration({
  async up(db) {
    for (const statement of [
      `alter table schools add column custom_communication boolean not null default false`,
      `create table communication_rules (
        id integer generated always as identity primary key,
        school_id integer not null references schools (id) on delete cascade,
        from_group_id integer not null references groups (id) on delete cascade,
        to_group_id integer not null references groups (id) on delete cascade,
        created_at timestamptz not null default now(),
        created_by integer references users (id) on delete set null,
        unique (from_group_id, to_group_id)
        )`,
      `create index communication_rules_school on communication_rules (school_id)`,
      `create index communication_rules_to on communication_rules (to_group_id)`,
      `create table gateways (
        id integer generated always as identity primary key,
        school_a integer not null references schools (id) on delete cascade,
        school_b integer not null references schools (id) on delete cascade,
        status text not null check (status in ('proposed', 'open', 'closed', 'refused')),
        purpose text,
        ends_on date,
        proposed_by integer references users (id) on delete set null,
        decided_by integer references users (id) on delete set null,
        created_at timestamptz not null default now(),
        decided_at timestamptz,
        check (school_a <> school_b)
        )`,
      `create index gateways_schools on gateways (school_a, school_b)`,
      `create table gateway_pairs (
        gateway_id integer not null references gateways (id) on delete cascade,
        group_a integer not null references groups (id) on delete cascade,
        group_b integer not null references groups (id) on delete cascade,
        primary key (gateway_id, group_a, group_b)
        )`,
      // The fields a person chose to show on their card in the address book.
      `alter table users add column show_email boolean not null default false, add column show_mobile boolean not null default false`,
      // Who is in which group, materialized from the group_members view so that the resolver is a few index
      // lookups. Any change to what the view reads marks the school dirty (statement-level triggers, so an
      // import of 100,000 rows marks each school once), and the resolver refreshes the dirty schools it is
      // about to read before it reads them.
      `alter table groups add column live boolean not null default true`,
      `alter table schools add column groups_dirty boolean not null default true`,
      `create table group_membership (
        user_id integer not null references users (id) on delete cascade,
        group_id integer not null references groups (id) on delete cascade,
        school_id integer not null references schools (id) on delete cascade,
        primary key (user_id, group_id)
        )`,
      `create index group_membership_group on group_membership (group_id)`,
      `create index group_membership_school on group_membership (school_id)`,
      `create function refresh_school_groups(p_school integer) returns void language plpgsql set search_path = core as $$
      begin
        perform pg_advisory_xact_lock(hashtext('preau-groups-' || p_school));
        update groups g set live = (g.class_id is null or exists (
            select 1 from classes lc where lc.id = g.class_id
               and lc.start_year = (select max(c2.start_year) from classes c2 where c2.school_id = lc.school_id)))
         where g.school_id = p_school;
        delete from group_membership where school_id = p_school;
        insert into group_membership (user_id, group_id, school_id)
          select distinct gm.user_id, gm.group_id, p_school from group_members gm join groups g on g.id = gm.group_id
           where g.school_id = p_school and g.live;
        update schools set groups_dirty = false where id = p_school;
      end $$`,
      `create function refresh_dirty_groups(p_users integer[]) returns integer language plpgsql set search_path = core as $$
      declare
        s integer;
        n integer := 0;
      begin
        for s in
          with mine as (select distinct school_id from memberships where user_id = any(p_users)),
               near as (select school_id from mine
                        union select w.school_b from gateways w join mine on mine.school_id = w.school_a where w.status = 'open'
                        union select w.school_a from gateways w join mine on mine.school_id = w.school_b where w.status = 'open')
          select sc.id from schools sc join near on near.school_id = sc.id where sc.groups_dirty order by sc.id
        loop
          perform refresh_school_groups(s);
          n := n + 1;
        end loop;
        return n;
      end $$`,
      // The communication rules themselves (documented in src/communication/reach-sql.ts). PL/pgSQL keeps
      // the plans of these statements per connection: planning them on every call cost more than running them.
      `create function reach_groups(p_me integer, p_today date) returns setof integer language plpgsql stable set search_path = core as $$
      begin
        return query
          with mine as (
            select g.id, g.school_id, g.kind, g.class_id, g.profile, s.custom_communication as custom
              from group_membership gm join groups g on g.id = gm.group_id join schools s on s.id = g.school_id
             where gm.user_id = p_me
          ),
          reach_all as (
            select r.to_group_id as gid from mine join communication_rules r on r.from_group_id = mine.id where mine.custom
            union
            select g.id from mine join groups g on g.school_id = mine.school_id
             where not mine.custom and mine.kind = 'school' and mine.profile in ('Teacher', 'Personnel')
            union
            select g.id from mine join groups g on g.class_id = mine.class_id
             where not mine.custom and mine.kind = 'class'
               and ((mine.profile = 'Student' and g.profile in ('Student', 'Teacher'))
                 or (mine.profile = 'Relative' and g.profile in ('Teacher', 'Relative')))
            union
            select p.group_b from mine join gateway_pairs p on p.group_a = mine.id join gateways w on w.id = p.gateway_id
             where w.status = 'open' and (w.ends_on is null or w.ends_on >= p_today)
            union
            select p.group_a from mine join gateway_pairs p on p.group_b = mine.id join gateways w on w.id = p.gateway_id
             where w.status = 'open' and (w.ends_on is null or w.ends_on >= p_today)
          )
          select g.id from reach_all r join groups g on g.id = r.gid where g.live;
      end $$`,
      `create function can_communicate(p_me integer, p_users integer[], p_groups integer[], p_today date)
        returns table (kind text, target integer) language plpgsql set search_path = core as $$
      begin
        perform refresh_dirty_groups(array[p_me] || p_users);
        return query
          with reach as materialized (select rg as gid from reach_groups(p_me, p_today) rg)
          select 'group'::text, reach.gid from reach where reach.gid = any(p_groups)
          union all
          select 'user'::text, u.id from users u
           where u.id = any(p_users) and u.state <> 'blocked'
             and (u.id in (select gm.user_id from group_membership gm where gm.user_id = any(p_users) and gm.group_id in (select reach.gid from reach))
                  or exists (select 1 from relative_links rl
                              where (rl.relative_id = p_me and rl.pupil_id = u.id) or (rl.pupil_id = p_me and rl.relative_id = u.id)));
      end $$`,
      `create function mark_groups_dirty_by_school() returns trigger language plpgsql set search_path = core as $$
      begin
        update schools set groups_dirty = true where id in (select school_id from changed) and not groups_dirty;
        return null;
      end $$`,
      `create function mark_groups_dirty_by_class() returns trigger language plpgsql set search_path = core as $$
      begin
        update schools set groups_dirty = true
         where id in (select c.school_id from classes c where c.id in (select class_id from changed)) and not groups_dirty;
        return null;
      end $$`,
      `create function mark_groups_dirty_by_pupil() returns trigger language plpgsql set search_path = core as $$
      begin
        update schools set groups_dirty = true
         where id in (select m.school_id from memberships m where m.user_id in (select pupil_id from changed)) and not groups_dirty;
        return null;
      end $$`,
      `create function mark_groups_dirty_by_group() returns trigger language plpgsql set search_path = core as $$
      begin
        update schools set groups_dirty = true
         where id in (select g.school_id from groups g where g.id in (select group_id from changed)) and not groups_dirty;
        return null;
      end $$`,
      ...[
        ['memberships', 'school'],
        ['classes', 'school'],
        ['groups', 'school'],
        ['class_members', 'class'],
        ['relative_links', 'pupil'],
        ['manual_group_members', 'group'],
      ].flatMap(([table, by]) =>
        (['insert', 'update', 'delete'] as const).map(
          (event) => `create trigger ${table}_${event}_marks_groups after ${event} on ${table}
            referencing ${event === 'delete' ? 'old' : 'new'} table as changed
            for each statement execute function mark_groups_dirty_by_${by}()`,
        ),
      ),
    ]) {
      await db.raw(statement);
    }
  },
  async down(db) {
    for (const table of ['memberships', 'classes', 'groups', 'class_members', 'relative_links', 'manual_group_members']) {
      for (const event of ['insert', 'update', 'delete']) await db.raw(`drop trigger ${table}_${event}_marks_groups on ${table}`);
    }
    for (const fn of ['mark_groups_dirty_by_school', 'mark_groups_dirty_by_class', 'mark_groups_dirty_by_pupil', 'mark_groups_dirty_by_group']) {
      await db.raw(`drop function ${fn}()`);
    }
    await db.raw('drop function can_communicate(integer, integer[], integer[], date)');
    await db.raw('drop function reach_groups(integer, date)');
    await db.raw('drop function refresh_dirty_groups(integer[])');
    await db.raw('drop function refresh_school_groups(integer)');
    await db.schema.dropTable('group_membership');
    await db.raw('alter table schools drop column groups_dirty');
    await db.raw('alter table groups drop column live');
    await db.raw('alter table users drop column show_email, drop column show_mobile');
    for (const table of ['gateway_pairs', 'gateways', 'communication_rules']) await db.schema.dropTable(table);
    await db.raw('alter table schools drop column custom_communication');
  },
});
