import { frenchOrder, roleIncludes, type AccessRole, type CurrentUser, type Knex, type PluginServices, type SchoolRef } from '@preau/sdk';
import { BookNotFound, BookRoleTooLow } from './errors.js';

type Services = Pick<PluginServices, 'db' | 'sharing'>;

export interface BookRow {
  id: number;
  school_id: number;
  class_id: number | null;
  title: string;
  created_by: number | null;
  updated_at: Date | string;
}

/** A book and the user's role on it. */
export interface ReadableBook {
  book: BookRow;
  role: AccessRole;
}

const BOOK_COLUMNS = ['id', 'school_id', 'class_id', 'title', 'created_by', 'updated_at'] as const;

/** The book as the sharing service knows it (manifest `sharing.book`). */
export const bookRef = (id: number) => ({ type: 'book', id });

/** The books of the user's schools they read, with their role, by title in French order. */
export async function readableBooks(services: Services, user: CurrentUser, schools: readonly SchoolRef[]): Promise<ReadableBook[]> {
  if (schools.length === 0) return [];
  const rows = (await services.db('books').whereIn('school_id', schools.map((s) => s.id))
    .orderByRaw(`${frenchOrder('title')}, title, id`).select(...BOOK_COLUMNS)) as BookRow[];
  const readable = new Map((await services.sharing.filterReadable(user.id, rows.map((r) => bookRef(r.id)))).map((r) => [Number(r.id), r.role]));
  return rows.flatMap((book) => {
    const role = readable.get(book.id);
    return role ? [{ book, role }] : [];
  });
}

/** One book the user reads, at least `needed`; 404 when they cannot read it, 403 when their role is lower. */
export async function bookFor(services: Services, user: CurrentUser, schools: readonly SchoolRef[], id: number, needed: AccessRole, action: string, transaction?: Knex.Transaction): Promise<ReadableBook> {
  const [book, role] = await Promise.all([
    (transaction ?? services.db)('books').where({ id }).first(...BOOK_COLUMNS) as Promise<BookRow | undefined>,
    services.sharing.roleOf(user.id, bookRef(id), transaction ? { transaction } : {}),
  ]);
  if (!book || !role || !schools.some((s) => s.id === book.school_id)) throw BookNotFound();
  if (!roleIncludes(role, needed)) throw BookRoleTooLow(action);
  return { book, role };
}

/**
 * Makes a class's book, its creator its owner (they manage it), shared as a class blog is: the class's parents
 * and pupils read it and its pupils contribute pages. The groups are the structure's, so a pupil joining the
 * class reads and contributes at once.
 */
export async function createBook(services: Pick<PluginServices, 'db' | 'structure' | 'sharing' | 'clock'>, input: { schoolId: number; classId: number; title: string; owner: number }): Promise<number> {
  const { db, sharing, structure, clock } = services;
  const groups = await structure.derivedGroups({ classId: input.classId });
  const roleFor = (profile: string) => (profile === 'Student' ? 'contribute' : profile === 'Relative' ? 'read' : null);
  return db.transaction(async (transaction) => {
    const now = clock.now();
    const [row] = await transaction('books').insert({
      school_id: input.schoolId, class_id: input.classId, title: input.title.trim(), created_by: input.owner, created_at: now, updated_at: now,
    }).returning('id');
    const bookId = row.id as number;
    await sharing.register(bookRef(bookId), { owner: input.owner, transaction });
    for (const role of ['read', 'contribute'] as const) {
      const ids = groups.filter((g) => roleFor(g.profile) === role).map((g) => g.id);
      if (ids.length) await sharing.grant(bookRef(bookId), { role, groups: ids }, { by: null, notify: false, transaction });
    }
    return bookId;
  });
}

/** The people a book's grants of at least `role` reach today (its owner included), each once. */
export async function peopleWith(services: Pick<PluginServices, 'sharing' | 'structure'>, bookId: number, role: 'read' | 'manage'): Promise<number[]> {
  const { owner, grants } = await services.sharing.listGrants(bookRef(bookId));
  const live = grants.filter((grant) => !grant.lapsed && roleIncludes(grant.role, role));
  const groups = live.flatMap((g) => (g.grantee.kind === 'group' ? [g.grantee.id] : []));
  return [...new Set([
    ...(owner ? [owner.id] : []),
    ...live.flatMap((g) => (g.grantee.kind === 'user' ? [g.grantee.id] : [])),
    ...(groups.length ? await services.structure.groupMembers(groups) : []),
  ])];
}
