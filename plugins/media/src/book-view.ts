import { roleIncludes, type CurrentUser, type Knex } from '@preau/sdk';
import type { ReadableBook } from './books.js';
import { canSee, pageQuery, toPage, type PageRow } from './pages.js';
import type { Book, Page } from './book-schemas.js';

/** The pages of these books the user sees, in reading order. */
export async function visiblePages(db: Knex, user: CurrentUser, books: readonly ReadableBook[]): Promise<PageRow[]> {
  if (books.length === 0) return [];
  const roles = new Map(books.map((b) => [b.book.id, b.role]));
  const rows = (await pageQuery(db).whereIn('p.book_id', [...roles.keys()])) as PageRow[];
  return rows.filter((row) => canSee(row, user, roles.get(row.book_id)!));
}

/** The books as the API lists them, counting the pages the user sees (and, for managers, those waiting). */
export function describeBooks(books: readonly ReadableBook[], pages: readonly PageRow[]): Book[] {
  return books.map(({ book, role }) => {
    const own = pages.filter((p) => p.book_id === book.id);
    return {
      id: book.id, schoolId: book.school_id, classId: book.class_id, title: book.title, role,
      pages: own.length,
      waiting: roleIncludes(role, 'manage') ? own.filter((p) => p.state === 'submitted').length : 0,
      updatedAt: new Date(book.updated_at).toISOString(),
    };
  });
}

/** One book and the pages the user sees in it. */
export async function bookWithPages(db: Knex, user: CurrentUser, found: ReadableBook): Promise<{ book: Book; pages: Page[] }> {
  const pages = await visiblePages(db, user, [found]);
  return { book: describeBooks([found], pages)[0]!, pages: pages.map((row) => toPage(row, user, found.role)) };
}
