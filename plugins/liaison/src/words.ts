import type { CurrentUser, Knex, PluginServices, SchoolRef } from '@preau/sdk';
import { manageableClasses } from './access.js';
import { AudienceEmpty, AudienceFixed, AudienceNotAllowed } from './errors.js';
import type { Question, QuestionInput, WordInput } from './schemas.js';
import { deliver, scheduleQuestionDeadline } from './delivery.js';
import { checkAttachments, wordFiles } from './attachments.js';

/** Who the word goes to: whole classes, and chosen pupils with their class. */
export interface Audience {
  schoolId: number;
  classIds: number[];
  pupils: { id: number; classId: number }[];
}

/** Checks that the author manages every class and chosen pupil, all in one school. */
export async function resolveAudience(services: PluginServices, user: CurrentUser, schools: readonly SchoolRef[], classIds: readonly number[], pupilIds: readonly number[]): Promise<Audience> {
  if (classIds.length === 0 && pupilIds.length === 0) throw AudienceEmpty();
  const manageable = await manageableClasses(user, schools, services.structure);
  const byId = new Map(manageable.map((c) => [c.id, c]));
  const refused = classIds.filter((id) => !byId.has(id)).map((id) => `classe ${id}`);
  const pupilClass = new Map<number, number>();
  if (pupilIds.length) {
    const wanted = new Set(pupilIds);
    for (const pupil of await services.structure.pupilsOf([...byId.keys()])) if (wanted.has(pupil.id)) pupilClass.set(pupil.id, pupil.classId);
    refused.push(...pupilIds.filter((id) => !pupilClass.has(id)).map((id) => `élève ${id}`));
  }
  if (refused.length) throw Object.assign(AudienceNotAllowed(refused.join(', ')), { details: { refused } });
  const schoolIds = new Set([...classIds.map((id) => byId.get(id)!.schoolId), ...[...pupilClass.values()].map((id) => byId.get(id)!.schoolId)]);
  if (schoolIds.size > 1) throw AudienceNotAllowed('classes de plusieurs écoles (un mot par école)');
  return {
    schoolId: [...schoolIds][0]!,
    classIds: [...classIds],
    pupils: [...pupilClass].map(([id, classId]) => ({ id, classId })),
  };
}

/** The stored form of a question: yes/no gets its two options. */
export function normalizeQuestion(question: QuestionInput | null | undefined): Question | null {
  if (!question) return null;
  return {
    kind: question.kind,
    prompt: question.prompt.trim(),
    options: question.kind === 'yes-no' ? ['Oui', 'Non'] : (question.options ?? []).map((o) => o.trim()),
    deadline: question.deadline ?? null,
  };
}

function sendInstant(services: PluginServices, sendAt: string | null | undefined): Date {
  const now = services.clock.now();
  const wanted = sendAt ? new Date(sendAt) : now;
  return wanted > now ? wanted : now;
}

async function writeAudience(trx: Knex.Transaction, wordId: number, audience: Audience): Promise<void> {
  await trx('audience').where({ word_id: wordId }).delete();
  const rows = [
    ...audience.classIds.map((class_id) => ({ word_id: wordId, class_id, pupil_id: null })),
    ...audience.pupils.filter((p) => !audience.classIds.includes(p.classId)).map((p) => ({ word_id: wordId, class_id: p.classId, pupil_id: p.id })),
  ];
  await trx('audience').insert(rows);
}

/**
 * Writes a word and, when its time has come, sends it (deliveries fixed and families notified); a word for later
 * waits for its scheduled job. The word and its audience are one transaction.
 */
export async function createWord(services: PluginServices, user: CurrentUser, schools: readonly SchoolRef[], input: WordInput, copiedFrom: { id: number } | null = null): Promise<number> {
  const { db, clock, sanitize, jobs } = services;
  const audience = await resolveAudience(services, user, schools, input.classIds, input.pupilIds);
  const attachments = await checkAttachments(services, user.id, input.attachmentIds ?? [], copiedFrom ? [copiedFrom.id] : []);
  const sendAt = sendInstant(services, input.sendAt);
  const now = clock.now();
  const body = sanitize.richText(input.body);
  const files = await services.insertedFiles.check(body, user);
  const id = await db.transaction(async (trx) => {
    const [row] = await trx('words').insert({
      school_id: audience.schoolId,
      author_id: user.id,
      author_name: user.displayName,
      title: input.title.trim(),
      body,
      category: input.category,
      requires_ack: input.requiresAck,
      replies_allowed: input.repliesAllowed,
      question: JSON.stringify(normalizeQuestion(input.question)),
      send_at: sendAt,
      created_at: now,
      copied_from: copiedFrom?.id ?? null,
    }).returning('id');
    await writeAudience(trx, row.id, audience);
    await services.attachments.set(wordFiles(row.id), attachments, { transaction: trx });
    await files.holdIn({ type: 'word', id: row.id }, { transaction: trx });
    if (sendAt > now) await jobs.schedule('send-word', sendAt, { wordId: row.id }, { key: `send-${row.id}`, transaction: trx });
    return row.id as number;
  });
  if (sendAt <= now) await deliver(services, id);
  return id;
}

/**
 * Changes a word. Before it is sent, everything may change (recipients, date); after, its text, options and
 * question do, and those who already read it see it marked "modifié".
 */
export async function updateWord(services: PluginServices, user: CurrentUser, schools: readonly SchoolRef[], word: { id: number; sent_at: Date | null }, input: WordInput): Promise<void> {
  const { db, clock, sanitize, jobs } = services;
  const current = await db('audience').where({ word_id: word.id }).select('class_id', 'pupil_id');
  const sameAudience =
    JSON.stringify(current.filter((a) => a.pupil_id === null).map((a) => a.class_id).sort()) === JSON.stringify([...input.classIds].sort()) &&
    JSON.stringify(current.filter((a) => a.pupil_id !== null).map((a) => a.pupil_id).sort()) === JSON.stringify([...input.pupilIds].sort());
  if (word.sent_at && !sameAudience && (input.classIds.length || input.pupilIds.length)) throw AudienceFixed();
  const audience = word.sent_at ? null : await resolveAudience(services, user, schools, input.classIds, input.pupilIds);
  const attachments = await checkAttachments(services, user.id, input.attachmentIds ?? [], [word.id]);
  const now = clock.now();
  const sendAt = word.sent_at ? null : sendInstant(services, input.sendAt);
  const body = sanitize.richText(input.body);
  const files = await services.insertedFiles.check(body, user);
  await db.transaction(async (trx) => {
    await trx('words').where({ id: word.id }).update({
      title: input.title.trim(),
      body,
      category: input.category,
      requires_ack: input.requiresAck,
      replies_allowed: input.repliesAllowed,
      question: JSON.stringify(normalizeQuestion(input.question)),
      ...(word.sent_at ? { edited_at: now } : { send_at: sendAt, school_id: audience!.schoolId }),
    });
    await services.attachments.set(wordFiles(word.id), attachments, { transaction: trx });
    await files.holdIn({ type: 'word', id: word.id }, { transaction: trx });
    if (audience) {
      await writeAudience(trx, word.id, audience);
      if (sendAt! > now) await jobs.schedule('send-word', sendAt!, { wordId: word.id }, { key: `send-${word.id}`, transaction: trx });
      else await jobs.cancel(`send-${word.id}`, { transaction: trx });
    }
  });
  if (!word.sent_at && sendAt! <= now) await deliver(services, word.id);
  else if (word.sent_at) await scheduleQuestionDeadline(services, word.id);
}

/** Deletes a word with everything hanging on it (deliveries, acknowledgements, replies) and its pending jobs. */
export async function deleteWord(services: PluginServices, wordId: number): Promise<void> {
  await services.db.transaction(async (trx) => {
    await services.jobs.cancel(`send-${wordId}`, { transaction: trx });
    await services.jobs.cancel(`deadline-${wordId}`, { transaction: trx });
    await services.attachments.release([wordFiles(wordId)], { transaction: trx });
    for (const replyId of await trx('replies').where({ word_id: wordId }).pluck('id')) {
      await services.insertedFiles.detach({ type: 'reply', id: replyId }, { transaction: trx });
    }
    await services.insertedFiles.detach({ type: 'word', id: wordId }, { transaction: trx });
    await trx('words').where({ id: wordId }).delete();
  });
}
