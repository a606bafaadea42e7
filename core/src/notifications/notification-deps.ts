import type { Knex } from 'knex';
import type { Clock, Language, Profile } from '@preau/sdk';
import type { FastifyBaseLogger } from 'fastify';
import type { Mailer } from '../mail/mailer.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import type { PreauConfig } from '../config/config-schema.js';
import type { Fanout } from './fanout.js';
import type { AcademyDefaults, DeclaredType } from './notification-types.js';
import { notificationText, type NotificationRow } from './render-notification.js';
import type { EmailItem } from './notification-emails.js';
import { unsubscribeToken } from './unsubscribe-token.js';
import type { QuietHours } from './quiet-hours.js';
import { findType } from './notification-types.js';

/** What the notification modules share. */
export interface NotificationDeps {
  knex: Knex;
  clock: Clock;
  log: FastifyBaseLogger;
  mailer: Mailer;
  registry: () => PluginRegistry | undefined;
  fanout: Fanout;
  publicUrl: string;
  /** Signs unsubscribe links. */
  unsubscribeKey: Buffer;
  settings: PreauConfig['notifications'];
  /** Names this process in digest claims (for the logs). */
  worker: string;
}

/** The academy's overrides of a type's defaults. */
export async function academyDefaults(db: Knex, app: string, type: string): Promise<AcademyDefaults> {
  const rows: { profile: Profile | null; delivery: AcademyDefaults['all'] }[] = await db('core.notification_defaults').where({ app, type }).select('profile', 'delivery');
  const defaults: AcademyDefaults = { byProfile: {} };
  for (const row of rows) {
    if (row.profile) defaults.byProfile[row.profile] = row.delivery;
    else defaults.all = row.delivery;
  }
  return defaults;
}

/** A user's quiet hours from their row (when they chose their own), else the academy's. */
export function quietHoursOf(
  deps: Pick<NotificationDeps, 'settings'>,
  row: { q_enabled?: boolean | null; q_start?: string | null; q_end?: string | null; q_weekends?: boolean | null },
): QuietHours {
  if (row.q_enabled === null || row.q_enabled === undefined) return deps.settings.quietHours;
  return { enabled: row.q_enabled, start: row.q_start!, end: row.q_end!, weekends: row.q_weekends! };
}

/** The link that opens the preferences section of the account page. */
export function preferencesLink(deps: Pick<NotificationDeps, 'publicUrl'>): string {
  return `${deps.publicUrl}/account#notifications`;
}

/** The one-click link that turns email off for a type (or, with `*`, altogether). */
export function unsubscribeLink(deps: Pick<NotificationDeps, 'publicUrl' | 'unsubscribeKey'>, userId: number, app: string, type: string): string {
  return `${deps.publicUrl}/api/core/notifications/unsubscribe?token=${unsubscribeToken(deps.unsubscribeKey, { userId, app, type })}`;
}

/** A notification as an email line for one recipient (emails are in French). */
export function emailItem(
  deps: NotificationDeps,
  row: NotificationRow,
  userId: number,
  declared: DeclaredType | undefined = findType(deps.registry(), row.app, row.type),
  language: Language = 'fr',
): EmailItem {
  return {
    appTitle: declared?.appTitle[language] ?? declared?.appTitle.fr ?? row.app,
    typeTitle: declared?.declaration.title?.[language] ?? declared?.declaration.title?.fr ?? row.type,
    text: notificationText(declared, row, language),
    link: `${deps.publicUrl}${row.resource.url}`,
    unsubscribe: unsubscribeLink(deps, userId, row.app, row.type),
    createdAt: new Date(row.created_at),
  };
}
