import { roleIncludes, Type, type CurrentUser, type Knex, type PluginApp, type PluginServices, type SchoolRef } from '@preau/sdk';
import { bookFor, peopleWith } from './books.js';
import { BadOrder, BookRoleTooLow, PageNotFound, PageNotWaiting } from './errors.js';
import { bookWithPages } from './book-view.js';
import { canEdit, canSee, needsValidation, pageFiles, pageHolder, pageHtml, pageRow, toPage } from './pages.js';
import { BookParams, BookWithPages, Page, PageInput, PageOrder, PageParams, type PageState } from './book-schemas.js';
import { Errors } from './schemas.js';

/** A book's pages: adding (a pupil's waits for validation), changing, reordering, publishing, deleting. */
export async function pageRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, sanitize, insertedFiles, clock } = services;

  /** The page, its book and the user's role; 404 when they may not see it. */
  const pageFor = async (user: CurrentUser, schools: readonly SchoolRef[], id: number) => {
    const row = await pageRow(db, id);
    if (!row) throw PageNotFound();
    const { book, role } = await bookFor(services, user, schools, row.book_id, 'read', 'le lire').catch(() => {
      throw PageNotFound();
    });
    if (!canSee(row, user, role)) throw PageNotFound();
    return { row, book, role };
  };

  /** The sanitized text, the checked files (before any transaction: the check reads other apps' holders). */
  const prepare = async (user: CurrentUser, input: PageInput) => {
    const text = sanitize.richText(input.text);
    const files = await pageFiles(services, input);
    const checked = await insertedFiles.check(pageHtml(text, files), user);
    return { text, files, checked };
  };

  const touch = (transaction: Knex.Transaction, bookId: number) => transaction('books').where({ id: bookId }).update({ updated_at: clock.now() });

  /** Tells the book's managers that a pupil's page waits for them (after the commit). */
  const announceSubmitted = async (bookId: number, pageId: number, actor: number) => {
    const book = (await db('books').where({ id: bookId }).first('title')) as { title: string } | undefined;
    const managers = (await peopleWith(services, bookId, 'manage')).filter((id) => id !== actor);
    if (!book || managers.length === 0) return;
    await services.notify.send({
      type: 'page-submitted', recipients: { users: managers }, actor,
      resource: { app: 'media', id: `page:${pageId}`, url: `/apps/media/books/${bookId}` },
      params: { book: book.title },
    });
  };

  const answer = async (user: CurrentUser, id: number, role: Parameters<typeof toPage>[2]) => toPage((await pageRow(db, id))!, user, role);

  app.post('/books/:bookId/pages', { schema: { params: BookParams, body: PageInput, response: { 201: Page, ...Errors } } }, async (request, reply) => {
    const user = request.currentUser!;
    const { book, role } = await bookFor(services, user, request.currentSchools, request.params.bookId, 'contribute', 'y ajouter une page');
    const { text, files, checked } = await prepare(user, request.body);
    const state: PageState = needsValidation(user, role) ? 'submitted' : 'published';
    const id = await db.transaction(async (transaction) => {
      const { last } = (await transaction('pages').where({ book_id: book.id }).max('position as last').first()) as { last: number | null };
      const now = clock.now();
      const [row] = await transaction('pages').insert({
        book_id: book.id, author_id: user.id, position: (last ?? 0) + 1, template: request.body.template, text, ...files, state, created_at: now, updated_at: now,
      }).returning('id');
      await checked.holdIn(pageHolder(row.id as number), { transaction });
      await touch(transaction, book.id);
      return row.id as number;
    });
    if (state === 'submitted') await announceSubmitted(book.id, id, user.id);
    return reply.code(201).send(await answer(user, id, role));
  });

  app.get('/pages/:pageId', { schema: { params: PageParams, response: { 200: Page, ...Errors } } }, async (request) => {
    const user = request.currentUser!;
    const { row, role } = await pageFor(user, request.currentSchools, request.params.pageId);
    return toPage(row, user, role);
  });

  app.put('/pages/:pageId', { schema: { params: PageParams, body: PageInput, response: { 200: Page, ...Errors } } }, async (request) => {
    const user = request.currentUser!;
    const { row, role } = await pageFor(user, request.currentSchools, request.params.pageId);
    if (!canEdit(row, user, role)) throw BookRoleTooLow('modifier cette page');
    const { text, files, checked } = await prepare(user, request.body);
    // A pupil changing their published page sends it back to validation; a manager's change keeps its state.
    const state: PageState = row.author_id === user.id && needsValidation(user, role) ? 'submitted' : row.state;
    await db.transaction(async (transaction) => {
      await transaction('pages').where({ id: row.id }).update({ template: request.body.template, text, ...files, state, updated_at: clock.now() });
      await checked.holdIn(pageHolder(row.id), { transaction });
      await touch(transaction, row.book_id);
    });
    if (state === 'submitted' && row.state !== 'submitted') await announceSubmitted(row.book_id, row.id, user.id);
    return answer(user, row.id, role);
  });

  app.post('/pages/:pageId/publish', { schema: { params: PageParams, response: { 200: Page, ...Errors } } }, async (request) => {
    const user = request.currentUser!;
    const { row, role } = await pageFor(user, request.currentSchools, request.params.pageId);
    if (!roleIncludes(role, 'manage')) throw BookRoleTooLow('valider ses pages');
    if (row.state !== 'submitted') throw PageNotWaiting();
    await db.transaction(async (transaction) => {
      await transaction('pages').where({ id: row.id }).update({ state: 'published', updated_at: clock.now() });
      await touch(transaction, row.book_id);
    });
    return answer(user, row.id, role);
  });

  app.delete('/pages/:pageId', { schema: { params: PageParams, response: { 204: Type.Null(), ...Errors } } }, async (request, reply) => {
    const user = request.currentUser!;
    const { row, role } = await pageFor(user, request.currentSchools, request.params.pageId);
    if (!canEdit(row, user, role)) throw BookRoleTooLow('supprimer cette page');
    await db.transaction(async (transaction) => {
      await insertedFiles.detach(pageHolder(row.id), { transaction });
      await transaction('pages').where({ id: row.id }).delete();
      await touch(transaction, row.book_id);
    });
    return reply.code(204).send(null);
  });

  // Drag and drop or the move buttons: the managers send every page in its new place.
  app.put('/books/:bookId/order', { schema: { params: BookParams, body: PageOrder, response: { 200: BookWithPages, ...Errors } } }, async (request) => {
    const user = request.currentUser!;
    const { book, role } = await bookFor(services, user, request.currentSchools, request.params.bookId, 'manage', 'réordonner ses pages');
    const wanted = request.body.pageIds;
    await db.transaction(async (transaction) => {
      const ids = ((await transaction('pages').where({ book_id: book.id }).forUpdate().pluck('id')) as number[]).map(Number);
      if (ids.length !== wanted.length || !wanted.every((id) => ids.includes(id))) throw BadOrder();
      for (const [index, id] of wanted.entries()) await transaction('pages').where({ id }).update({ position: index + 1 });
      await touch(transaction, book.id);
    });
    return bookWithPages(db, user, { book: { ...book, updated_at: clock.now() }, role });
  });
}
