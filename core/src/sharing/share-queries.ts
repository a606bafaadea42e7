import type { Knex } from 'knex';
import { PageCursorInvalid, type Profile, type ResourceGrants, type ShareRoleDeclaration, type SharedWithMePage } from '@preau/sdk';
import { LIVE_GROUP_SQL } from '../communication/reach-sql.js';
import { chainCte } from './sharing-sql.js';
import { roleOfRank } from './share-role-lists.js';
import { requireResource, type ResourceKey } from './share-tree.js';

const ONE_RESOURCE = `select r.id as origin, r.id from core.shared_resources r where r.app = :app and r.type = :type and r.key = :key`;

/** The rank of `me` on each of `resources` of one app (index in the list → rank; none: absent), in one call. */
export async function ranksOf(db: Knex, me: number, app: string, resources: readonly { type: string; key: string }[]): Promise<Map<number, number>> {
  if (resources.length === 0) return new Map();
  const { rows } = await db.raw<{ rows: { ord: string; rank: number }[] }>(
    'select ord, rank from core.share_ranks(?::int, ?::text, ?::text[], ?::text[])',
    [me, app, resources.map((r) => r.type), resources.map((r) => r.key)],
  );
  return new Map(rows.map((row) => [Number(row.ord) - 1, row.rank]));
}

/** The rank (0: none, 4: owner) of `me` on one resource: one indexed query walking up its ancestors. */
export async function rankOf(db: Knex, me: number, resource: ResourceKey): Promise<number> {
  return (await ranksOf(db, me, resource.app, [resource])).get(0) ?? 0;
}

interface GrantRow {
  user_id: number | null;
  group_id: number | null;
  role: string;
  school_id: number | null;
  granted_at: Date;
  depth: number;
  from_type: string;
  from_key: string;
  user_name: string | null;
  user_profile: Profile | null;
  group_name: string | null;
  group_school: number | null;
  granted_by: number | null;
  granted_by_name: string | null;
  lapsed: boolean;
}

/** The owner and every grant on the resource and its ancestors, with names, its own first. */
export async function listGrants(db: Knex, resource: ResourceKey): Promise<ResourceGrants<string>> {
  const id = await requireResource(db, resource);
  const owner = await db('core.shared_resources as r').join('core.users as o', 'o.id', 'r.owner_id').where('r.id', id).first('o.id', 'o.display_name');
  const { rows } = await db.raw<{ rows: GrantRow[] }>(
    `with recursive ${chainCte(ONE_RESOURCE)}
     select s.user_id, s.group_id, s.role, s.school_id, s.granted_at, c.depth, a.type as from_type, a.key as from_key,
            u.display_name as user_name, u.profile as user_profile, g.name as group_name, g.school_id as group_school,
            s.granted_by, gb.display_name as granted_by_name,
            case when s.user_id is not null
                 then s.school_id is not null and not exists (
                   select 1 from core.memberships m where m.user_id = s.user_id and m.school_id = s.school_id and m.left_at is null)
                 else not ${LIVE_GROUP_SQL} end as lapsed
       from chain c join core.share_grants s on s.resource_id = c.id join core.shared_resources a on a.id = c.id
       left join core.users u on u.id = s.user_id
       left join core.groups g on g.id = s.group_id
       left join core.users gb on gb.id = s.granted_by
      order by c.depth, s.group_id is null, coalesce(g.name, u.display_name), s.id`,
    { ...resource },
  );
  return {
    owner: owner ? { id: owner.id as number, displayName: owner.display_name as string } : null,
    grants: rows.map((row) => ({
      grantee: row.user_id !== null
        ? { kind: 'user' as const, id: row.user_id, displayName: row.user_name!, profile: row.user_profile! }
        : { kind: 'group' as const, id: row.group_id!, name: row.group_name!, schoolId: row.group_school! },
      role: row.role,
      schoolId: row.school_id,
      grantedBy: row.granted_by !== null ? { id: row.granted_by, displayName: row.granted_by_name! } : null,
      grantedAt: new Date(row.granted_at),
      inheritedFrom: row.depth === 0 ? null : { type: row.from_type, id: row.from_key },
      lapsed: row.lapsed,
    })),
  };
}

/** Where the next page of "shared with me" starts: the last row's sharer name and id, share instant and row id. */
type SharedCursor = [name: string, sharer: number, at: number, row: number];

function encodeCursor(cursor: SharedCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string): SharedCursor {
  let value: unknown;
  try {
    if (text.length > 600 || !/^[A-Za-z0-9_-]+$/.test(text)) throw new Error('shape');
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw PageCursorInvalid();
  }
  const ok = Array.isArray(value) && value.length === 4 && typeof value[0] === 'string' && value[0].length <= 200
    && [value[1], value[2], value[3]].every((n) => Number.isSafeInteger(n) && (n as number) >= 0) && (value[2] as number) <= 8.64e15;
  if (!ok) throw PageCursorInvalid();
  return value as SharedCursor;
}

interface SharedRow {
  resource: string;
  type: string;
  key: string;
  rank: number;
  granted_at: Date;
  granted_by: number | null;
  sharer_name: string;
  sharer_id: number;
}

/**
 * "Shared with me" for one app, by sharer then newest first (see `SharingService.sharedWithMe`). Grants are
 * written with the clock's millisecond instants, so the cursor's milliseconds compare exactly.
 */
export async function sharedWithMe(
  db: Knex,
  me: number,
  app: string,
  options: { type?: string; cursor?: string; limit?: number },
  rolesOfType: (type: string) => readonly ShareRoleDeclaration[],
): Promise<SharedWithMePage<string>> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), 200);
  const cursor = options.cursor ? decodeCursor(options.cursor) : undefined;
  const { rows } = await db.raw<{ rows: SharedRow[] }>(
    'select * from core.shared_with_me(?::int, ?::text, ?::text, ?::int, ?::text, ?::int, ?::timestamptz, ?::bigint)',
    [me, app, options.type ?? null, limit + 1, cursor?.[0] ?? null, cursor?.[1] ?? null, cursor ? new Date(cursor[2]) : null, cursor?.[3] ?? null],
  );
  const page = rows.slice(0, limit);
  const people: SharedWithMePage<string>['people'] = [];
  for (const row of page) {
    const sharedBy = row.granted_by !== null ? { id: row.granted_by, displayName: row.sharer_name } : null;
    const item = { type: row.type, id: row.key, role: roleOfRank(row.rank, rolesOfType(row.type)) as string, sharedAt: new Date(row.granted_at) };
    const last = people.at(-1);
    if (last && (last.sharedBy?.id ?? 0) === (sharedBy?.id ?? 0)) last.items.push(item);
    else people.push({ sharedBy, items: [item] });
  }
  const end = page.at(-1);
  return {
    people,
    nextCursor: rows.length > limit && end ? encodeCursor([end.sharer_name, end.sharer_id, new Date(end.granted_at).getTime(), Number(end.resource)]) : null,
  };
}
