import type { Knex } from 'knex';
import type { Profile } from '@preau/sdk';

/** A notification as a test checks it: what was sent, its details for emails, and to whom. */
export interface SentNotification {
  id: number;
  app: string;
  type: string;
  actorId: number | null;
  params: Record<string, unknown>;
  /** The lines of its emails (`lines`, and `linesFor[userId]` for one recipient's own), when the app gave them. */
  emailDetails: { lines?: string[]; linesFor?: Record<string, string[]> } | null;
  /** Recipients' ids, in order. */
  recipients: number[];
}

/**
 * The notifications an app sent, newest first, optionally of one type or reaching one user: plugin tests ask
 * this instead of reading the core's tables, which are the core's to change.
 */
export async function sentNotifications(knex: Knex, filter: { app: string; type?: string; recipient?: number }): Promise<SentNotification[]> {
  const query = knex('core.notifications as n').where('n.app', filter.app).orderBy('n.id', 'desc')
    .select('n.id', 'n.app', 'n.type', 'n.actor_id', 'n.params', 'n.email_details',
      knex.raw('coalesce((select array_agg(r.user_id order by r.user_id) from core.notification_recipients r where r.notification_id = n.id), ?) as recipients', [knex.raw(`'{}'::int[]`)]));
  if (filter.type) query.where('n.type', filter.type);
  if (filter.recipient !== undefined) query.whereExists(knex('core.notification_recipients as r').whereRaw('r.notification_id = n.id').where('r.user_id', filter.recipient));
  const rows = (await query) as { id: string | number; app: string; type: string; actor_id: number | null; params: Record<string, unknown>; email_details: SentNotification['emailDetails']; recipients: number[] }[];
  return rows.map((row) => ({ id: Number(row.id), app: row.app, type: row.type, actorId: row.actor_id, params: row.params, emailDetails: row.email_details, recipients: row.recipients.map(Number) }));
}

/** The id of a derived group: a school's group of one profile, or a class's (its teachers, pupils or parents). */
export async function derivedGroupId(knex: Knex, of: { schoolId: number } | { classId: number }, profile: Profile): Promise<number> {
  const query = knex('core.groups').where({ profile });
  if ('classId' in of) query.where({ class_id: of.classId, kind: 'class' });
  else query.where({ school_id: of.schoolId, kind: 'school' });
  const row = (await query.first('id')) as { id: number } | undefined;
  if (!row) throw new Error(`no derived group of ${profile} for ${JSON.stringify(of)}`);
  return Number(row.id);
}

/**
 * Moves a pupil from one class of the school to another, as the evening's ONDE import does when the school
 * changed their class: a plugin test checks what follows the pupil without preparing two ONDE files.
 */
export async function movePupil(knex: Knex, pupilId: number, move: { from: number; to: number }): Promise<void> {
  const moved = await knex('core.class_members').where({ class_id: move.from, user_id: pupilId }).update({ class_id: move.to });
  if (moved !== 1) throw new Error(`pupil ${pupilId} is not in class ${move.from}`);
}

/** How many blobs the file store holds: a test checks that something was not stored twice. */
export async function storedBlobCount(knex: Knex): Promise<number> {
  const [row] = (await knex('core.storage_blobs').count('* as n')) as { n: string | number }[];
  return Number(row!.n);
}

/**
 * Polls `check` until it answers something truthy (then returns it) or the time is up (then throws, naming
 * `what`): for work that finishes after a response, such as collecting a file once a transaction committed or
 * a message crossing processes. Never a fixed sleep.
 */
export async function waitFor<T>(check: () => Promise<T> | T, options: { what: string; timeoutMs?: number }): Promise<NonNullable<T>> {
  const deadline = Date.now() + (options.timeoutMs ?? 5000);
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`waited ${options.timeoutMs ?? 5000} ms for ${options.what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
