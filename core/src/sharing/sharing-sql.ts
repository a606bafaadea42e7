/**
 * Who holds what on a shared resource. The rules live in the database as two PL/pgSQL functions (migrations
 * 014 and 020), so that every process runs the same ones with cached plans: `core.share_ranks(me, app, types, keys)`
 * (the user's rank on each resource) and `core.shared_with_me(me, app, type, limit, after…)`.
 *
 * A grant applies to a user when:
 * - it is to them, and they are still a current member of the school it was made in (or it was made in none);
 * - or it is to a group they are in now (`core.group_members`, the live view: a parent added to a class is in
 *   its parents' group at once), the group is live (not a class of an earlier school year, as in the
 *   communication rules), and they are a current member of the group's school. The last condition is what
 *   makes a leaver lose at once everything shared with the school's groups, even while an old class list
 *   still names them.
 * A role is the strongest of the grants that apply on the resource and every ancestor (ranks: see
 * `share-role-lists.ts`), the type's last role when they administer the school a resource or an ancestor is
 * registered in (a type's `implicitManagers`), and `owner` when they own the resource or an ancestor. The owner's access never lapses: the app decides what becomes of a leaver's
 * own things.
 */

/** How far up a tree the queries walk: a guard, since moves refuse cycles (the functions use the same). */
export const MAX_DEPTH = 64;


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
