import { defineMigration } from '@preau/sdk';

// Blogs of a class or of the school (who reads, writes and manages is the core sharing service's), their posts
// through a small life (draft, submitted, scheduled, published), comments, followers, and a public address.
export default defineMigration({
  async up(db) {
    for (const statement of [
      `create table blogs (
        id integer generated always as identity primary key,
        school_id integer not null references core.schools (id) on delete cascade,
        kind text not null check (kind in ('class', 'school')),
        class_id integer references core.classes (id) on delete cascade,
        title text not null check (length(title) between 1 and 120),
        description text not null default '' check (length(description) <= 1000),
        cover_blob_id text,
        -- immediate: contributors publish at once; restrained: their posts wait for a manager (pupils' always do).
        publication text not null default 'restrained' check (publication in ('immediate', 'restrained')),
        comments text not null default 'moderated' check (comments in ('none', 'immediate', 'moderated')),
        -- The public address; null while the blog is not public.
        slug text unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
        -- Raised by every write that changes what the public page shows: the public pages' cache is keyed by it,
        -- so every process sees a change at once without telling each other.
        version integer not null default 1,
        created_by integer references core.users (id) on delete set null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check ((kind = 'class') = (class_id is not null))
        )`,
      `create index blogs_school on blogs (school_id)`,
      // An earlier public address answers with a redirection to the blog's address of today.
      `create table old_slugs (
        slug text primary key,
        blog_id integer not null references blogs (id) on delete cascade
        )`,
      `create table posts (
        id integer generated always as identity primary key,
        blog_id integer not null references blogs (id) on delete cascade,
        author_id integer references core.users (id) on delete set null,
        title text not null check (length(title) between 1 and 200),
        body text not null default '',
        body_text text not null default '',
        state text not null check (state in ('draft', 'submitted', 'scheduled', 'published')),
        -- When a scheduled post goes out; when a published one did (the readers' order).
        publish_at timestamptz,
        published_at timestamptz,
        -- A manager's word when they sent the post back to its author.
        returned_comment text,
        has_images boolean not null default false,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check ((state = 'published') = (published_at is not null)),
        check (state <> 'scheduled' or publish_at is not null)
        )`,
      // The readers' page: a blog's published posts, newest first (keyset on published_at, id).
      `create index posts_published on posts (blog_id, published_at desc, id desc) where state = 'published'`,
      `create index posts_waiting on posts (blog_id) where state = 'submitted'`,
      `create index posts_author on posts (author_id)`,
      // The files a post's text points at: a public blog's pictures are served only through a published post.
      `create table post_files (
        post_id integer not null references posts (id) on delete cascade,
        blob_id text not null,
        primary key (blob_id, post_id)
        )`,
      `create table comments (
        id integer generated always as identity primary key,
        post_id integer not null references posts (id) on delete cascade,
        author_id integer references core.users (id) on delete set null,
        body text not null check (length(body) between 1 and 2000),
        state text not null check (state in ('pending', 'published')),
        created_at timestamptz not null default now()
        )`,
      `create index comments_post on comments (post_id, created_at, id)`,
      // Readers follow a blog by default; a row says they stopped (or started again).
      `create table follows (
        blog_id integer not null references blogs (id) on delete cascade,
        user_id integer not null references core.users (id) on delete cascade,
        following boolean not null,
        primary key (blog_id, user_id)
        )`,
    ]) await db.raw(statement);
  },
  async down(db) {
    for (const table of ['follows', 'comments', 'post_files', 'posts', 'old_slugs', 'blogs']) await db.raw(`drop table ${table}`);
  },
});
