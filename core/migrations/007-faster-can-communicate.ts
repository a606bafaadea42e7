import { defineMigration } from '@preau/sdk';

// The family rule (a pupil and their own relatives) read once per call instead of once per recipient: a
// parent checking 100 recipients went from about 5 ms to about 2 ms, like a teacher.
const FAST = `create or replace function can_communicate(p_me integer, p_users integer[], p_groups integer[], p_today date)
  returns table (kind text, target integer) language plpgsql set search_path = core as $$
begin
  perform refresh_dirty_groups(array[p_me] || p_users);
  return query
    with reach as materialized (select rg as gid from reach_groups(p_me, p_today) rg),
         family as materialized (
           select rl.pupil_id as id from relative_links rl where rl.relative_id = p_me
           union select rl.relative_id from relative_links rl where rl.pupil_id = p_me
         ),
         grouped as materialized (
           select distinct gm.user_id as id from group_membership gm
            where gm.user_id = any(p_users) and gm.group_id in (select reach.gid from reach)
         )
    select 'group'::text, reach.gid from reach where reach.gid = any(p_groups)
    union all
    select 'user'::text, u.id from users u
     where u.id = any(p_users) and u.state <> 'blocked'
       and (u.id in (select grouped.id from grouped) or u.id in (select family.id from family));
end $$`;

const PREVIOUS = `create or replace function can_communicate(p_me integer, p_users integer[], p_groups integer[], p_today date)
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
end $$`;

export default defineMigration({
  async up(db) {
    await db.raw(FAST);
  },
  async down(db) {
    await db.raw(PREVIOUS);
  },
});
