import type { Knex } from 'knex';

/** A plugin's part of a user's data export (RGPD art. 15 and 20). */
export interface PersonalDataExporter {
  plugin: string;
  export(userId: number): Promise<unknown>;
}

/** Everything the core holds about a user, as plain JSON. */
export async function exportCoreData(knex: Knex, userId: number): Promise<Record<string, unknown>> {
  const account = await knex('core.users')
    .where({ id: userId })
    .first(
      'login', 'display_name as displayName', 'first_name as firstName', 'last_name as lastName', 'profile', 'language',
      'state', 'birth_date as birthDate', 'ine', 'civility', 'email', 'mobile', 'address', 'show_email as showEmail', 'show_mobile as showMobile',
      'charter_accepted_at as charterAcceptedAt', 'activated_at as activatedAt', 'created_at as createdAt',
    );
  const schools = await knex('core.memberships as m').join('core.schools as s', 's.id', 'm.school_id')
    .where('m.user_id', userId).select('s.uai', 's.name', 'm.left_at as leftAt');
  const classes = await knex('core.class_members as cm').join('core.classes as c', 'c.id', 'cm.class_id')
    .where('cm.user_id', userId).select('c.label', 'c.levels', 'c.start_year as startYear');
  const children = await knex('core.relative_links as rl').join('core.users as u', 'u.id', 'rl.pupil_id')
    .where('rl.relative_id', userId).select('u.display_name as displayName');
  const relatives = await knex('core.relative_links as rl').join('core.users as u', 'u.id', 'rl.relative_id')
    .where('rl.pupil_id', userId).select('u.display_name as displayName');
  const functions = await knex('core.user_functions').where({ user_id: userId }).select('function', 'school_id as schoolId');
  const sessions = await knex('core.sessions').where({ user_id: userId })
    .select('created_at as createdAt', 'last_seen_at as lastSeenAt', 'ip', 'user_agent as userAgent');
  // The devices that receive their notifications (the push endpoint and keys are the browser's, not theirs).
  const devices = await knex('core.push_subscriptions').where({ user_id: userId }).orderBy('created_at').select('browser', 'created_at as createdAt', 'last_pushed_at as lastPushedAt');
  const pushPreferences = await knex('core.push_preferences').where({ user_id: userId }).orderBy(['app', 'type']).select('app', 'type', 'enabled');
  const pendingEmailChange = (await knex('core.email_changes').where({ user_id: userId }).first('email', 'created_at as requestedAt', 'expires_at as expiresAt')) ?? null;
  const auditTrail = await knex('core.audit_log').where({ target_user_id: userId }).orWhere({ actor_id: userId })
    .orderBy('at').select('at', 'action', 'ip', 'details');
  // Shares hold ids only (names and content are the apps'): what was shared with them, by them, and what they own.
  const sharedWithThem = await knex('core.share_grants as s').join('core.shared_resources as r', 'r.id', 's.resource_id')
    .where('s.user_id', userId).orderBy('s.granted_at').select('r.app', 'r.type', 'r.key as id', 's.role', 's.granted_at as grantedAt');
  const sharedByThem = await knex('core.share_grants as s').join('core.shared_resources as r', 'r.id', 's.resource_id')
    .leftJoin('core.users as u', 'u.id', 's.user_id').leftJoin('core.groups as g', 'g.id', 's.group_id')
    .where('s.granted_by', userId).orderBy('s.granted_at')
    .select('r.app', 'r.type', 'r.key as id', 's.role', 's.granted_at as grantedAt', knex.raw('coalesce(u.display_name, g.name) as "sharedWith"'));
  const owned = await knex('core.shared_resources').where({ owner_id: userId }).orderBy('id').select('app', 'type', 'key as id');
  const shares = { sharedWithThem, sharedByThem, owned };
  return { account, pendingEmailChange, schools, classes, children, relatives, functions, sessions, devices, pushPreferences, auditTrail, shares };
}
