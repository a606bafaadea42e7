import type { Knex } from 'knex';
import type { CurrentUser, Delivery, LocalizedText } from '@preau/sdk';
import type { AppEnablementService } from '@preau/sdk';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import type { NotificationDeps } from './notification-deps.js';
import { quietHoursOf } from './notification-deps.js';
import { declaredTypes, defaultDelivery, effectiveDelivery, findType } from './notification-types.js';
import type { QuietHours } from './quiet-hours.js';
import { NotificationPreferenceInvalid } from '../errors.js';

/** One type on the preferences page. */
export interface TypePreference {
  app: string;
  type: string;
  appTitle: LocalizedText;
  title: LocalizedText;
  timelineOnly: boolean;
  /** What the user gets without a choice of their own. */
  defaultDelivery: Delivery;
  /** What the user gets. */
  delivery: Delivery;
  /** True when `delivery` is the user's own choice. */
  chosen: boolean;
  /** Pushed to the user's devices: their own choice, else `pushDefault` (the manifest's `push`). */
  push: boolean;
  pushDefault: boolean;
}

/** The preferences page's data. */
export interface NotificationPreferences {
  email: string | null;
  /** False when the user turned every email off (the digest's "aucun courriel" link does that). */
  emailEnabled: boolean;
  types: TypePreference[];
  quietHours: QuietHours & { custom: boolean };
  academyQuietHours: QuietHours;
}

/** What a user may change. */
export interface PreferencesChange {
  types?: readonly { app: string; type: string; delivery: Delivery | null }[];
  /** null: back to the manifest's default. */
  push?: readonly { app: string; type: string; enabled: boolean | null }[];
  emailEnabled?: boolean;
  /** null: back to the academy's quiet hours. */
  quietHours?: QuietHours | null;
}

/** The user's preferences for every type of the apps of their schools (and the core's). */
export async function readPreferences(
  deps: Pick<NotificationDeps, 'knex' | 'settings'>,
  registry: PluginRegistry | undefined,
  apps: AppEnablementService,
  user: CurrentUser,
): Promise<NotificationPreferences> {
  const { knex } = deps;
  const schoolIds = user.schools.map((s) => s.id);
  // A parent is not offered settings for what only staff receive (news to validate, pupils' messages to approve).
  const types = declaredTypes(registry)
    .filter((t) => !t.declaration.profiles || t.declaration.profiles.includes(user.profile))
    .filter((t) => t.app === 'core' || schoolIds.length === 0 || apps.enabledSchools(schoolIds, t.app).length > 0);
  const chosen = new Map<string, Delivery>(
    (await knex('core.notification_preferences').where({ user_id: user.id }).select('app', 'type', 'delivery')).map(
      (row: { app: string; type: string; delivery: Delivery }) => [`${row.app}.${row.type}`, row.delivery],
    ),
  );
  const pushChosen = new Map<string, boolean>(
    (await knex('core.push_preferences').where({ user_id: user.id }).select('app', 'type', 'enabled')).map(
      (row: { app: string; type: string; enabled: boolean }) => [`${row.app}.${row.type}`, row.enabled],
    ),
  );
  const overrides = await knex('core.notification_defaults').select('app', 'type', 'profile', 'delivery');
  const allOff = chosen.get('*.*') === 'never';
  const result: TypePreference[] = [];
  for (const declared of types) {
    const academy = { byProfile: {} as Record<string, Delivery>, all: undefined as Delivery | undefined };
    for (const row of overrides as { app: string; type: string; profile: string | null; delivery: Delivery }[]) {
      if (row.app !== declared.app || row.type !== declared.type) continue;
      if (row.profile) academy.byProfile[row.profile] = row.delivery;
      else academy.all = row.delivery;
    }
    const own = chosen.get(`${declared.app}.${declared.type}`);
    result.push({
      app: declared.app,
      type: declared.type,
      appTitle: declared.appTitle,
      title: declared.declaration.title ?? { fr: declared.type, en: declared.type },
      timelineOnly: declared.declaration.timelineOnly === true,
      defaultDelivery: defaultDelivery(declared, user.profile, academy),
      delivery: effectiveDelivery(declared, user.profile, { type: own, allOff }, academy),
      chosen: own !== undefined,
      push: pushChosen.get(`${declared.app}.${declared.type}`) ?? declared.declaration.push === true,
      pushDefault: declared.declaration.push === true,
    });
  }
  const [person, quiet] = await Promise.all([
    knex('core.users').where({ id: user.id }).first('email'),
    knex('core.notification_quiet_hours').where({ user_id: user.id }).first('enabled as q_enabled', 'start_time as q_start', 'end_time as q_end', 'weekends as q_weekends'),
  ]);
  return {
    email: person?.email ?? null,
    emailEnabled: !allOff,
    types: result,
    quietHours: { ...quietHoursOf(deps, quiet ?? {}), custom: quiet !== undefined },
    academyQuietHours: deps.settings.quietHours,
  };
}

/** Applies a change in one transaction; an unknown type refuses the whole change. */
export async function writePreferences(knex: Knex, registry: PluginRegistry | undefined, userId: number, now: Date, change: PreferencesChange): Promise<void> {
  for (const t of [...(change.types ?? []), ...(change.push ?? [])]) if (!findType(registry, t.app, t.type)) throw NotificationPreferenceInvalid(`${t.app}.${t.type}`);
  await knex.transaction(async (trx) => {
    for (const t of change.types ?? []) await setDelivery(trx, userId, t.app, t.type, t.delivery, now);
    for (const t of change.push ?? []) {
      const row = trx('core.push_preferences').where({ user_id: userId, app: t.app, type: t.type });
      if (t.enabled === null) await row.delete();
      else await trx('core.push_preferences').insert({ user_id: userId, app: t.app, type: t.type, enabled: t.enabled, updated_at: now }).onConflict(['user_id', 'app', 'type']).merge();
    }
    if (change.emailEnabled !== undefined) await setDelivery(trx, userId, '*', '*', change.emailEnabled ? null : 'never', now);
    if (change.quietHours === null) await trx('core.notification_quiet_hours').where({ user_id: userId }).delete();
    else if (change.quietHours) {
      const q = change.quietHours;
      await trx('core.notification_quiet_hours')
        .insert({ user_id: userId, enabled: q.enabled, start_time: q.start, end_time: q.end, weekends: q.weekends, updated_at: now })
        .onConflict('user_id')
        .merge();
    }
  });
}

/** Sets (or with null, forgets) a user's delivery for a type; `*`/`*` is every email at once. */
export async function setDelivery(db: Knex, userId: number, app: string, type: string, delivery: Delivery | null, now: Date): Promise<void> {
  if (delivery === null) {
    await db('core.notification_preferences').where({ user_id: userId, app, type }).delete();
    return;
  }
  await db('core.notification_preferences').insert({ user_id: userId, app, type, delivery, updated_at: now }).onConflict(['user_id', 'app', 'type']).merge();
}
