import type { Knex } from 'knex';
import type { CheckedFiles, CurrentUser, PluginServices } from '@preau/sdk';
import type { MessageInput } from './schemas.js';
import { findEntry } from './mailbox.js';
import { AttachmentRefused, MessageNotFound, NoRecipient, NoReplyAllowed, NotADraft, RecipientsRefused, ScheduleInvalid } from './errors.js';

type Kind = 'to' | 'cc' | 'bcc';
const KINDS: readonly Kind[] = ['to', 'cc', 'bcc'];
const holder = (messageId: number): string => `messaging:message:${messageId}`;

/** Whom a message reaches: each user once, with their strongest part (to, then cc, then bcc). */
export async function expandRecipients(services: PluginServices, rows: readonly { kind: Kind; user_id: number | null; group_id: number | null }[], authorId: number | null): Promise<Map<number, Kind>> {
  const reached = new Map<number, Kind>();
  for (const kind of KINDS) {
    const users = rows.filter((r) => r.kind === kind && r.user_id !== null).map((r) => r.user_id!);
    const groups = rows.filter((r) => r.kind === kind && r.group_id !== null).map((r) => r.group_id!);
    // Groups are read at delivery time: a pupil who joined the class yesterday gets today's message.
    for (const id of [...users, ...(await services.structure.groupMembers(groups))]) {
      if (id !== authorId && !reached.has(id)) reached.set(id, kind);
    }
  }
  return reached;
}

function addressed(input: MessageInput): { kind: Kind; user_id: number | null; group_id: number | null }[] {
  return KINDS.flatMap((kind) => [
    ...input[kind].users.map((user_id) => ({ kind, user_id, group_id: null })),
    ...input[kind].groups.map((group_id) => ({ kind, user_id: null, group_id })),
  ]);
}

/** Checks the attachments: the author's own uploads, or attachments of messages they can read (forward, reply). */
async function checkAttachments(services: PluginServices, userId: number, blobIds: readonly string[]): Promise<{ blobId: string; name: string; mediaType: string; size: number }[]> {
  if (blobIds.length === 0) return [];
  const blobs = await services.storage.statMany(blobIds);
  const readable = new Set<string>(
    await services.db('attachments as a').join('mailbox as b', 'b.message_id', 'a.message_id').join('messages as m', 'm.id', 'a.message_id')
      .where('b.user_id', userId).whereIn('a.blob_id', blobIds).andWhere((w) => w.whereNull('m.recalled_at').orWhere('b.role', 'author')).distinct().pluck('a.blob_id'),
  );
  const byId = new Map(blobs.map((b) => [b.id, b]));
  return blobIds.map((id) => {
    const blob = byId.get(id);
    if (!blob || (blob.owner !== userId && !readable.has(id))) throw AttachmentRefused();
    return { blobId: id, name: blob.name, mediaType: blob.mediaType, size: blob.size };
  });
}

/** Writes the message's content, recipients and attachments (a draft saved, or a message about to go). */
async function writeMessage(
  trx: Knex.Transaction,
  services: PluginServices,
  values: { id?: number; authorId: number; files: CheckedFiles; schoolId: number | null; input: MessageInput; attachments: Awaited<ReturnType<typeof checkAttachments>>; threadId?: number; state: string; people: string; now: Date },
): Promise<number> {
  const { input, now } = values;
  // The preview and the search index read the text as stored, not as sent.
  const body = services.sanitize.richText(input.body);
  const row = {
    author_id: values.authorId,
    school_id: values.schoolId,
    parent_id: input.parentId ?? input.forwardOf ?? null,
    subject: input.subject.trim(),
    body,
    body_text: services.sanitize.plainText(body, 20_000),
    people: values.people,
    no_reply: input.noReply,
    state: values.state,
    scheduled_at: input.scheduledAt ? new Date(input.scheduledAt) : null,
    updated_at: now,
  };
  let id = values.id;
  if (id === undefined) {
    const [inserted] = await trx('messages').insert({ ...row, created_at: now }).returning('id');
    id = Number(inserted.id);
    await trx('messages').where({ id }).update({ thread_id: values.threadId ?? id });
  } else {
    await trx('messages').where({ id }).update(row);
  }
  await trx('recipients').where({ message_id: id }).delete();
  const recipients = addressed(input).map((r) => ({ ...r, message_id: id }));
  if (recipients.length) await trx('recipients').insert(recipients);
  const before = (await trx('attachments').where({ message_id: id }).pluck('blob_id')) as string[];
  await trx('attachments').where({ message_id: id }).delete();
  if (values.attachments.length) {
    await trx('attachments').insert(values.attachments.map((a, position) => ({ message_id: id, blob_id: a.blobId, name: a.name, media_type: a.mediaType, size: a.size, position })));
  }
  for (const a of values.attachments) await services.storage.addReference(a.blobId, holder(id), { transaction: trx });
  const dropped = before.filter((blobId) => !values.attachments.some((a) => a.blobId === blobId));
  await services.storage.removeReferences(dropped, holder(id), { transaction: trx });
  await values.files.holdIn({ type: 'body', id }, { transaction: trx });
  return id;
}

/** Puts the message in each recipient's inbox (one multi-row insert: all of them or none). */
export async function deliver(trx: Knex.Transaction, messageId: number, recipients: Map<number, Kind>, at: Date): Promise<void> {
  const rows = [...recipients].map(([user_id, role]) => ({ user_id, message_id: messageId, role, folder: 'inbox', sort_at: at }));
  for (let i = 0; i < rows.length; i += 1000) {
    await trx('mailbox').insert(rows.slice(i, i + 1000)).onConflict(['user_id', 'message_id']).ignore();
  }
  await trx('messages').where({ id: messageId }).update({ state: 'sent', sent_at: at });
  await trx('mailbox').where({ message_id: messageId, role: 'author' }).update({ folder: 'sent', sort_at: at });
}

/** Tells the recipients of a delivered message, live and by email as they chose. */
export async function announce(services: PluginServices, messageId: number, authorId: number | null, subject: string, users: readonly number[]): Promise<void> {
  if (users.length === 0) return;
  await services.notify.send({
    type: 'message-received',
    recipients: { users },
    actor: authorId,
    resource: { app: 'messaging', id: String(messageId), url: `/apps/messaging/messages/${messageId}` },
    params: { subject: subject || '(sans objet)' },
  });
}

/** The school, if any, where a pupil's messages wait for a teacher's approval: one that withholds the right from pupils. */
function moderatedSchool(services: PluginServices, user: CurrentUser): number | null {
  if (user.profile !== 'Student') return null;
  return user.schools.find((school) => !services.rights.can(user, 'messaging', 'sendWithoutApproval', [school.id]))?.id ?? null;
}

/** The teachers who moderate a pupil: the teachers of their classes. */
export async function moderatorsOf(services: PluginServices, pupilId: number): Promise<number[]> {
  const classes = await services.structure.classesOf(pupilId);
  const staff = await services.structure.staffOf(classes.map((c) => c.id));
  return [...new Set(staff.filter((s) => s.user.profile === 'Teacher').map((s) => s.user.id))];
}

/**
 * What a draft or a message may name: people and groups its author may write to (a draft shows its recipients'
 * names, so naming anyone else would tell who exists), and a message answered or forwarded from the author's
 * own mailbox. Returns the thread it continues and the users it names.
 */
async function checkReferences(services: PluginServices, user: CurrentUser, input: MessageInput): Promise<{ threadId?: number; users: number[] }> {
  const rows = addressed(input);
  let threadId: number | undefined;
  if (input.parentId !== undefined) {
    const parent = await findEntry(services.db, user.id, input.parentId);
    if (!parent || parent.state !== 'sent') throw MessageNotFound();
    if (parent.no_reply && parent.role !== 'author') throw NoReplyAllowed();
    threadId = Number(parent.thread_id);
  }
  if (input.forwardOf !== undefined && !(await findEntry(services.db, user.id, input.forwardOf))) throw MessageNotFound();
  const users = [...new Set(rows.flatMap((r) => (r.user_id ? [r.user_id] : [])))];
  const groups = [...new Set(rows.flatMap((r) => (r.group_id ? [r.group_id] : [])))];
  if (users.length || groups.length) {
    const allowed = await services.communication.canCommunicate(user.id, { users, groups });
    if (!allowed.all) throw RecipientsRefused({ users: users.filter((id) => !allowed.users.includes(id)), groups: groups.filter((id) => !allowed.groups.includes(id)) });
  }
  return { threadId, users };
}

/** Saves a draft (new, or the author's existing one). */
export async function saveDraft(services: PluginServices, user: CurrentUser, input: MessageInput, draftId?: number): Promise<number> {
  const now = services.clock.now();
  if (draftId !== undefined) await ownDraft(services, user.id, draftId);
  await checkReferences(services, user, input);
  const attachments = await checkAttachments(services, user.id, input.attachments);
  const files = await services.insertedFiles.check(services.sanitize.richText(input.body), user);
  return services.db.transaction(async (trx) => {
    const id = await writeMessage(trx, services, { id: draftId, authorId: user.id, files, schoolId: user.schools[0]?.id ?? null, input: { ...input, scheduledAt: undefined }, attachments, state: 'draft', people: '', now });
    if (draftId === undefined) await trx('mailbox').insert({ user_id: user.id, message_id: id, role: 'author', folder: 'drafts', sort_at: now, read_at: now });
    else await trx('mailbox').where({ user_id: user.id, message_id: id }).update({ sort_at: now });
    return id;
  });
}

async function ownDraft(services: PluginServices, userId: number, draftId: number): Promise<void> {
  const message = await services.db('messages').where({ id: draftId, author_id: userId }).first('state');
  if (!message) throw MessageNotFound();
  if (message.state !== 'draft') throw NotADraft();
}

/**
 * Sends a message (or a draft): checks the recipients against the communication rules, expands groups,
 * then writes the message and every inbox in one transaction. A pupil's message waits for moderation when
 * their school asks for it; a scheduled one waits for its job.
 */
export async function sendMessage(services: PluginServices, user: CurrentUser, input: MessageInput, draftId?: number): Promise<{ id: number; state: string }> {
  const now = services.clock.now();
  const rows = addressed(input);
  if (rows.length === 0) throw NoRecipient();
  if (draftId !== undefined) await ownDraft(services, user.id, draftId);
  const { threadId, users: allUsers } = await checkReferences(services, user, input);
  let scheduledAt: Date | undefined;
  if (input.scheduledAt) {
    scheduledAt = new Date(input.scheduledAt);
    if (scheduledAt.getTime() <= now.getTime() || scheduledAt.getTime() > now.getTime() + 366 * 86_400_000) throw ScheduleInvalid();
  }
  const attachments = await checkAttachments(services, user.id, input.attachments);
  const files = await services.insertedFiles.check(services.sanitize.richText(input.body), user);
  const moderated = moderatedSchool(services, user);
  const deliverNow = !moderated && !scheduledAt;
  const recipients = deliverNow ? await expandRecipients(services, rows, user.id) : new Map<number, Kind>();
  const people = [user.displayName, ...(await services.structure.people(allUsers)).map((p) => p.displayName)].join(' ');
  const state = moderated ? 'pending' : scheduledAt ? 'scheduled' : 'sent';

  const id = await services.db.transaction(async (trx) => {
    const id = await writeMessage(trx, services, { id: draftId, authorId: user.id, files, schoolId: moderated ?? user.schools[0]?.id ?? null, input, attachments, threadId, state, people, now });
    if (draftId === undefined) await trx('mailbox').insert({ user_id: user.id, message_id: id, role: 'author', folder: 'sent', sort_at: now, read_at: now });
    else await trx('mailbox').where({ user_id: user.id, message_id: id }).update({ folder: 'sent', sort_at: now });
    if (threadId !== undefined) await trx('messages').where({ id }).update({ thread_id: threadId });
    if (deliverNow) await deliver(trx, id, recipients, now);
    if (scheduledAt && !moderated) await services.jobs.schedule('send', scheduledAt, { messageId: id }, { key: `send-${id}`, transaction: trx });
    return id;
  });
  if (deliverNow) await announce(services, id, user.id, input.subject, [...recipients.keys()]);
  if (moderated) {
    await services.notify.send({
      type: 'moderation-pending',
      recipients: { users: await moderatorsOf(services, user.id) },
      actor: user.id,
      resource: { app: 'messaging', id: String(id), url: '/apps/messaging/moderation' },
      params: { subject: input.subject || '(sans objet)' },
    });
  }
  return { id, state };
}

/** Delivers a stored message now (its scheduled time came, or a teacher approved it): groups expanded now. */
export async function deliverStored(services: PluginServices, messageId: number, fromStates: readonly string[]): Promise<boolean> {
  const message = await services.db('messages').where({ id: messageId }).first('id', 'author_id', 'subject', 'state');
  if (!message || !fromStates.includes(message.state)) return false;
  const rows = await services.db('recipients').where({ message_id: messageId }).select('kind', 'user_id', 'group_id');
  const recipients = await expandRecipients(services, rows, message.author_id);
  const now = services.clock.now();
  await services.db.transaction(async (trx) => deliver(trx, messageId, recipients, now));
  await announce(services, messageId, message.author_id, message.subject, [...recipients.keys()]);
  return true;
}

/** Deletes messages nobody has in a mailbox any more, and lets their attachments go. */
export async function collectMessages(trx: Knex.Transaction, services: PluginServices, messageIds: readonly number[]): Promise<void> {
  if (messageIds.length === 0) return;
  const orphans = (await trx('messages as m').whereIn('m.id', messageIds)
    .whereNotExists(trx('mailbox as b').whereRaw('b.message_id = m.id')).pluck('m.id')) as (string | number)[];
  for (const id of orphans) {
    const blobs = (await trx('attachments').where({ message_id: id }).pluck('blob_id')) as string[];
    await services.storage.removeReferences(blobs, holder(Number(id)), { transaction: trx });
    await services.insertedFiles.detach({ type: 'body', id }, { transaction: trx });
  }
  if (orphans.length) {
    await trx('messages').whereIn('parent_id', orphans).update({ parent_id: null });
    await trx('messages').whereIn('id', orphans).delete();
  }
}
