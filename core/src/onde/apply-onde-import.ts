import type { Knex } from 'knex';
import { bulkInsert, bulkUpdate, type BulkColumn } from '../db/bulk-rows.js';
import { allocateLogins, displayNameOf, loginBase } from '../identity/logins.js';
import { hashActivationCode, newActivationCode } from '../identity/activation-codes.js';
import { ensureClassGroups, ensureSchoolGroups } from '../structure/groups.js';
import type { OndePlan, PersonFields } from './plan-onde-import.js';
import { classKey } from './school-snapshot.js';

/** What applying a plan created that the caller may need: the new accounts and their first activation codes. */
export interface AppliedImport {
  createdUserIds: number[];
  /** Plain activation codes of the accounts created, for a CLI that writes them out; never stored. */
  codes: { userId: number; login: string; displayName: string; profile: 'Student' | 'Relative'; code: string }[];
}

interface NewUser extends PersonFields {
  login: string;
  displayName: string;
  profile: 'Student' | 'Relative';
}

const USER_COLUMNS: BulkColumn<NewUser>[] = [
  { name: 'login', type: 'text', value: (u) => u.login },
  { name: 'display_name', type: 'text', value: (u) => u.displayName },
  { name: 'profile', type: 'text', value: (u) => u.profile },
  { name: 'first_name', type: 'text', value: (u) => u.firstName },
  { name: 'last_name', type: 'text', value: (u) => u.lastName },
  { name: 'birth_date', type: 'date', value: (u) => u.birthDate },
  { name: 'ine', type: 'text', value: (u) => u.ine },
  { name: 'civility', type: 'text', value: (u) => u.civility },
  { name: 'address', type: 'text', value: (u) => u.address },
  { name: 'email', type: 'text', value: (u) => u.email },
  { name: 'mobile', type: 'text', value: (u) => u.mobile },
  { name: 'photo_authorisation', type: 'boolean', value: (u) => u.photoAuthorised },
];

interface UserUpdate extends PersonFields {
  id: number;
  displayName: string;
}

const id: BulkColumn<UserUpdate> = { name: 'id', type: 'integer', value: (u) => u.id };
// Email, mobile, password and state are the person's own: an import never overwrites them.
const PUPIL_UPDATE: BulkColumn<UserUpdate>[] = [
  { name: 'first_name', type: 'text', value: (u) => u.firstName },
  { name: 'last_name', type: 'text', value: (u) => u.lastName },
  { name: 'display_name', type: 'text', value: (u) => u.displayName },
  { name: 'birth_date', type: 'date', value: (u) => u.birthDate },
  { name: 'ine', type: 'text', value: (u) => u.ine },
  { name: 'address', type: 'text', value: (u) => u.address },
  { name: 'photo_authorisation', type: 'boolean', value: (u) => u.photoAuthorised },
];
const RELATIVE_UPDATE: BulkColumn<UserUpdate>[] = [
  { name: 'first_name', type: 'text', value: (u) => u.firstName },
  { name: 'last_name', type: 'text', value: (u) => u.lastName },
  { name: 'display_name', type: 'text', value: (u) => u.displayName },
  { name: 'civility', type: 'text', value: (u) => u.civility },
  { name: 'address', type: 'text', value: (u) => u.address },
];

/**
 * Writes a plan inside the caller's transaction, with set-based statements only (an academy import writes
 * hundreds of thousands of rows): classes, new accounts (pending, with a keyed hash of a first activation
 * code), updates, memberships, this year's class lists, relative links and derived groups.
 */
export async function applyOndeImport(
  trx: Knex.Transaction,
  plan: OndePlan,
  context: { schoolId: number; startYear: number; now: Date; activationKey: Buffer; codeExpiresAt: Date; actorId: number | null },
): Promise<AppliedImport> {
  const { schoolId, startYear, now } = context;
  await ensureSchoolGroups(trx, schoolId);

  // Classes
  const created = await bulkInsert<(typeof plan.classes)[number], { id: number; onde_id: string | null; label: string }>(
    trx,
    'core.classes',
    [
      { name: 'school_id', type: 'integer', value: () => schoolId },
      { name: 'start_year', type: 'integer', value: () => startYear },
      { name: 'label', type: 'text', value: (c) => c.label },
      { name: 'onde_id', type: 'text', value: (c) => c.ondeId },
      { name: 'levels', type: 'text[]', value: (c) => c.levels },
    ],
    plan.classes.filter((c) => c.action === 'create'),
    { returning: ['id', 'onde_id', 'label'] },
  );
  const updatedClasses = plan.classes.filter((c) => c.action === 'update');
  await bulkUpdate<(typeof plan.classes)[number]>(
    trx,
    'core.classes',
    { name: 'id', type: 'integer', value: (c) => c.id },
    [
      { name: 'label', type: 'text', value: (c) => c.label },
      { name: 'levels', type: 'text[]', value: (c) => c.levels },
    ],
    updatedClasses,
  );
  const classIdByKey = new Map<string, number>();
  const createdClasses = plan.classes.filter((c) => c.action === 'create');
  const createdIds = new Map(created.map((row) => [classKey(row.onde_id, row.label), row.id]));
  for (const c of createdClasses) classIdByKey.set(c.key, createdIds.get(c.key)!);
  for (const c of plan.classes) if (c.id !== null) classIdByKey.set(c.key, c.id);
  await ensureClassGroups(trx, schoolId, plan.classes.filter((c) => c.action !== 'unchanged').map((c) => ({ id: classIdByKey.get(c.key)!, label: c.label })));

  // New accounts: pupils then relatives, logins allocated in one read.
  const newPupils = plan.pupils.filter((p) => p.action === 'create');
  const newRelatives = plan.relatives.filter((r) => r.action === 'create');
  const people = [
    ...newPupils.map((p) => ({ ...p.fields, profile: 'Student' as const })),
    ...newRelatives.map((r) => ({ ...r.fields, profile: 'Relative' as const })),
  ];
  const logins = await allocateLogins(trx, people.map((p) => loginBase(p.firstName, p.lastName)));
  const newUsers: NewUser[] = people.map((p, index) => ({ ...p, login: logins[index]!, displayName: displayNameOf(p.firstName, p.lastName) }));
  const inserted = await bulkInsert<NewUser, { id: number; login: string }>(trx, 'core.users', USER_COLUMNS, newUsers, { returning: ['id', 'login'] });
  // Matched by login (unique) rather than trusting the order of `returning`.
  const idByLogin = new Map(inserted.map((row) => [row.login, row.id]));
  const newIds = newUsers.map((user) => idByLogin.get(user.login)!);
  const pupilIdOfPlanned = new Map<number, number>();
  const relativeIdOfPlanned = new Map<number, number>();
  let cursor = 0;
  plan.pupils.forEach((p, index) => {
    if (p.action === 'create') pupilIdOfPlanned.set(index, newIds[cursor++]!);
    else pupilIdOfPlanned.set(index, p.id!);
  });
  plan.relatives.forEach((r, index) => {
    if (r.action === 'create') relativeIdOfPlanned.set(index, newIds[cursor++]!);
    else relativeIdOfPlanned.set(index, r.id!);
  });

  // Updates of existing people
  const toUpdate = <T extends { id: number | null; fields: PersonFields; changes: string[] }>(items: readonly T[]): UserUpdate[] =>
    items.filter((i) => i.id !== null && i.changes.length > 0).map((i) => ({ ...i.fields, id: i.id!, displayName: displayNameOf(i.fields.firstName, i.fields.lastName) }));
  await bulkUpdate(trx, 'core.users', id, PUPIL_UPDATE, toUpdate(plan.pupils), `updated_at = now()`);
  await bulkUpdate(trx, 'core.users', id, RELATIVE_UPDATE, toUpdate(plan.relatives), `updated_at = now()`);

  // Memberships: join or come back; leave.
  const joining = [
    ...plan.pupils.flatMap((p, index) => (p.join ? [pupilIdOfPlanned.get(index)!] : [])),
    ...plan.relatives.flatMap((r, index) => (r.join ? [relativeIdOfPlanned.get(index)!] : [])),
  ];
  await bulkInsert<number>(trx, 'core.memberships', [
    { name: 'user_id', type: 'integer', value: (userId) => userId },
    { name: 'school_id', type: 'integer', value: () => schoolId },
  ], joining, { onConflict: 'on conflict (user_id, school_id) do update set left_at = null' });
  const leaving = [...plan.detachedPupils.map((p) => p.id), ...plan.detachedRelatives.map((r) => r.id)];
  if (leaving.length) {
    await trx.raw('update core.memberships set left_at = ? where school_id = ? and user_id = any(?::int[])', [now, schoolId, leaving]);
  }

  // This year's class lists: every pupil of the file in their class, nowhere else in this school this year.
  const placements = plan.pupils.flatMap((p, index) =>
    p.action === 'conflict' ? [] : [{ userId: pupilIdOfPlanned.get(index)!, classId: classIdByKey.get(p.classKey)! }]);
  await trx.raw(
    `delete from core.class_members cm using core.classes c, unnest(?::int[], ?::int[]) as keep(user_id, class_id)
      where c.id = cm.class_id and c.school_id = ? and c.start_year = ? and cm.user_id = keep.user_id and cm.class_id <> keep.class_id`,
    [placements.map((p) => p.userId), placements.map((p) => p.classId), schoolId, startYear],
  );
  if (plan.detachedPupils.length) {
    await trx.raw(
      `delete from core.class_members cm using core.classes c
        where c.id = cm.class_id and c.school_id = ? and c.start_year = ? and cm.user_id = any(?::int[])`,
      [schoolId, startYear, plan.detachedPupils.map((p) => p.id)],
    );
  }
  await bulkInsert<{ userId: number; classId: number }>(trx, 'core.class_members', [
    { name: 'class_id', type: 'integer', value: (p) => p.classId },
    { name: 'user_id', type: 'integer', value: (p) => p.userId },
  ], placements, { onConflict: 'on conflict do nothing' });

  // Relative links
  const resolve = (side: { id: number } | { planned: number }, ids: Map<number, number>) => ('id' in side ? side.id : ids.get(side.planned)!);
  await bulkInsert<{ relativeId: number; pupilId: number }>(trx, 'core.relative_links', [
    { name: 'relative_id', type: 'integer', value: (l) => l.relativeId },
    { name: 'pupil_id', type: 'integer', value: (l) => l.pupilId },
  ], plan.linksToCreate.map((l) => ({ relativeId: resolve(l.relative, relativeIdOfPlanned), pupilId: resolve(l.pupil, pupilIdOfPlanned) })), { onConflict: 'on conflict do nothing' });
  if (plan.linksToRemove.length) {
    await trx.raw(
      `delete from core.relative_links rl using unnest(?::int[], ?::int[]) as gone(relative_id, pupil_id)
        where rl.relative_id = gone.relative_id and rl.pupil_id = gone.pupil_id`,
      [plan.linksToRemove.map((l) => l.relativeId), plan.linksToRemove.map((l) => l.pupilId)],
    );
  }

  await recordTransfers(trx, plan, { schoolId, startYear, now, actorId: context.actorId });

  // First activation codes of the new accounts (a keyed hash: 100,000 of them take well under a second).
  const codes = newUsers.map((user, index) => ({ userId: newIds[index]!, login: user.login, displayName: user.displayName, profile: user.profile, code: newActivationCode() }));
  await bulkInsert<(typeof codes)[number]>(trx, 'core.activation_codes', [
    { name: 'user_id', type: 'integer', value: (c) => c.userId },
    { name: 'code_hash', type: 'text', value: (c) => hashActivationCode(context.activationKey, c.code) },
    { name: 'expires_at', type: 'timestamptz', value: () => context.codeExpiresAt },
    { name: 'created_at', type: 'timestamptz', value: () => now },
    { name: 'created_by', type: 'integer', value: () => context.actorId },
  ], codes);

  return { createdUserIds: newIds, codes };
}

/**
 * People of other schools: new requests for an academy administrator, and the approved ones carried out. A
 * pupil who transfers leaves their other schools (memberships end, this year's classes there are left); a
 * parent joins this school and stays in theirs.
 */
async function recordTransfers(
  trx: Knex.Transaction,
  plan: OndePlan,
  context: { schoolId: number; startYear: number; now: Date; actorId: number | null },
): Promise<void> {
  const { schoolId, now } = context;
  if (plan.transferRequests.length) {
    await bulkInsert<(typeof plan.transferRequests)[number]>(trx, 'core.transfer_requests', [
      { name: 'person_id', type: 'integer', value: (r) => r.personId },
      { name: 'to_school_id', type: 'integer', value: () => schoolId },
      { name: 'file_first_name', type: 'text', value: (r) => r.fields.firstName },
      { name: 'file_last_name', type: 'text', value: (r) => r.fields.lastName },
      { name: 'file_birth_date', type: 'date', value: (r) => r.fields.birthDate },
      { name: 'requested_by', type: 'integer', value: () => context.actorId },
      { name: 'requested_at', type: 'timestamptz', value: () => now },
    ], plan.transferRequests, { onConflict: `on conflict (person_id, to_school_id) where status in ('requested', 'approved') do nothing` });
  }
  if (!plan.completedTransfers.length) return;
  const leaving = plan.completedTransfers.filter((t) => t.leavesOtherSchools).map((t) => t.personId);
  if (leaving.length) {
    await trx.raw('update core.memberships set left_at = ? where school_id <> ? and left_at is null and user_id = any(?::int[])', [now, schoolId, leaving]);
    await trx.raw(
      `delete from core.class_members cm using core.classes c
        where c.id = cm.class_id and c.school_id <> ? and c.start_year = ? and cm.user_id = any(?::int[])`,
      [schoolId, context.startYear, leaving],
    );
  }
  await trx('core.transfer_requests')
    .where({ to_school_id: schoolId, status: 'approved' })
    .whereIn('person_id', plan.completedTransfers.map((t) => t.personId))
    .update({ status: 'done' });
}
