import { Id, Type, fieldLabel, type Static } from '@preau/sdk';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
/** A file of the core's store as a text points at it: what `POST /api/core/files` and a recording's `src` answer. */
const FileSrc = Type.String({ pattern: '^/api/core/files/[a-f0-9]{32}$' });

export const Role = Type.Union([Type.Literal('read'), Type.Literal('contribute'), Type.Literal('manage'), Type.Literal('owner')]);

/**
 * How a page lays out: one big picture; a picture beside its text; two pictures side by side; a video above its
 * text. Every page may have text (under a big picture: its caption) and a sound to play.
 */
export const PageTemplate = Type.Union([
  Type.Literal('picture'), Type.Literal('picture-text'), Type.Literal('two-pictures'), Type.Literal('video-text'),
]);
export type PageTemplate = Static<typeof PageTemplate>;

export const PageState = Type.Union([Type.Literal('submitted'), Type.Literal('published')]);
export type PageState = Static<typeof PageState>;

const Person = Type.Object({ id: Type.Integer(), displayName: Type.String() });

/** A page as the API answers it: its files as the addresses a player or picture loads. */
export const Page = Type.Object({
  id: Type.Integer(),
  bookId: Type.Integer(),
  author: Nullable(Person),
  template: PageTemplate,
  text: Type.String(),
  pictures: Type.Array(Type.String()),
  video: Nullable(Type.Object({ src: Type.String(), poster: Nullable(Type.String()) })),
  sound: Nullable(Type.String()),
  /** `submitted`: a pupil's page that waits for a manager; only its author and the managers see it. */
  state: PageState,
  canEdit: Type.Boolean(),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Page = Static<typeof Page>;

/** A book as the lists answer it, with the user's role on it. */
export const Book = Type.Object({
  id: Type.Integer(),
  schoolId: Type.Integer(),
  classId: Nullable(Type.Integer()),
  title: Type.String(),
  role: Role,
  /** Pages the user sees (published ones, and their own or, for managers, those waiting). */
  pages: Type.Integer(),
  /** Pages waiting for validation (for its managers; 0 for the others). */
  waiting: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Book = Static<typeof Book>;

/** One book with the pages the user sees, in reading order. */
export const BookWithPages = Type.Object({ book: Book, pages: Type.Array(Page) });

/** The classes a teacher may make a book for. */
export const BookCreatable = Type.Object({
  classes: Type.Array(Type.Object({ id: Type.Integer(), schoolId: Type.Integer(), label: Type.String() })),
});

const Title = Type.String({ minLength: 1, maxLength: 120, pattern: '\\S', ...fieldLabel('Titre', 'Title') });
export const NewBookInput = Type.Object({ classId: Id(), title: Title }, { additionalProperties: false });
export const BookChange = Type.Object({ title: Title }, { additionalProperties: false });

export const PageInput = Type.Object({
  template: PageTemplate,
  /** Rich text of the common editor; sanitized on the server. */
  text: Type.String({ maxLength: 100_000, ...fieldLabel('Texte', 'Text') }),
  pictures: Type.Array(FileSrc, { maxItems: 2, ...fieldLabel('Images', 'Pictures') }),
  video: Nullable(Type.Object({ src: FileSrc, poster: Nullable(FileSrc) }, { additionalProperties: false })),
  sound: Nullable(FileSrc),
}, { additionalProperties: false });
export type PageInput = Static<typeof PageInput>;

/** The book's pages in their new reading order: every page the user sees, each once. */
export const PageOrder = Type.Object({ pageIds: Type.Array(Id(), { minItems: 1, maxItems: 500, uniqueItems: true }) }, { additionalProperties: false });

export const BookParams = Type.Object({ bookId: Id() }, { additionalProperties: false });
export const PageParams = Type.Object({ pageId: Id() }, { additionalProperties: false });
