import type { Knex } from 'knex';
import type { FastifyBaseLogger } from 'fastify';
import type { NotifyService, Profile } from '@preau/sdk';

/** No quota, of a profile or of a person, passes this (the seed's promise: up to 20 GB per user). */
export const MAX_QUOTA_BYTES = 20 * 1024 ** 3;

/**
 * Each user's storage use, on one row per user. Uploads reserve bytes with a conditional update
 * (`used + n <= quota`): the row lock orders racing uploads, so together they never pass the quota.
 */
export function createQuota(deps: { knex: Knex; log: FastifyBaseLogger; quotaBytes: Readonly<Record<Profile, number>>; notify: NotifyService }) {
  const { knex } = deps;
  const defaultOf = (profile: Profile): number => Math.min(deps.quotaBytes[profile] ?? 0, MAX_QUOTA_BYTES);

  const warn = async (userId: number, percent: 80 | 100): Promise<void> => {
    // Once per crossing: the conditional update tells only one of several racing uploads to notify.
    const updated = await knex('core.storage_usage').where({ user_id: userId }).andWhere('warned_percent', '<', percent).update({ warned_percent: percent });
    if (updated === 0) return;
    await deps.notify
      .send({
        type: 'storage-quota-warning',
        recipients: { users: [userId] },
        actor: null,
        // "Mon compte" shows what they use (the shell has no /settings page).
        resource: { app: 'core', id: `quota-${userId}-${percent}`, url: '/account#storage' },
        params: { percent },
      })
      .catch((error: unknown) => deps.log.error({ err: error }, 'storage: quota warning not sent'));
  };

  /**
   * The user's quota: their profile's (the academy's setting, else the configuration's), or what a school's
   * administrator raised it to when larger. One query, read at each upload: a change applies at once everywhere.
   */
  async function limitOf(userId: number, db: Knex | Knex.Transaction = knex): Promise<number> {
    const row = await db('core.users as u')
      .leftJoin('core.storage_profile_quotas as pq', 'pq.profile', 'u.profile')
      .leftJoin('core.storage_usage as su', 'su.user_id', 'u.id')
      .where('u.id', userId)
      .first('u.profile', 'pq.bytes as profile_bytes', 'su.quota_bytes as personal_bytes');
    if (!row) throw new Error(`storage: unknown owner ${userId}`);
    const profile = row.profile_bytes != null ? Number(row.profile_bytes) : defaultOf(row.profile as Profile);
    return Math.max(profile, Number(row.personal_bytes ?? 0));
  }

  return {
    limitOf,
    async used(userId: number): Promise<number> {
      const row = await knex('core.storage_usage').where({ user_id: userId }).first('used');
      return Number(row?.used ?? 0);
    },
    /**
     * Reserves at least `need` bytes and up to `ahead` (fewer when the quota is nearly reached); returns how
     * many were reserved, or 0 when even `need` does not fit.
     */
    async reserve(userId: number, need: number, ahead: number, limit: number): Promise<number> {
      const attempt = async (): Promise<number | undefined> => {
        const { rows } = (await knex.raw(
          `with old as (select used from core.storage_usage where user_id = ? for update)
           update core.storage_usage u set used = least(old.used + ?, ?::bigint) from old
           where u.user_id = ? and old.used + ? <= ?::bigint returning u.used - old.used as got`,
          [userId, Math.max(need, ahead), limit, userId, need, limit],
        )) as { rows: { got: string | number }[] };
        return rows.length > 0 ? Number(rows[0]!.got) : undefined;
      };
      // Usually the row is there and one round trip does it. Nothing updated means no row yet (a first upload)
      // or a full quota: make sure the row exists (a racing first upload may create it) and ask once more.
      const got = await attempt();
      if (got !== undefined) return got;
      await knex.raw('insert into core.storage_usage (user_id) values (?) on conflict do nothing', [userId]);
      return (await attempt()) ?? 0;
    },
    /**
     * Gives back bytes (a failed upload, a deleted blob, what an upload reserved ahead and did not use); a user
     * back under 80 % may be warned again. Returns what the user uses after. An upload passes the `limit` it
     * already knows, which spares a round trip for the owner's profile.
     */
    async release(userId: number, bytes: number, trx?: Knex.Transaction, knownLimit?: number): Promise<number> {
      const db = trx ?? knex;
      const limit = knownLimit ?? (await limitOf(userId, db).catch(() => 0));
      const { rows } = (await db.raw(
        `update core.storage_usage set used = greatest(used - ?, 0),
           warned_percent = case when greatest(used - ?, 0) < 0.8 * ? then 0 else warned_percent end
         where user_id = ? returning used`,
        [bytes, bytes, limit, userId],
      )) as { rows: { used: string | number }[] };
      return Number(rows[0]?.used ?? 0);
    },
    /** Warns at 80 % and 100 %; `used` when the caller just learnt it (from `release`), else read. */
    async warnIfNeeded(userId: number, limit: number, knownUsed?: number): Promise<void> {
      const used = knownUsed ?? Number((await knex('core.storage_usage').where({ user_id: userId }).first('used'))?.used ?? 0);
      if (limit > 0 && used >= limit) await warn(userId, 100);
      else if (limit > 0 && used >= 0.8 * limit) await warn(userId, 80);
    },
    async warnFull(userId: number, _limit: number): Promise<void> {
      await warn(userId, 100);
    },
  };
}
