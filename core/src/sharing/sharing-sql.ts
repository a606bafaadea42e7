/**
 * The SQL of who holds what on a shared resource (tables of migration 014). Bindings: `:me` (the user).
 *
 * A grant applies to `:me` when:
 * - it is to them, and they are still a current member of the school it was made in (or it was made in none);
 * - or it is to a group they are in now (`core.group_members`, the live view: a parent added to a class is in
 *   its parents' group at once), the group is live (not a class of an earlier school year, as in the
 *   communication rules), and they are a current member of the group's school. The last condition is what
 *   makes a leaver lose at once everything shared with the school's groups, even while an old class list
 *   still names them.
 * A role is the strongest of the grants that apply on the resource and every ancestor, and `owner` when they
 * own the resource or an ancestor. The owner's access never lapses: the app decides what becomes of a leaver's
 * own things.
 */
import { LIVE_GROUP_SQL } from '../communication/reach-sql.js';

/** How far up a tree the queries walk: a guard, since moves refuse cycles. */
export const MAX_DEPTH = 64;

/** Roles as ranks, weakest first; `owner` is 4. */
export const RANK_OF_ROLE = `(case s.role when 'read' then 1 when 'contribute' then 2 when 'manage' then 3 end)`;
export const OWNER_RANK = 4;
/** The same ranks, for code. */
export const SHARE_ROLE_RANK = { read: 1, contribute: 2, manage: 3, owner: OWNER_RANK } as const;
export const ROLE_OF_RANK = ['', 'read', 'contribute', 'manage', 'owner'] as const;

/** `my_schools` (the user's current schools) and `my_groups` (the live groups they are in now, in those schools). */
export const MINE_CTES = `
  my_schools as (select m.school_id from core.memberships m where m.user_id = :me and m.left_at is null),
  my_groups as (
    select gm.group_id from core.group_members gm join core.groups g on g.id = gm.group_id
     where gm.user_id = :me and g.school_id in (select school_id from my_schools) and ${LIVE_GROUP_SQL}
  )`;

/** True when the grant `s` applies to `:me` (with `MINE_CTES`). */
export const APPLIES_TO_ME = `(
    (s.user_id = :me and (s.school_id is null or s.school_id in (select school_id from my_schools)))
    or s.group_id in (select group_id from my_groups))`;

/**
 * The resources `origin` starts from and their ancestors: `chain(origin, id, parent_id, owner_id, depth)`.
 * `startSql` selects `origin, id` of the starting resources.
 */
export const chainCte = (startSql: string): string => `
  start as (${startSql}),
  chain as (
    select st.origin, r.id, r.parent_id, r.owner_id, 0 as depth from start st join core.shared_resources r on r.id = st.id
    union all
    select c.origin, p.id, p.parent_id, p.owner_id, c.depth + 1 from chain c join core.shared_resources p on p.id = c.parent_id
     where c.depth < ${MAX_DEPTH}
  )`;

/** With `chainCte` and `MINE_CTES`: the user's rank on each origin (origins with no role are left out). */
export const RANKS_SQL = `
  select origin, max(rank) as rank from (
    select c.origin, ${OWNER_RANK} as rank from chain c where c.owner_id = :me
    union all
    select c.origin, ${RANK_OF_ROLE} as rank from chain c join core.share_grants s on s.resource_id = c.id where ${APPLIES_TO_ME}
  ) ranks group by origin`;
