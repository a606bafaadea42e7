import type { Knex } from 'knex';
import { PROFILES, type Profile } from '@preau/sdk';
import { MAX_QUOTA_BYTES } from './quota.js';

/**
 * Who may store how much: the academy's quota per profile (absent: the configuration's default), and the
 * raises a school gave one person. The storage service reads both at each upload (`quota.limitOf`); this module
 * is what the administration pages read and write.
 */

/** One profile's quota, and whether it is still the configuration's default. */
export interface ProfileQuota {
  profile: Profile;
  bytes: number;
  isDefault: boolean;
}

/** The configuration's quota of a profile, capped at the maximum. */
export function defaultQuota(defaults: Readonly<Record<Profile, number>>, profile: Profile): number {
  return Math.min(defaults[profile] ?? 0, MAX_QUOTA_BYTES);
}

export async function listProfileQuotas(db: Knex | Knex.Transaction, defaults: Readonly<Record<Profile, number>>): Promise<ProfileQuota[]> {
  const rows = await db('core.storage_profile_quotas').select('profile', 'bytes');
  const set = new Map(rows.map((row) => [row.profile as Profile, Number(row.bytes)]));
  return PROFILES.map((profile) => ({
    profile,
    bytes: set.get(profile) ?? defaultQuota(defaults, profile),
    isDefault: !set.has(profile),
  }));
}

/**
 * Sets profiles' quotas (the caller's transaction). A person whose quota grew back over the warning thresholds
 * may be warned again at 80 % and 100 % of the new one.
 */
export async function setProfileQuotas(trx: Knex.Transaction, quotas: readonly { profile: Profile; bytes: number }[], by: number, at: Date): Promise<void> {
  for (const { profile, bytes } of quotas) {
    await trx('core.storage_profile_quotas')
      .insert({ profile, bytes, updated_by: by, updated_at: at })
      .onConflict('profile')
      .merge(['bytes', 'updated_by', 'updated_at']);
    await trx.raw(
      `update core.storage_usage su set warned_percent = ${REWARN}
         from core.users u where u.id = su.user_id and u.profile = ?`,
      [bytes, bytes, profile],
    );
  }
}

// The warning a person may get again under a quota of `greatest(?, su.quota_bytes)` bytes (two bindings).
const REWARN = `case when su.used < 0.8 * greatest(?::bigint, coalesce(su.quota_bytes, 0)) then 0
                     when su.used < greatest(?::bigint, coalesce(su.quota_bytes, 0)) then least(su.warned_percent, 80)
                     else su.warned_percent end`;

/** A person's storage as their school's administrators see it. */
export interface PersonQuota {
  used: number;
  /** What applies: the larger of the profile's and the person's own. */
  quota: number;
  profileQuota: number;
  /** What a school raised it to; null: the profile's applies. */
  personalQuota: number | null;
  maxBytes: number;
}

export async function personQuota(db: Knex | Knex.Transaction, userId: number, defaults: Readonly<Record<Profile, number>>): Promise<PersonQuota> {
  const row = await db('core.users as u')
    .leftJoin('core.storage_profile_quotas as pq', 'pq.profile', 'u.profile')
    .leftJoin('core.storage_usage as su', 'su.user_id', 'u.id')
    .where('u.id', userId)
    .first('u.profile', 'pq.bytes as profile_bytes', 'su.quota_bytes as personal_bytes', 'su.used');
  const profileQuota = row.profile_bytes != null ? Number(row.profile_bytes) : defaultQuota(defaults, row.profile as Profile);
  const personalQuota = row.personal_bytes != null ? Number(row.personal_bytes) : null;
  return { used: Number(row.used ?? 0), quota: Math.max(profileQuota, personalQuota ?? 0), profileQuota, personalQuota, maxBytes: MAX_QUOTA_BYTES };
}

/** Sets (or with null, removes) a person's own quota, in the caller's transaction. */
export async function setPersonQuota(
  trx: Knex.Transaction,
  userId: number,
  bytes: number | null,
  by: { actorId: number; schoolId: number; at: Date },
  profileQuota: number,
): Promise<void> {
  const values = { quota_bytes: bytes, quota_school_id: bytes === null ? null : by.schoolId, quota_set_by: by.actorId, quota_set_at: by.at };
  await trx('core.storage_usage').insert({ user_id: userId, ...values }).onConflict('user_id').merge(Object.keys(values));
  await trx.raw(`update core.storage_usage su set warned_percent = ${REWARN} where su.user_id = ?`, [profileQuota, profileQuota, userId]);
}
