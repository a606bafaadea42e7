import type { PluginServices } from '@preau/sdk';

const DAY_MS = 86_400_000;

/** The shell's address of a word. */
export function wordUrl(wordId: number): string {
  return `/apps/liaison/words/${wordId}`;
}

/**
 * Sends a word whose time has come: fixes the pupils it reaches (whole classes as they are now, plus chosen
 * pupils), marks it sent, then tells the families and the pupils. Runs once even if called twice (a scheduled
 * job and an edit racing): only the call that marks it sent goes on.
 */
export async function deliver(services: PluginServices, wordId: number): Promise<number> {
  const { db, structure, clock } = services;
  const word = await db('words').where({ id: wordId }).first('id', 'school_id', 'title', 'body', 'question', 'author_id', 'sent_at');
  if (!word || word.sent_at) return 0;
  const audience: { class_id: number; pupil_id: number | null }[] = await db('audience').where({ word_id: wordId }).select('class_id', 'pupil_id');
  const wholeClasses = audience.filter((a) => a.pupil_id === null).map((a) => a.class_id);
  const chosen = new Set(audience.filter((a) => a.pupil_id !== null).map((a) => a.pupil_id!));
  const classesOfChosen = [...new Set(audience.filter((a) => a.pupil_id !== null).map((a) => a.class_id))];
  const pupils = new Map<number, { displayName: string; classId: number }>();
  for (const pupil of await structure.pupilsOf([...new Set([...wholeClasses, ...classesOfChosen])])) {
    if (wholeClasses.includes(pupil.classId) || chosen.has(pupil.id)) pupils.set(pupil.id, { displayName: pupil.displayName, classId: pupil.classId });
  }
  const now = clock.now();
  const sent = await db.transaction(async (trx) => {
    const marked = await trx('words').where({ id: wordId }).whereNull('sent_at').update({ sent_at: now });
    if (marked === 0) return false;
    const rows = [...pupils].map(([pupil_id, p]) => ({ word_id: wordId, pupil_id, pupil_name: p.displayName, class_id: p.classId }));
    for (let start = 0; start < rows.length; start += 500) await trx('deliveries').insert(rows.slice(start, start + 500));
    return true;
  });
  if (!sent) return 0;
  const relatives = await structure.relativesOf([...pupils.keys()]);
  const users = [...new Set([...relatives.map((r) => r.relative.id), ...pupils.keys()])];
  const result = await services.notify.send({
    type: 'word-posted',
    recipients: { users },
    actor: word.author_id,
    resource: { app: 'liaison', id: String(wordId), url: wordUrl(wordId) },
    params: { title: word.title },
    email: await emailDetails(services, word, pupils, relatives),
  });
  await scheduleQuestionDeadline(services, wordId);
  return result.recipients;
}

const PARIS = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'full', timeStyle: 'short' });

/**
 * What the email of a word says beyond its title: for each parent, which of their children it concerns and in
 * which class (a parent of four pupils must tell them apart), then the first lines of the text, and the
 * question to answer with its deadline.
 */
async function emailDetails(
  services: PluginServices,
  word: { school_id: number; body: string; question: { prompt?: string; deadline?: string | null } | null },
  pupils: Map<number, { displayName: string; classId: number }>,
  relatives: { pupilId: number; relative: { id: number } }[],
): Promise<{ lines: string[]; linesFor: Record<number, string[]> }> {
  const labels = new Map((await services.structure.classesOfSchool(word.school_id)).map((c) => [c.id, c.label]));
  const childrenOf = new Map<number, string[]>();
  for (const link of relatives) {
    const pupil = pupils.get(link.pupilId);
    if (!pupil) continue;
    const label = labels.get(pupil.classId);
    childrenOf.set(link.relative.id, [...(childrenOf.get(link.relative.id) ?? []), label ? `${pupil.displayName} (${label})` : pupil.displayName]);
  }
  const linesFor = Object.fromEntries([...childrenOf].map(([relativeId, children]) => [relativeId, [`Pour : ${children.join(', ')}`]]));
  const lines = [services.sanitize.plainText(word.body, 300)];
  const question = word.question;
  if (question?.prompt) lines.push(`Question : ${question.prompt}`);
  if (question?.deadline) lines.push(`Réponse attendue avant le ${PARIS.format(new Date(question.deadline))}.`);
  else if (question) lines.push('Une réponse est attendue dans Préau.');
  return { lines, linesFor };
}

/** A day before a question's deadline, the families who have not answered are reminded (once). */
export async function scheduleQuestionDeadline(services: PluginServices, wordId: number): Promise<void> {
  const word = await services.db('words').where({ id: wordId }).first('question', 'sent_at');
  const deadline = word?.question?.deadline ? new Date(word.question.deadline) : null;
  if (!word?.sent_at || !deadline) {
    await services.jobs.cancel(`deadline-${wordId}`);
    return;
  }
  const at = new Date(deadline.getTime() - DAY_MS);
  if (at <= services.clock.now()) return;
  await services.jobs.schedule('question-deadline', at, { wordId }, { key: `deadline-${wordId}` });
}

/** The relatives of the pupils of a word who have not answered its question yet are told the deadline is near. */
export async function remindQuestionDeadline(services: PluginServices, wordId: number): Promise<number> {
  const { db, structure } = services;
  const word = await db('words').where({ id: wordId }).first('id', 'title', 'author_id', 'question');
  if (!word?.question) return 0;
  const pending: number[] = await db('deliveries as d')
    .leftJoin('answers as a', function joinAnswer() {
      this.on('a.word_id', 'd.word_id').andOn('a.pupil_id', 'd.pupil_id');
    })
    .where('d.word_id', wordId).whereNull('a.pupil_id').pluck('d.pupil_id');
  const users = [...new Set((await structure.relativesOf(pending)).map((r) => r.relative.id))];
  if (users.length === 0) return 0;
  const sent = await services.notify.send({
    type: 'question-deadline',
    recipients: { users },
    actor: null,
    resource: { app: 'liaison', id: String(wordId), url: wordUrl(wordId) },
    params: { title: word.title, deadline: new Date(word.question.deadline).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' }) },
  });
  return sent.recipients;
}
