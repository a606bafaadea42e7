import type { Knex } from 'knex';
import { KNOWN_ADDRESS_DAYS } from '../identity/sign-in-throttle.js';
import { audit } from '../audit/audit-log.js';

/** An account the retention job deletes: everyone who left all their schools more than the retention period ago. */
export interface LeaverToDelete {
  id: number;
  displayName: string;
  profile: string;
  schoolId: number;
  leftAt: string;
}

/**
 * Accounts whose every membership ended before `before` (arrêté du 30 novembre 2006, art. 6: three months
 * after leaving). Someone who still belongs to a school, or holds a function, is kept.
 */
export async function leaversToDelete(knex: Knex, before: Date, schoolId?: number): Promise<LeaverToDelete[]> {
  const { rows } = await knex.raw<{ rows: (Omit<LeaverToDelete, 'leftAt'> & { leftAt: Date | string })[] }>(
    `select u.id, u.display_name as "displayName", u.profile, m.school_id as "schoolId", m.left_at as "leftAt"
       from core.users u
       join lateral (select school_id, left_at from core.memberships where user_id = u.id order by left_at desc nulls first limit 1) m on true
      where m.left_at is not null and m.left_at < :before
        and not exists (select 1 from core.memberships x where x.user_id = u.id and (x.left_at is null or x.left_at >= :before))
        and not exists (select 1 from core.user_functions f where f.user_id = u.id)
        ${schoolId ? 'and m.school_id = :school' : ''}
      order by m.school_id, u.display_name`,
    { before, school: schoolId ?? null },
  );
  return rows.map((row) => ({ ...row, leftAt: new Date(row.leftAt).toISOString() }));
}

/** What one run of the retention job did. */
export interface RetentionReport {
  deletedAccounts: number;
  bySchool: Record<number, number>;
  auditEntriesPurged: number;
  notificationsPurged: number;
  expiredRowsPurged: number;
}

/**
 * Deletes the accounts of people who left more than `leaverDays` ago (their rows in apps go with them through
 * foreign keys), the audit log older than `auditDays`, timeline notifications older than `notificationDays`,
 * and expired sessions, reset links, codes and sign-in counters. One transaction: a failure deletes nothing.
 */
export async function runRetention(knex: Knex, options: { now: Date; leaverDays: number; auditDays: number; notificationDays: number }): Promise<RetentionReport> {
  const { now } = options;
  const leaverCutoff = new Date(now.getTime() - options.leaverDays * 86_400_000);
  const auditCutoff = new Date(now.getTime() - options.auditDays * 86_400_000);
  return knex.transaction(async (trx) => {
    const leavers = await leaversToDelete(trx, leaverCutoff);
    const bySchool: Record<number, number> = {};
    for (const leaver of leavers) bySchool[leaver.schoolId] = (bySchool[leaver.schoolId] ?? 0) + 1;
    if (leavers.length) await trx('core.users').whereIn('id', leavers.map((l) => l.id)).delete();
    const auditEntriesPurged = await trx('core.audit_log').where('at', '<', auditCutoff).delete();
    // Each bell's unread count is kept with the rows it counts: the unread ones purged are taken off first.
    const notificationCutoff = new Date(now.getTime() - options.notificationDays * 86_400_000);
    await trx.raw(
      `update core.notification_unread c set count = greatest(c.count - gone.n, 0)
         from (select r.user_id, count(*)::int as n
                 from core.notification_recipients r join core.notifications n on n.id = r.notification_id
                where n.created_at < ? and r.read_at is null and r.hidden_at is null
                group by r.user_id) gone
        where c.user_id = gone.user_id`,
      [notificationCutoff],
    );
    const notificationsPurged = await trx('core.notifications').where('created_at', '<', notificationCutoff).delete();
    let expiredRowsPurged = 0;
    expiredRowsPurged += await trx('core.sessions').where('expires_at', '<', now).delete();
    expiredRowsPurged += await trx('core.password_resets').where('expires_at', '<', now).delete();
    expiredRowsPurged += await trx('core.email_changes').where('expires_at', '<', now).delete();
    expiredRowsPurged += await trx('core.activation_codes').where('expires_at', '<', now).delete();
    expiredRowsPurged += await trx('core.sign_in_known_addresses')
      .where('last_success_at', '<', new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000))
      .delete();
    expiredRowsPurged += await trx('core.sign_in_throttle')
      .where('last_failure_at', '<', new Date(now.getTime() - 86_400_000))
      .where((q) => q.whereNull('locked_until').orWhere('locked_until', '<', now))
      .delete();
    await audit(trx, ...Object.entries(bySchool).map(([schoolId, count]) => ({ action: 'leavers-deleted' as const, schoolId: Number(schoolId), at: now, details: { count } })));
    return { deletedAccounts: leavers.length, bySchool, auditEntriesPurged, notificationsPurged, expiredRowsPurged };
  });
}
