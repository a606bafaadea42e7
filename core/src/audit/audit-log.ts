import type { Knex } from 'knex';

/** What the audit log records (CNIL: who did what, when, from where; kept one year). */
export type AuditAction =
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-in-locked'
  | 'activation'
  | 'activation-failed'
  | 'password-reset-requested'
  | 'password-reset'
  | 'password-changed'
  | 'email-change-requested'
  | 'email-changed'
  | 'codes-issued'
  | 'access-reset'
  | 'user-blocked'
  | 'user-unblocked'
  | 'user-created'
  | 'user-updated'
  | 'sessions-revoked'
  | 'import-applied'
  | 'class-created'
  | 'class-updated'
  | 'group-created'
  | 'group-updated'
  | 'group-deleted'
  | 'function-granted'
  | 'function-revoked'
  | 'leavers-deleted'
  | 'communication-rule-added'
  | 'communication-rule-removed'
  | 'communication-rules-reset'
  | 'gateway-proposed'
  | 'gateway-opened'
  | 'gateway-refused'
  | 'gateway-closed'
  | 'right-changed'
  | 'relative-linked'
  | 'relative-unlinked'
  | 'transfer-approved'
  | 'transfer-refused'
  | 'storage-quota-changed';

/** One line of the audit log. */
export interface AuditEntry {
  action: AuditAction;
  actorId?: number | null;
  targetUserId?: number | null;
  /** The school concerned; null for platform-wide events (its administrators cannot read those). */
  schoolId?: number | null;
  details?: Record<string, unknown>;
  ip?: string | null;
  at?: Date;
}

/** Appends entries to the audit log (inside the caller's transaction when given one). */
export async function audit(knex: Knex, ...entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await knex('core.audit_log').insert(
    entries.map((entry) => ({
      action: entry.action,
      actor_id: entry.actorId ?? null,
      target_user_id: entry.targetUserId ?? null,
      school_id: entry.schoolId ?? null,
      details: JSON.stringify(entry.details ?? {}),
      ip: entry.ip ?? null,
      ...(entry.at ? { at: entry.at } : {}),
    })),
  );
}

/** The schools of a user (their current memberships), to file an identity event under each. */
export async function schoolsOfUser(knex: Knex, userId: number): Promise<number[]> {
  const rows = await knex('core.memberships').where({ user_id: userId }).whereNull('left_at').select('school_id');
  return rows.map((row: { school_id: number }) => row.school_id);
}
