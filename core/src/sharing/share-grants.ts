import type { Knex } from 'knex';
import type { GrantInput, ShareRoleDeclaration } from '@preau/sdk';
import { parisDay } from '../clock.js';
import { managingRank, rankOfRole } from './share-role-lists.js';
import { rankOf } from './share-queries.js';
import { requireResource, type ResourceKey } from './share-tree.js';
import { ShareManageRequired, ShareNoRecipient, ShareNotFound, ShareRecipientsRefused, ShareRoleUnknown } from './sharing-errors.js';

/** Who gained access by a `grant` (a new grant, or a stronger role): those to tell. */
export interface Gained {
  users: number[];
  groups: number[];
}

const ids = (values: readonly number[] | undefined) => [...new Set(values ?? [])];

/** 404 when `by` has no role on the resource, 403 below the type's last role; nothing for the plugin itself (null). */
export async function requireManager(db: Knex, by: number | null, resource: ResourceKey, roles: readonly ShareRoleDeclaration[]): Promise<void> {
  if (by === null) return;
  const rank = await rankOf(db, by, resource);
  if (rank === 0) throw ShareNotFound();
  if (rank < managingRank(roles)) throw ShareManageRequired();
}

/** The grantees `by` may not share with: out of their reach (the communication rules), or unknown. */
async function refusedGrantees(trx: Knex.Transaction, by: number | null, users: number[], groups: number[], today: string): Promise<{ users: number[]; groups: number[] }> {
  let allowedUsers: Set<number>;
  let allowedGroups: Set<number>;
  if (by === null) {
    allowedUsers = new Set(await trx('core.users').whereIn('id', users).pluck('id'));
    allowedGroups = new Set(await trx('core.groups').whereIn('id', groups).pluck('id'));
  } else {
    // The resolver's own SQL, in this transaction (on PGlite a second connection would wait for this one).
    const { rows } = await trx.raw<{ rows: { kind: 'user' | 'group'; target: number }[] }>(
      'select kind, target from core.can_communicate(?, ?::int[], ?::int[], ?::date)',
      [by, users.filter((id) => id !== by), groups, today],
    );
    allowedUsers = new Set([by, ...rows.filter((r) => r.kind === 'user').map((r) => r.target)]);
    allowedGroups = new Set(rows.filter((r) => r.kind === 'group').map((r) => r.target));
  }
  return { users: users.filter((id) => !allowedUsers.has(id)), groups: groups.filter((id) => !allowedGroups.has(id)) };
}

/**
 * The school each grant to a person is made in: the one given, else the first school the sharer and the
 * person are both current members of, else the person's first current school, else none.
 */
async function schoolsOfGrants(trx: Knex.Transaction, by: number | null, users: number[], schoolId: number | undefined): Promise<Map<number, number | null>> {
  if (schoolId !== undefined) return new Map(users.map((id) => [id, schoolId]));
  const { rows } = await trx.raw<{ rows: { id: number; school_id: number | null }[] }>(
    `select u.id, coalesce(
        (select min(m.school_id) from core.memberships m join core.memberships mine on mine.school_id = m.school_id
          where m.user_id = u.id and m.left_at is null and mine.user_id = ?::int and mine.left_at is null),
        (select min(m.school_id) from core.memberships m where m.user_id = u.id and m.left_at is null)) as school_id
       from unnest(?::int[]) as u(id)`,
    [by, users],
  );
  return new Map(rows.map((row) => [row.id, row.school_id]));
}

/**
 * Writes the grants of `input` on a registered resource in `trx` after the checks (see `SharingService.grant`),
 * and returns who gained access.
 */
export async function writeGrants(
  trx: Knex.Transaction,
  resource: ResourceKey,
  input: GrantInput<string>,
  context: { by: number | null; schoolId?: number; now: Date; roles: readonly ShareRoleDeclaration[] },
): Promise<Gained> {
  const users = ids(input.users);
  const groups = ids(input.groups);
  const rank = rankOfRole(context.roles, input.role);
  if (rank === undefined) throw ShareRoleUnknown(String(input.role).slice(0, 40), context.roles.map((role) => role.name));
  if (users.length === 0 && groups.length === 0) throw ShareNoRecipient();
  const resourceId = await requireResource(trx, resource);
  await requireManager(trx, context.by, resource, context.roles);
  const refused = await refusedGrantees(trx, context.by, users, groups, parisDay(context.now));
  if (refused.users.length || refused.groups.length) throw ShareRecipientsRefused(refused);

  const before = await trx('core.share_grants')
    .where({ resource_id: resourceId })
    .andWhere((q) => q.whereIn('user_id', users).orWhereIn('group_id', groups))
    .select<{ user_id: number | null; group_id: number | null; rank: number }[]>('user_id', 'group_id', 'rank');
  const gains = (column: 'user_id' | 'group_id', id: number) => {
    const previous = before.find((row) => row[column] === id);
    return !previous || previous.rank < rank;
  };

  const common = [resourceId, input.role, rank, context.by, context.now];
  if (users.length) {
    const schools = await schoolsOfGrants(trx, context.by, users, context.schoolId);
    await trx.raw(
      `insert into core.share_grants (resource_id, role, rank, granted_by, granted_at, user_id, school_id)
       select ?, ?, ?, ?, ?, g.user_id, g.school_id from unnest(?::int[], ?::int[]) as g(user_id, school_id)
       on conflict (user_id, resource_id) where user_id is not null
       do update set role = excluded.role, rank = excluded.rank, school_id = excluded.school_id, granted_by = excluded.granted_by, granted_at = excluded.granted_at`,
      [...common, users, users.map((id) => schools.get(id) ?? null) as unknown as Knex.Value],
    );
  }
  if (groups.length) {
    await trx.raw(
      `insert into core.share_grants (resource_id, role, rank, granted_by, granted_at, group_id, school_id)
       select ?, ?, ?, ?, ?, g.id, g.school_id from core.groups g where g.id = any(?::int[])
       on conflict (group_id, resource_id) where group_id is not null
       do update set role = excluded.role, rank = excluded.rank, granted_by = excluded.granted_by, granted_at = excluded.granted_at`,
      [...common, groups],
    );
  }
  return { users: users.filter((id) => gains('user_id', id)), groups: groups.filter((id) => gains('group_id', id)) };
}

/** Removes one grant after the checks; true when there was one. */
export async function deleteGrant(
  trx: Knex.Transaction,
  resource: ResourceKey,
  grantee: { user: number } | { group: number },
  by: number | null,
  roles: readonly ShareRoleDeclaration[],
): Promise<boolean> {
  const resourceId = await requireResource(trx, resource);
  await requireManager(trx, by, resource, roles);
  const where = 'user' in grantee ? { user_id: grantee.user } : { group_id: grantee.group };
  return (await trx('core.share_grants').where({ resource_id: resourceId, ...where }).delete()) > 0;
}

/**
 * The people to tell about a share: the users, and the current members of the groups (in the group's
 * school), each with their current schools.
 */
export async function peopleToTell(db: Knex, gained: Gained): Promise<{ id: number; schools: number[] }[]> {
  const { rows } = await db.raw<{ rows: { id: number; schools: number[] }[] }>(
    `with people as (
       select unnest(?::int[]) as id
       union
       select gm.user_id from core.group_members gm join core.groups g on g.id = gm.group_id
         join core.memberships m on m.user_id = gm.user_id and m.school_id = g.school_id and m.left_at is null
        where gm.group_id = any(?::int[])
     )
     select p.id, coalesce(array_agg(m.school_id) filter (where m.school_id is not null), '{}') as schools
       from people p left join core.memberships m on m.user_id = p.id and m.left_at is null
      group by p.id`,
    [gained.users, gained.groups],
  );
  return rows;
}
