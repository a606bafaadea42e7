import type { Knex } from 'knex';
import { MAX_DEPTH } from './sharing-sql.js';
import { ShareCycle, ShareResourceUnknown } from './sharing-errors.js';

/** A resource as the core stores it: the app, the declared type and the app's own id as text. */
export interface ResourceKey {
  app: string;
  type: string;
  key: string;
}

const describe = (resource: ResourceKey) => `${resource.app}/${resource.type}/${resource.key}`;

/** The row id of a registered resource; undefined when the app never registered it. */
export async function findResource(db: Knex, resource: ResourceKey): Promise<number | undefined> {
  const row = await db('core.shared_resources').where(resource).first('id');
  return row ? Number(row.id) : undefined;
}

/** The row id of a registered resource, or `PREAU_ERR_SHARE_RESOURCE_UNKNOWN`. */
export async function requireResource(db: Knex, resource: ResourceKey): Promise<number> {
  const id = await findResource(db, resource);
  if (id === undefined) throw ShareResourceUnknown(describe(resource));
  return id;
}

/** Runs `work` in the caller's transaction, or in one of its own. */
export function inTransaction<T>(knex: Knex, transaction: Knex.Transaction | undefined, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  return transaction ? work(transaction) : knex.transaction(work);
}

/**
 * Puts `id` under `parent` (null: at the top). Moves within an app are serialized (a transaction-level
 * advisory lock), so two moves that would each be fine alone cannot make a cycle together.
 */
export async function moveResource(trx: Knex.Transaction, app: string, id: number, parent: ResourceKey | null): Promise<void> {
  let parentId: number | null = null;
  if (parent) {
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`preau-share-tree:${app}`]);
    parentId = await requireResource(trx, parent);
    // The parent's ancestors, itself included: the resource among them means it would go inside itself.
    const { rows } = await trx.raw<{ rows: unknown[] }>(
      `with recursive up as (
         select r.id, r.parent_id, 0 as depth from core.shared_resources r where r.id = :parent
         union all
         select p.id, p.parent_id, up.depth + 1 from up join core.shared_resources p on p.id = up.parent_id where up.depth < :max
       )
       select 1 from up where up.id = :id limit 1`,
      { parent: parentId, id, max: MAX_DEPTH },
    );
    if (rows.length > 0) throw ShareCycle();
  }
  await trx('core.shared_resources').where({ id }).update({ parent_id: parentId });
}

/**
 * Adds a resource, or changes its owner (and its school, whose administrators manage it, when `school` is
 * given); then moves it when `parent` is given.
 */
export async function registerResource(
  trx: Knex.Transaction,
  resource: ResourceKey,
  options: { owner: number | null; parent?: ResourceKey | null; school?: number | null },
): Promise<void> {
  const { rows } = await trx.raw<{ rows: { id: string }[] }>(
    `insert into core.shared_resources (app, type, key, owner_id, school_id) values (?, ?, ?, ?, ?)
     on conflict (app, type, key) do update set owner_id = excluded.owner_id,
       school_id = case when ?::boolean then excluded.school_id else shared_resources.school_id end
     returning id`,
    [resource.app, resource.type, resource.key, options.owner, options.school ?? null, options.school !== undefined],
  );
  if (options.parent !== undefined) await moveResource(trx, resource.app, Number(rows[0]!.id), options.parent);
}
