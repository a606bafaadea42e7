import type { PluginServices } from '@preau/sdk';

/** RGPD: the entries a person wrote, the "Fait" ticks they made or that concern them as a pupil, their visas. */
export async function exportTextbook(userId: number, { db }: PluginServices): Promise<unknown> {
  return {
    entries: await db('entries').where({ author_id: userId }).orderBy('id')
      .select('id', 'class_id as classId', 'kind', 'subject', 'title', 'body', db.raw(`to_char(day, 'YYYY-MM-DD') as day`), db.raw(`to_char(due_on, 'YYYY-MM-DD') as "dueOn"`), 'created_at as createdAt'),
    ticks: await db('ticks').where({ by_id: userId }).orWhere({ pupil_id: userId }).orderBy(['entry_id', 'pupil_id'])
      .select('entry_id as entryId', 'pupil_id as pupilId', 'by_name as by', 'at', 'late'),
    visas: await db('visas').where({ by_id: userId }).orderBy('id').select('id', 'class_id as classId', 'at', 'note'),
  };
}
