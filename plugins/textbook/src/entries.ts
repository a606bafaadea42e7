import type { CurrentUser, Knex, PluginServices } from '@preau/sdk';
import type { EntryInput, EntryPatch, Kind, StaffEntry, Visa } from './schemas.js';
import { DatesInvalid, EntryLocked, PupilsNotInClass } from './errors.js';
import { frenchDay, parisDay } from './dates.js';

type Services = Pick<PluginServices, 'db' | 'structure' | 'sanitize' | 'clock' | 'insertedFiles'>;

/** An entry row as the queries of this file read it (dates as "YYYY-MM-DD"). */
export interface EntryRow {
  id: number;
  school_id: number;
  class_id: number;
  kind: Kind;
  subject: string;
  title: string;
  body: string;
  day: string;
  due_on: string | null;
  minutes: number | null;
  publish_at: Date | null;
  visible_at: Date;
  author_id: number | null;
  author_name: string;
  created_at: Date;
  edited_at: Date | null;
  notified_at: Date | null;
}

/** The columns of `entries as e`, dates written as days. */
export function entryColumns(db: Knex): (string | Knex.Raw)[] {
  return [
    'e.id', 'e.school_id', 'e.class_id', 'e.kind', 'e.subject', 'e.title', 'e.body',
    db.raw(`to_char(e.day, 'YYYY-MM-DD') as day`), db.raw(`to_char(e.due_on, 'YYYY-MM-DD') as due_on`),
    'e.minutes', 'e.publish_at', 'e.visible_at', 'e.author_id', 'e.author_name', 'e.created_at', 'e.edited_at', 'e.notified_at',
  ];
}

/** One entry, or undefined. */
export async function findEntry(db: Knex, id: number): Promise<EntryRow | undefined> {
  return db('entries as e').where('e.id', id).first(entryColumns(db));
}

/** The latest visa of a class, or null. */
export async function lastVisa(db: Knex, classId: number): Promise<Visa | null> {
  const row = await db('visas').where({ class_id: classId }).orderBy([{ column: 'at', order: 'desc' }, { column: 'id', order: 'desc' }]).first('id', 'by_id', 'by_name', 'at', 'note');
  return row ? { id: row.id, by: { id: row.by_id, displayName: row.by_name }, at: new Date(row.at).toISOString(), note: row.note } : null;
}

/** Refuses a change to an entry written before the class's latest visa. */
export async function requireUnlocked(db: Knex, entry: Pick<EntryRow, 'class_id' | 'created_at'>): Promise<void> {
  const visa = await lastVisa(db, entry.class_id);
  if (visa && new Date(entry.created_at) <= new Date(visa.at)) throw EntryLocked(frenchDay(parisDay(new Date(visa.at))));
}

/** Homework has a due date on or after the day it is given; a séance has none. */
function checkDates(kind: Kind, day: string, dueOn: string | null | undefined): string | null {
  if (kind === 'session') {
    if (dueOn) throw DatesInvalid({ fr: "Une séance n'a pas de date « pour le ».", en: 'A session has no due date.' });
    return null;
  }
  if (!dueOn) throw DatesInvalid({ fr: 'Indiquez pour quel jour est ce travail.', en: 'Say which day this homework is for.' });
  if (dueOn < day) throw DatesInvalid({ fr: 'Le travail ne peut pas être pour un jour antérieur à celui où il est donné.', en: 'Homework cannot be due before the day it is given.' });
  return dueOn;
}

/** Refuses chosen pupils who are not pupils of the class today. */
async function checkPupils(services: Services, classId: number, pupilIds: readonly number[]): Promise<void> {
  if (pupilIds.length === 0) return;
  const inClass = new Set((await services.structure.pupilsOf([classId])).map((p) => p.id));
  const strangers = pupilIds.filter((id) => !inClass.has(id));
  if (strangers.length) throw PupilsNotInClass(strangers.join(', '));
}

/** When families see it: at `publishAt` when that is later than now, else now (or as soon as it already was). */
function visibleAt(now: Date, publishAt: string | null | undefined, already?: Date): Date {
  if (publishAt && new Date(publishAt) > now) return new Date(publishAt);
  if (already && already <= now) return already;
  return now;
}

/** Writes a new entry of the class in one transaction; `after` runs in it with the new row (files, jobs). */
export async function addEntry(
  services: Services,
  author: CurrentUser,
  target: { schoolId: number; classId: number },
  input: EntryInput,
  after: (trx: Knex.Transaction, row: EntryRow) => Promise<void>,
): Promise<EntryRow> {
  const dueOn = checkDates(input.kind, input.day, input.dueOn);
  await checkPupils(services, target.classId, input.pupilIds);
  const now = services.clock.now();
  const body = services.sanitize.richText(input.body);
  // Files the text points at must be the author's to insert; checked before the transaction (they are asked of
  // the apps that hold them), held in it.
  const files = await services.insertedFiles.check(body, author);
  return services.db.transaction(async (trx) => {
    const [{ id }] = await trx('entries').insert({
      school_id: target.schoolId, class_id: target.classId, kind: input.kind,
      subject: input.subject.trim() || input.subject, title: input.title.trim() || input.title, body,
      day: input.day, due_on: dueOn, minutes: input.kind === 'homework' ? (input.minutes ?? null) : null,
      publish_at: input.publishAt ?? null, visible_at: visibleAt(now, input.publishAt),
      author_id: author.id, author_name: author.displayName, created_at: now, updated_at: now,
    }).returning('id');
    if (input.pupilIds.length) await trx('entry_pupils').insert(input.pupilIds.map((pupil_id) => ({ entry_id: id, pupil_id })));
    await files.holdIn({ type: 'entry', id }, { transaction: trx });
    const row = (await findEntry(trx, id))!;
    await after(trx, row);
    return row;
  });
}

/** Changes an entry in one transaction (its chosen pupils replaced when given). */
export async function updateEntry(
  services: Services,
  editor: CurrentUser,
  entry: EntryRow,
  patch: EntryPatch,
  after: (trx: Knex.Transaction, row: EntryRow) => Promise<void>,
): Promise<EntryRow> {
  const day = patch.day ?? entry.day;
  const dueOn = checkDates(entry.kind, day, patch.dueOn === undefined ? entry.due_on : patch.dueOn);
  if (patch.pupilIds) await checkPupils(services, entry.class_id, patch.pupilIds);
  const now = services.clock.now();
  const publishAt = patch.publishAt === undefined ? (entry.publish_at ? new Date(entry.publish_at).toISOString() : null) : patch.publishAt;
  const body = patch.body === undefined ? undefined : services.sanitize.richText(patch.body);
  const files = body === undefined ? null : await services.insertedFiles.check(body, editor);
  return services.db.transaction(async (trx) => {
    await trx('entries').where({ id: entry.id }).update({
      subject: patch.subject ?? entry.subject,
      title: patch.title ?? entry.title,
      body: body ?? entry.body,
      day, due_on: dueOn,
      minutes: entry.kind === 'homework' ? (patch.minutes === undefined ? entry.minutes : patch.minutes) : null,
      publish_at: publishAt, visible_at: visibleAt(now, publishAt, new Date(entry.visible_at)),
      updated_at: now, edited_at: now,
    });
    await files?.holdIn({ type: 'entry', id: entry.id }, { transaction: trx });
    if (patch.pupilIds) {
      await trx('entry_pupils').where({ entry_id: entry.id }).delete();
      if (patch.pupilIds.length) await trx('entry_pupils').insert(patch.pupilIds.map((pupil_id) => ({ entry_id: entry.id, pupil_id })));
    }
    const row = (await findEntry(trx, entry.id))!;
    await after(trx, row);
    return row;
  });
}

/** "modifié le 27 novembre" when a homework changed after families could see it, else null. */
export function changedAfterPublication(row: { visible_at: Date; edited_at: Date | null }): Date | null {
  return row.edited_at && new Date(row.edited_at) > new Date(row.visible_at) ? new Date(row.edited_at) : null;
}

/** The chosen pupils of each entry (none: the whole class). */
export async function chosenPupils(db: Knex, entryIds: readonly number[]): Promise<Map<number, number[]>> {
  const chosen = new Map<number, number[]>();
  if (entryIds.length === 0) return chosen;
  const rows: { entry_id: number; pupil_id: number }[] = await db('entry_pupils').whereIn('entry_id', entryIds).orderBy(['entry_id', 'pupil_id']).select('entry_id', 'pupil_id');
  for (const r of rows) chosen.set(r.entry_id, [...(chosen.get(r.entry_id) ?? []), r.pupil_id]);
  return chosen;
}

const iso = (date: Date | null): string | null => (date ? new Date(date).toISOString() : null);

/**
 * The class's entries from `from` to `to` (by day), oldest first, as staff see them: unpublished ones too, and
 * for homework how many of the pupils it is for (the class's pupils today, or the chosen ones) ticked "Fait".
 */
export async function staffEntries(services: Services, classId: number, range: { from: string; to: string }, visa: Visa | null, entryId?: number): Promise<StaffEntry[]> {
  const { db } = services;
  const query = db('entries as e').where('e.class_id', classId).orderBy([{ column: 'e.day' }, { column: 'e.kind', order: 'desc' }, { column: 'e.id' }]).select(entryColumns(db));
  if (entryId) query.where('e.id', entryId);
  else query.whereBetween('e.day', [range.from, range.to]);
  const rows = (await query) as EntryRow[];
  const ids = rows.map((r) => r.id);
  const [chosen, pupils, ticks] = await Promise.all([
    chosenPupils(db, ids),
    rows.some((r) => r.kind === 'homework') ? services.structure.pupilsOf([classId]) : Promise.resolve([]),
    ids.length ? db('ticks').whereIn('entry_id', ids).select('entry_id', 'pupil_id') as Promise<{ entry_id: number; pupil_id: number }[]> : Promise.resolve([]),
  ]);
  const classPupils = pupils.map((p) => p.id);
  const ticked = new Map<number, Set<number>>();
  for (const t of ticks) ticked.set(t.entry_id, (ticked.get(t.entry_id) ?? new Set()).add(t.pupil_id));
  const now = services.clock.now();
  const visaDay = visa ? parisDay(new Date(visa.at)) : null;
  return rows.map((r) => {
    const audience = chosen.get(r.id) ?? classPupils;
    const done = ticked.get(r.id);
    return {
      id: r.id, classId: r.class_id, kind: r.kind, subject: r.subject, title: r.title, body: r.body, day: r.day, dueOn: r.due_on,
      minutes: r.minutes, publishAt: iso(r.publish_at), published: new Date(r.visible_at) <= now,
      author: { id: r.author_id, displayName: r.author_name }, createdAt: iso(r.created_at)!, editedAt: iso(r.edited_at),
      pupilIds: chosen.get(r.id) ?? [],
      done: r.kind === 'homework' ? { count: audience.filter((id) => done?.has(id)).length, of: audience.length } : null,
      locked: !!visa && new Date(r.created_at) <= new Date(visa.at),
      afterVisa: !!visa && new Date(r.created_at) > new Date(visa.at) && r.day <= visaDay!,
    };
  });
}
