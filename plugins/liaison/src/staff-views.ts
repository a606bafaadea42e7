import { frenchOrder, type PluginServices } from '@preau/sdk';
import type { Question, StaffWord } from './schemas.js';
import { attachmentsOf } from './attachments.js';
import type { WordColumns } from './word-row.js';

interface StaffWordRow extends WordColumns {
  id: number;
  send_at: Date;
  sent_at: Date | null;
  edited_at: Date | null;
  created_at: Date;
  class_ids: number[];
  pupil_ids: number[];
  pupils: number;
  acknowledged: number;
  replies: number;
  answered: number;
}

const iso = (date: Date | null): string | null => (date ? new Date(date).toISOString() : null);

/** Words with their counts, for the staff who follow them, in the order of `ids`. */
export async function staffWords(services: PluginServices, ids: readonly number[], editable: (row: { school_id: number; author_id: number | null }) => boolean): Promise<StaffWord[]> {
  if (ids.length === 0) return [];
  const { rows } = await services.db.raw<{ rows: StaffWordRow[] }>(
    `select w.*,
            coalesce((select array_agg(distinct a.class_id) from audience a where a.word_id = w.id), '{}') as class_ids,
            coalesce((select array_agg(a.pupil_id order by a.pupil_id) from audience a where a.word_id = w.id and a.pupil_id is not null), '{}') as pupil_ids,
            (select count(*)::int from deliveries d where d.word_id = w.id) as pupils,
            (select count(*)::int from acknowledgements k where k.word_id = w.id) as acknowledged,
            (select count(*)::int from replies r where r.word_id = w.id and not r.from_staff) as replies,
            (select count(*)::int from answers n where n.word_id = w.id) as answered
       from words w where w.id = any(?::int[])`,
    [[...ids]],
  );
  const classes = new Map((await services.structure.classes([...new Set(rows.flatMap((r) => r.class_ids))])).map((c) => [c.id, c.label]));
  const attachments = await attachmentsOf(services, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [{
      id: r.id,
      schoolId: r.school_id,
      author: { id: r.author_id, displayName: r.author_name },
      title: r.title,
      body: r.body,
      category: r.category,
      requiresAck: r.requires_ack,
      repliesAllowed: r.replies_allowed,
      question: r.question,
      sendAt: iso(r.send_at)!,
      sentAt: iso(r.sent_at),
      editedAt: iso(r.edited_at),
      createdAt: iso(r.created_at)!,
      classes: r.class_ids.map((classId) => ({ id: classId, label: classes.get(classId) ?? '' })).sort((a, b) => a.label.localeCompare(b.label, 'fr')),
      pupilIds: r.pupil_ids,
      counts: { pupils: r.pupils, acknowledged: r.acknowledged, replies: r.replies, answered: r.answered },
      attachments: attachments.get(r.id) ?? [],
      editable: editable(r),
    }];
  });
}

/** The ids of the words a staff member follows (authored, to their classes, or in a school they head), newest first. */
export async function staffWordIds(services: PluginServices, options: { userId: number; classIds: readonly number[]; headedSchools: readonly number[]; schools: readonly number[]; before?: number; limit: number }): Promise<number[]> {
  const { rows } = await services.db.raw<{ rows: { id: number }[] }>(
    `select w.id from words w
      where w.school_id = any(:schools::int[])
        and (w.author_id = :userId or w.school_id = any(:headed::int[])
             or exists (select 1 from audience a where a.word_id = w.id and a.class_id = any(:classIds::int[])))
        and (:before::int is null or w.id < :before::int)
      order by w.id desc limit :limit`,
    { schools: [...options.schools], userId: options.userId, headed: [...options.headedSchools], classIds: [...options.classIds], before: options.before ?? null, limit: options.limit },
  );
  return rows.map((r) => r.id);
}

interface TrackingRow {
  pupil_id: number;
  pupil_name: string;
  class_id: number;
  ack_by: number | null;
  ack_name: string | null;
  ack_at: Date | null;
  choice: number | null;
  answer_by: number | null;
  answer_name: string | null;
  answer_at: Date | null;
  replies: number;
  reminder: { at: string; pupils: number } | null;
}

/** "Suivi du mot": per pupil who acknowledged and when, the answer, the replies; counts and the last reminder. */
export async function tracking(services: PluginServices, word: { id: number; question: Question | null }) {
  const { db, structure } = services;
  const { rows } = await db.raw<{ rows: TrackingRow[] }>(
    `select d.pupil_id, d.pupil_name, d.class_id,
            k.relative_id as ack_by, k.relative_name as ack_name, k.at as ack_at,
            n.choice, n.relative_id as answer_by, n.relative_name as answer_name, n.at as answer_at,
            (select count(*)::int from replies r where r.word_id = d.word_id and r.pupil_id = d.pupil_id and not r.from_staff) as replies,
            (select json_build_object('at', m.sent_at, 'pupils', m.pupils) from reminders m where m.word_id = d.word_id order by m.sent_at desc limit 1) as reminder
       from deliveries d
       left join acknowledgements k on k.word_id = d.word_id and k.pupil_id = d.pupil_id
       left join answers n on n.word_id = d.word_id and n.pupil_id = d.pupil_id
      where d.word_id = ?
      order by ${frenchOrder('d.pupil_name')}, d.pupil_name, d.pupil_id`,
    [word.id],
  );
  const labels = new Map((await structure.classes([...new Set(rows.map((r) => r.class_id))])).map((c) => [c.id, c.label]));
  const options = word.question?.options ?? [];
  const reminder = rows[0]?.reminder ?? null;
  return {
    wordId: word.id,
    counts: {
      pupils: rows.length,
      acknowledged: rows.filter((r) => r.ack_at).length,
      replies: rows.reduce((sum, r) => sum + r.replies, 0),
      answered: rows.filter((r) => r.choice !== null).length,
    },
    answers: options.map((option, index) => ({ option, count: rows.filter((r) => r.choice === index).length })),
    pupils: rows.map((r) => ({
      id: r.pupil_id,
      displayName: r.pupil_name,
      classId: r.class_id,
      classLabel: labels.get(r.class_id) ?? '',
      acknowledgement: r.ack_at ? { by: { id: r.ack_by, displayName: r.ack_name! }, at: iso(r.ack_at)! } : null,
      answer: r.choice !== null ? { choice: r.choice, option: options[r.choice] ?? '', by: { id: r.answer_by, displayName: r.answer_name! }, at: iso(r.answer_at)! } : null,
      replies: r.replies,
    })),
    lastReminder: reminder ? { at: new Date(reminder.at).toISOString(), pupils: reminder.pupils } : null,
  };
}
