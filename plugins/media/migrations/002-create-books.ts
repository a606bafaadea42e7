import { defineMigration } from '@preau/sdk';

// Multimedia class books: a book (who reads, contributes and manages is the core sharing service's) and its pages,
// in reading order. A page lays out its text, pictures, video and sound in one of a few templates; its files are
// core inserted files held by the page, so only the book's readers open them.
export default defineMigration({
  async up(db) {
    for (const statement of [
      `create table books (
        id integer generated always as identity primary key,
        school_id integer not null references core.schools (id) on delete cascade,
        class_id integer references core.classes (id) on delete cascade,
        title text not null check (length(title) between 1 and 120),
        created_by integer references core.users (id) on delete set null,
        created_at timestamptz not null,
        updated_at timestamptz not null
        )`,
      `create index books_school on books (school_id)`,
      `create table pages (
        id integer generated always as identity primary key,
        book_id integer not null references books (id) on delete cascade,
        author_id integer references core.users (id) on delete set null,
        -- The reading order; gaps are fine, ties broken by id.
        position integer not null,
        template text not null check (template in ('picture', 'picture-text', 'two-pictures', 'video-text')),
        text text not null default '',
        -- Blob ids of the core's file store (the page holds them as inserted files).
        picture_blob_id text,
        second_picture_blob_id text,
        video_blob_id text,
        poster_blob_id text,
        sound_blob_id text,
        -- A pupil's page waits for one of the book's managers before its readers see it.
        state text not null check (state in ('submitted', 'published')),
        created_at timestamptz not null,
        updated_at timestamptz not null
        )`,
      `create index pages_book on pages (book_id, position, id)`,
      `create index pages_author on pages (author_id)`,
    ]) await db.raw(statement);
  },
  async down(db) {
    await db.raw('drop table pages');
    await db.raw('drop table books');
  },
});
