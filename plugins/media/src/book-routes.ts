import { Type, type CurrentUser, type PluginApp, type PluginServices } from '@preau/sdk';
import { bookFor, bookRef, createBook, readableBooks, type ReadableBook } from './books.js';
import { bookZip } from './book-zip.js';
import { CannotCreateBook } from './errors.js';
import { bookWithPages, describeBooks, visiblePages } from './book-view.js';
import { pageHolder } from './pages.js';
import { Book, BookChange, BookCreatable, BookParams, BookWithPages, NewBookInput } from './book-schemas.js';
import { Errors } from './schemas.js';

/** Multimedia books: listing, creating (a class's by its teachers), renaming, deleting, reading, the ZIP to keep. */
export async function bookRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, sharing, structure, insertedFiles, clock } = services;

  const withPages = (user: CurrentUser, found: ReadableBook) => bookWithPages(db, user, found);

  app.get('/books', { schema: { response: { 200: Type.Array(Book), ...Errors } } }, async (request) => {
    const user = request.currentUser!;
    const books = await readableBooks(services, user, request.currentSchools);
    return describeBooks(books, await visiblePages(db, user, books));
  });

  app.get('/books-creatable', { schema: { response: { 200: BookCreatable, ...Errors } } }, async (request) => {
    const user = request.currentUser!;
    const schoolIds = new Set(request.currentSchools.map((s) => s.id));
    const classes = user.profile === 'Teacher' ? (await structure.classesOf(user.id)).filter((c) => schoolIds.has(c.schoolId)) : [];
    return { classes: classes.map((c) => ({ id: c.id, schoolId: c.schoolId, label: c.label })) };
  });

  app.post('/books', { schema: { body: NewBookInput, response: { 201: BookWithPages, ...Errors } } }, async (request, reply) => {
    const user = request.currentUser!;
    const [schoolClass] = await structure.classes([request.body.classId]);
    const teaches = user.profile === 'Teacher' && (await structure.staffOf([request.body.classId])).some((s) => s.user.id === user.id);
    if (!schoolClass || !teaches || !request.currentSchools.some((s) => s.id === schoolClass.schoolId)) throw CannotCreateBook();
    const id = await createBook(services, { schoolId: schoolClass.schoolId, classId: schoolClass.id, title: request.body.title, owner: user.id });
    return reply.code(201).send(await withPages(user, await bookFor(services, user, request.currentSchools, id, 'read', 'le lire')));
  });

  app.get('/books/:bookId', { schema: { params: BookParams, response: { 200: BookWithPages, ...Errors } } }, async (request) =>
    withPages(request.currentUser!, await bookFor(services, request.currentUser!, request.currentSchools, request.params.bookId, 'read', 'le lire')));

  app.patch('/books/:bookId', { schema: { params: BookParams, body: BookChange, response: { 200: BookWithPages, ...Errors } } }, async (request) => {
    const user = request.currentUser!;
    const found = await bookFor(services, user, request.currentSchools, request.params.bookId, 'manage', 'le renommer');
    await db('books').where({ id: found.book.id }).update({ title: request.body.title.trim(), updated_at: clock.now() });
    return withPages(user, await bookFor(services, user, request.currentSchools, found.book.id, 'read', 'le lire'));
  });

  app.delete('/books/:bookId', { schema: { params: BookParams, response: { 204: Type.Null(), ...Errors } } }, async (request, reply) => {
    const { book } = await bookFor(services, request.currentUser!, request.currentSchools, request.params.bookId, 'manage', 'le supprimer');
    await db.transaction(async (transaction) => {
      for (const id of await transaction('pages').where({ book_id: book.id }).pluck('id')) await insertedFiles.detach(pageHolder(id as number), { transaction });
      await transaction('books').where({ id: book.id }).delete();
      await sharing.remove(bookRef(book.id), { transaction });
    });
    return reply.code(204).send(null);
  });

  // To keep at home after the pupil leaves: one self-contained index.html and the media beside it, streamed.
  // Readers get the published pages only, as they read them.
  app.get('/books/:bookId/zip', { schema: { params: BookParams, response: { ...Errors } } }, async (request, reply) => {
    const user = request.currentUser!;
    const found = await bookFor(services, user, request.currentSchools, request.params.bookId, 'read', 'le télécharger');
    const pages = (await visiblePages(db, user, [found])).filter((p) => p.state === 'published');
    const { stream, disposition } = await bookZip(services, found.book, pages);
    return reply.type('application/zip').header('content-disposition', disposition).header('x-content-type-options', 'nosniff').send(stream as never);
  });
}
