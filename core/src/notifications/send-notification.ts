import type { Delivery, NotificationInput, NotificationSent, Profile } from '@preau/sdk';
import { NotificationInvalid, NotificationTypeUnknown } from '../errors.js';
import { academyDefaults, quietHoursOf, type NotificationDeps } from './notification-deps.js';
import { effectiveDelivery, findType } from './notification-types.js';
import { quietUntil } from './quiet-hours.js';

interface RecipientRow {
  id: number;
  profile: Profile;
  has_email: boolean;
  chosen: Delivery | null;
  all_off: boolean;
  q_enabled: boolean | null;
  q_start: string | null;
  q_end: string | null;
  q_weekends: boolean | null;
  push_chosen: boolean | null;
  has_device: boolean;
}

const RESOURCE_URL = /^\/(?!\/)[^\s]*$/;

/** Which app and type a notification names: `'<app>.<type>'`, or the type of `resource.app`. */
function typeOf(input: NotificationInput): { app: string; type: string } {
  const dot = input.type.indexOf('.');
  const app = dot > 0 ? input.type.slice(0, dot) : input.resource?.app;
  const type = dot > 0 ? input.type.slice(dot + 1) : input.type;
  if (!app || (dot > 0 && input.resource?.app && input.resource.app !== app)) throw NotificationTypeUnknown(input.type);
  return { app, type };
}

function integers(values: readonly number[] | undefined): number[] {
  return [...new Set((values ?? []).filter((value) => Number.isInteger(value) && value > 0))];
}

/**
 * Writes a notification and its recipients in one transaction (groups resolved once, set-based inserts) and
 * decides each recipient's email: none, now, at the end of their quiet hours, or in a digest; and, for those who
 * want this type pushed, one push per subscribed device, due now or when their quiet hours end. Publishing to
 * the sockets, sending the emails and the pushes happen after the commit (see the notification center).
 */
export async function sendNotification(
  deps: NotificationDeps,
  input: NotificationInput,
): Promise<NotificationSent & { users: number[]; emailsDue: boolean; pushesDue: boolean }> {
  const { app, type } = typeOf(input);
  const declared = findType(deps.registry(), app, type);
  if (!declared) throw NotificationTypeUnknown(`${app}.${type}`);
  const resource = input.resource;
  // The link is put after the public address in emails: only a path of Préau, never another site.
  if (!resource || typeof resource.id !== 'string' || !RESOURCE_URL.test(resource.url ?? '')) {
    throw NotificationInvalid("resource: { app, id: string, url: '/…' } expected");
  }
  const users = integers(input.recipients?.users);
  const groups = integers(input.recipients?.groups);
  const now = deps.clock.now();

  return deps.knex.transaction(async (trx) => {
    const recipients = (
      await trx.raw<{ rows: RecipientRow[] }>(
        `select u.id, u.profile, u.email is not null as has_email, p.delivery as chosen, (g.delivery = 'never') is true as all_off,
                q.enabled as q_enabled, q.start_time as q_start, q.end_time as q_end, q.weekends as q_weekends,
                pp.enabled as push_chosen, exists (select 1 from core.push_subscriptions s where s.user_id = u.id) as has_device
           from core.users u
           left join core.notification_preferences p on p.user_id = u.id and p.app = ? and p.type = ?
           left join core.notification_preferences g on g.user_id = u.id and g.app = '*' and g.type = '*'
           left join core.notification_quiet_hours q on q.user_id = u.id
           left join core.push_preferences pp on pp.user_id = u.id and pp.app = ? and pp.type = ?
          where u.id in (select unnest(?::int[]) union select user_id from core.group_members where group_id = any(?::int[]))
            and u.state <> 'blocked' and u.id is distinct from ?::int`,
        [app, type, app, type, users, groups, input.actor ?? null],
      )
    ).rows;
    const [notification] = await trx('core.notifications')
      .insert({ app, type, actor_id: input.actor ?? null, resource: JSON.stringify({ app: resource.app ?? app, id: resource.id, url: resource.url }), params: JSON.stringify(input.params ?? {}),
        email_details: input.email ? JSON.stringify(input.email) : null, created_at: now })
      .returning('id');
    const id = Number(notification.id);
    if (recipients.length === 0) return { id, recipients: 0, users: [], emailsDue: false, pushesDue: false };

    const defaults = await academyDefaults(trx, app, type);
    const ids: number[] = [];
    const deliveries: Delivery[] = [];
    const states: string[] = [];
    const dueAt: (Date | null)[] = [];
    const pushUsers: number[] = [];
    const pushAt: Date[] = [];
    for (const row of recipients) {
      if (deps.settings.push.enabled && row.has_device && (row.push_chosen ?? declared.declaration.push === true)) {
        pushUsers.push(row.id);
        pushAt.push(quietUntil(now, quietHoursOf(deps, row), deps.settings.timeZone) ?? now);
      }
      const delivery = effectiveDelivery(declared, row.profile, { type: row.chosen, allOff: row.all_off }, defaults);
      ids.push(row.id);
      deliveries.push(delivery);
      if (delivery === 'never' || !row.has_email) {
        states.push('skipped');
        dueAt.push(null);
      } else if (delivery === 'immediate') {
        states.push('pending');
        dueAt.push(quietUntil(now, quietHoursOf(deps, row), deps.settings.timeZone) ?? now);
      } else {
        states.push('digest');
        dueAt.push(null);
      }
    }
    await trx.raw(
      `insert into core.notification_recipients (user_id, notification_id, delivery, email_state, deliver_after, created_at)
       select u, ?, d, s, a, ? from unnest(?::int[], ?::text[], ?::text[], ?::timestamptz[]) as v(u, d, s, a)`,
      [id, now, ids, deliveries, states, dueAt] as unknown as readonly never[],
    );
    await trx.raw(
      // In user order, so that two notifications sent at once lock the counters in the same order.
      `insert into core.notification_unread (user_id, count) select u, 1 from unnest(?::int[]) as u order by u
       on conflict (user_id) do update set count = core.notification_unread.count + 1`,
      [[...ids].sort((a, b) => a - b)],
    );
    if (pushUsers.length) {
      // One push per device of each recipient who wants it, due at once or when their quiet hours end.
      await trx.raw(
        `insert into core.push_deliveries (subscription_id, notification_id, deliver_after)
         select s.id, ?, v.a from unnest(?::int[], ?::timestamptz[]) as v(u, a) join core.push_subscriptions s on s.user_id = v.u`,
        [id, pushUsers, pushAt] as unknown as readonly never[],
      );
    }
    return {
      id,
      recipients: recipients.length,
      users: ids,
      emailsDue: dueAt.some((at) => at !== null && at.getTime() <= now.getTime()),
      pushesDue: pushAt.some((at) => at.getTime() <= now.getTime()),
    };
  });
}
