/**
 * The communication rules. They live in the database as two PL/pgSQL functions (migration 005), so that every
 * process runs the same rules with cached plans: `core.reach_groups(me, today)` and
 * `core.can_communicate(me, users, groups, today)`. Both read `core.group_membership` (the group_members view
 * materialized per school, and `groups.live`); `core.refresh_dirty_groups(users)` brings the schools concerned
 * up to date first (`can_communicate` does it itself). `reach(:me)` is the set of groups a user may write to:
 * the members of those groups, and the groups themselves as recipients. Bindings: `:me`, `:today`.
 *
 * - A group is *live* unless it belongs to a class of an earlier school year (last year's class lists stay in
 *   the database as history; they must not keep last year's classmates in touch).
 * - A school without custom rules follows the defaults, computed from its groups so that they follow new
 *   classes and groups by themselves: teachers and personnel reach every group of their school (and so every
 *   member); pupils reach the pupils and teachers of their class; relatives reach the teachers and the other
 *   relatives of their children's classes; guests reach nobody.
 * - A school with custom rules follows its rows of `core.communication_rules` (edges between groups; an
 *   edge from a group to itself lets its members write to each other).
 * - An open gateway (passerelle), until its end date, joins each pair of groups of two schools both ways.
 * Pupils and their own relatives always reach each other (see `ALLOWED_CTE`), whatever the rules.
 */
export const LIVE_GROUP_SQL = `(g.class_id is null or exists (
    select 1 from core.classes lc where lc.id = g.class_id
       and lc.start_year = (select max(c2.start_year) from core.classes c2 where c2.school_id = lc.school_id)))`;

export const REACH_CTE = `
  reach as (select rg as id from core.reach_groups(:me, :today::date) rg)`;

/**
 * Which of `:candidates` the user reaches: those in a group of `reach`, plus their own children or relatives.
 * Looking up the groups of the candidates (indexed per user) is much cheaper than listing every member of the
 * reached groups, which for a teacher is the whole school.
 */
export const ALLOWED_CTE = `
  allowed as (
    select gm.user_id as id from core.group_membership gm
     where gm.user_id = any(:candidates::int[]) and gm.group_id in (select id from reach)
    union
    select rl.pupil_id from core.relative_links rl where rl.relative_id = :me and rl.pupil_id = any(:candidates::int[])
    union
    select rl.relative_id from core.relative_links rl where rl.pupil_id = :me and rl.relative_id = any(:candidates::int[])
  )`;
