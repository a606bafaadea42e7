import type { CurrentUser, PageCursor, PluginServices } from '@preau/sdk';
import type { FamilyWord } from './schemas.js';
import { attachmentsOf } from './attachments.js';
import type { WordColumns } from './word-row.js';

interface FamilyRow extends WordColumns {
  id: number;
  pupil_id: number;
  pupil_name: string;
  sent_at: Date;
  edited_at: Date | null;
  seen_at: Date | null;
  ack_by: number | null;
  ack_name: string | null;
  ack_at: Date | null;
  choice: number | null;
  answer_by: number | null;
  answer_name: string | null;
  answer_at: Date | null;
  replies: number;
  paused: boolean;
  pause_until: string | null;
  pause_reason: string | null;
}


const iso = (date: Date): string => new Date(date).toISOString();

/**
 * The sent words of some pupils as `userId` (one of their relatives, or the pupil) sees them: newest first,
 * unread for this user, who acknowledged for the child, the answer, the number of replies, and the class's
 * pause when replies are closed for now.
 */
export async function familyWords(
  services: PluginServices,
  options: { user: CurrentUser; pupilIds: readonly number[]; schools: readonly number[]; wordId?: number; before?: PageCursor; limit: number; today: string },
): Promise<FamilyWord[]> {
  if (options.pupilIds.length === 0) return [];
  const { rows } = await services.db.raw<{ rows: FamilyRow[] }>(
    `select w.id, d.pupil_id, d.pupil_name, w.school_id, w.author_id, w.author_name, w.title, w.body, w.category, w.requires_ack, w.replies_allowed,
            w.question, w.sent_at, w.edited_at, v.seen_at,
            k.relative_id as ack_by, k.relative_name as ack_name, k.at as ack_at,
            n.choice, n.relative_id as answer_by, n.relative_name as answer_name, n.at as answer_at,
            (select count(*)::int from replies r where r.word_id = d.word_id and r.pupil_id = d.pupil_id) as replies,
            p.class_id is not null as paused, to_char(p.until, 'YYYY-MM-DD') as pause_until, p.reason as pause_reason
       from deliveries d
       join words w on w.id = d.word_id
       left join views v on v.word_id = d.word_id and v.pupil_id = d.pupil_id and v.user_id = :userId
       left join acknowledgements k on k.word_id = d.word_id and k.pupil_id = d.pupil_id
       left join answers n on n.word_id = d.word_id and n.pupil_id = d.pupil_id
       left join pauses p on p.class_id = d.class_id and (p.until is null or p.until >= :today::date)
      where d.pupil_id = any(:pupils::int[]) and w.school_id = any(:schools::int[])
        and (:wordId::int is null or w.id = :wordId::int)
        and (:beforeAt::timestamptz is null or (w.sent_at, w.id) < (:beforeAt::timestamptz, :beforeId::int))
      order by w.sent_at desc, w.id desc, d.pupil_id
      limit :limit`,
    {
      userId: options.user.id,
      pupils: [...options.pupilIds],
      schools: [...options.schools],
      wordId: options.wordId ?? null,
      beforeAt: options.before?.at ?? null,
      beforeId: options.before?.id ?? null,
      limit: options.limit,
      today: options.today,
    },
  );
  const attachments = await attachmentsOf(services, [...new Set(rows.map((r) => r.id))]);
  return rows.map((r) => ({
    id: r.id,
    pupilId: r.pupil_id,
    pupilName: r.pupil_name,
    schoolId: r.school_id,
    author: { id: r.author_id, displayName: r.author_name },
    title: r.title,
    body: r.body,
    category: r.category,
    requiresAck: r.requires_ack,
    repliesAllowed: r.replies_allowed,
    question: r.question,
    sentAt: iso(r.sent_at),
    mayAcknowledge: services.rights.can(options.user, 'liaison', 'acknowledge', [r.school_id]),
    mayReply: services.rights.can(options.user, 'liaison', 'reply', [r.school_id]),
    modified: r.seen_at !== null && r.edited_at !== null && new Date(r.edited_at) > new Date(r.seen_at),
    unread: r.seen_at === null,
    acknowledgement: r.ack_at ? { by: { id: r.ack_by, displayName: r.ack_name! }, at: iso(r.ack_at) } : null,
    answer: r.choice !== null ? { choice: r.choice, by: { id: r.answer_by, displayName: r.answer_name! }, at: iso(r.answer_at!) } : null,
    replies: r.replies,
    attachments: attachments.get(r.id) ?? [],
    paused: r.paused ? { until: r.pause_until, reason: r.pause_reason } : null,
  }));
}

/** How many sent words each of these pupils has that `userId` has not opened yet. */
export async function unreadCounts(services: PluginServices, userId: number, pupilIds: readonly number[], schools: readonly number[]): Promise<Map<number, number>> {
  if (pupilIds.length === 0) return new Map();
  const { rows } = await services.db.raw<{ rows: { pupil_id: number; count: number }[] }>(
    `select d.pupil_id, count(*)::int as count
       from deliveries d join words w on w.id = d.word_id
      where d.pupil_id = any(?::int[]) and w.school_id = any(?::int[])
        and not exists (select 1 from views v where v.word_id = d.word_id and v.pupil_id = d.pupil_id and v.user_id = ?)
      group by d.pupil_id`,
    [[...pupilIds], [...schools], userId],
  );
  return new Map(rows.map((r) => [r.pupil_id, r.count]));
}
