import type { PluginServices } from '@preau/sdk';

/** RGPD: the words a person wrote, and their acknowledgements, answers and replies. */
export async function exportNotebook(userId: number, { db }: PluginServices): Promise<unknown> {
  return {
    wordsWritten: await db('words').where({ author_id: userId }).orderBy('id').select('id', 'title', 'body', 'category', 'send_at as sendAt', 'sent_at as sentAt'),
    acknowledgements: await db('acknowledgements').where({ relative_id: userId }).orderBy('at').select('word_id as wordId', 'pupil_id as pupilId', 'at'),
    answers: await db('answers').where({ relative_id: userId }).orderBy('at').select('word_id as wordId', 'pupil_id as pupilId', 'choice', 'at'),
    replies: await db('replies').where({ author_id: userId }).orderBy('id').select('word_id as wordId', 'pupil_id as pupilId', 'body', 'created_at as createdAt'),
  };
}
