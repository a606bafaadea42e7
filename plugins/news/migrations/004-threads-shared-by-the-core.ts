import { defineMigration } from '@preau/sdk';

// Who may do what in a thread moves to the core's sharing service (type `thread`, the app's four roles, the
// school's administrators as implicit managers), keeping every right exactly as it is today:
// - each thread is registered with its creator as owner (manage, as before) and its school (its administrators
//   manage it, as before);
// - a grant to a group the core counts as live (not a class of an earlier school year) and of the thread's
//   school stays a grant to that group;
// - the core gives nothing through a class of an earlier school year, where the app gave its members their
//   role: such a grant becomes a grant to each person in the group now, made in the thread's school (the app
//   showed a thread only to members of its school, as the core applies a grant only to them).
const LIVE_GROUP = `(g.class_id is null or exists (
  select 1 from core.classes lc where lc.id = g.class_id
     and lc.start_year = (select max(c2.start_year) from core.classes c2 where c2.school_id = lc.school_id)))`;
const RANK = `(case s.role when 'read' then 1 when 'contribute' then 2 when 'publish' then 3 when 'manage' then 4 end)`;

export default defineMigration({
  async up(db) {
    for (const statement of [
      `insert into core.shared_resources (app, type, key, owner_id, school_id)
       select 'news', 'thread', t.id::text, t.created_by, t.school_id from threads t
       on conflict (app, type, key) do update set owner_id = excluded.owner_id, school_id = excluded.school_id`,
      `insert into core.share_grants (resource_id, role, rank, granted_by, granted_at, group_id, school_id)
       select r.id, s.role, ${RANK}, null, t.created_at, g.id, g.school_id
         from thread_shares s join threads t on t.id = s.thread_id join core.groups g on g.id = s.group_id
         join core.shared_resources r on r.app = 'news' and r.type = 'thread' and r.key = t.id::text
        where g.school_id = t.school_id and ${LIVE_GROUP}`,
      `insert into core.share_grants (resource_id, role, rank, granted_by, granted_at, user_id, school_id)
       select distinct on (r.id, gm.user_id) r.id, s.role, ${RANK}, null, t.created_at, gm.user_id, t.school_id
         from thread_shares s join threads t on t.id = s.thread_id join core.groups g on g.id = s.group_id
         join core.group_members gm on gm.group_id = g.id
         join core.shared_resources r on r.app = 'news' and r.type = 'thread' and r.key = t.id::text
        where not (g.school_id = t.school_id and ${LIVE_GROUP})
        order by r.id, gm.user_id, ${RANK} desc`,
      'drop table thread_shares',
    ]) {
      await db.raw(statement);
    }
  },
  async down(db) {
    // The grants to groups come back; grants to people (made in the share dialog, or for last year's classes)
    // have no place in the app's old table and are dropped.
    for (const statement of [
      `create table thread_shares (
        thread_id integer not null references threads (id) on delete cascade,
        group_id integer not null references core.groups (id) on delete cascade,
        group_name text not null,
        role text not null check (role in ('read', 'contribute', 'publish', 'manage')),
        primary key (thread_id, group_id)
        )`,
      `insert into thread_shares (thread_id, group_id, group_name, role)
       select t.id, g.id, g.name, s.role
         from core.shared_resources r join core.share_grants s on s.resource_id = r.id join core.groups g on g.id = s.group_id
         join threads t on t.id::text = r.key
        where r.app = 'news' and r.type = 'thread'`,
      `delete from core.shared_resources where app = 'news' and type = 'thread'`,
    ]) {
      await db.raw(statement);
    }
  },
});
