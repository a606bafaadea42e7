import { defineMigration } from '@preau/sdk';

// A word ("un mot") is written once and addressed to classes or chosen pupils (the audience); when it is sent,
// the pupils it reaches are fixed (deliveries), so "7/27 lus" keeps meaning the same 27 pupils. Either
// relative's acknowledgement counts for the child, as a signature on paper does.
const STATEMENTS = [
  `create table words (
    id integer generated always as identity primary key,
    school_id integer not null references core.schools (id) on delete cascade,
    author_id integer references core.users (id) on delete set null,
    author_name text not null,
    title text not null check (length(title) between 1 and 200),
    body text not null,
    category text not null,
    requires_ack boolean not null default true,
    replies_allowed boolean not null default true,
    question jsonb,
    send_at timestamptz not null,
    sent_at timestamptz,
    edited_at timestamptz,
    created_at timestamptz not null,
    copied_from integer references words (id) on delete set null
    )`,
  `create index words_school on words (school_id, send_at desc)`,
  `create index words_author on words (author_id, created_at desc)`,
  `create table audience (
    word_id integer not null references words (id) on delete cascade,
    class_id integer not null references core.classes (id) on delete cascade,
    pupil_id integer references core.users (id) on delete cascade
    )`,
  `create unique index audience_whole_class on audience (word_id, class_id) where pupil_id is null`,
  `create unique index audience_pupil on audience (word_id, pupil_id) where pupil_id is not null`,
  `create index audience_class on audience (class_id)`,
  `create table deliveries (
    word_id integer not null references words (id) on delete cascade,
    pupil_id integer not null references core.users (id) on delete cascade,
    pupil_name text not null,
    class_id integer not null references core.classes (id) on delete cascade,
    primary key (word_id, pupil_id)
    )`,
  `create index deliveries_pupil on deliveries (pupil_id, word_id desc)`,
  `create table acknowledgements (
    word_id integer not null,
    pupil_id integer not null,
    relative_id integer references core.users (id) on delete set null,
    relative_name text not null,
    at timestamptz not null,
    primary key (word_id, pupil_id),
    foreign key (word_id, pupil_id) references deliveries (word_id, pupil_id) on delete cascade
    )`,
  `create table views (
    word_id integer not null references words (id) on delete cascade,
    user_id integer not null references core.users (id) on delete cascade,
    pupil_id integer not null references core.users (id) on delete cascade,
    seen_at timestamptz not null,
    primary key (word_id, user_id, pupil_id)
    )`,
  `create index views_user on views (user_id)`,
  `create table answers (
    word_id integer not null,
    pupil_id integer not null,
    choice integer not null check (choice >= 0),
    relative_id integer references core.users (id) on delete set null,
    relative_name text not null,
    at timestamptz not null,
    primary key (word_id, pupil_id),
    foreign key (word_id, pupil_id) references deliveries (word_id, pupil_id) on delete cascade
    )`,
  `create table replies (
    id integer generated always as identity primary key,
    word_id integer not null,
    pupil_id integer not null,
    author_id integer references core.users (id) on delete set null,
    author_name text not null,
    from_staff boolean not null,
    body text not null,
    created_at timestamptz not null,
    edited_at timestamptz,
    foreign key (word_id, pupil_id) references deliveries (word_id, pupil_id) on delete cascade
    )`,
  `create index replies_word on replies (word_id, pupil_id, id)`,
  `create table reminders (
    id integer generated always as identity primary key,
    word_id integer not null references words (id) on delete cascade,
    sent_by integer references core.users (id) on delete set null,
    sent_at timestamptz not null,
    pupils integer not null,
    relatives integer not null
    )`,
  `create index reminders_word on reminders (word_id, sent_at desc)`,
  `create table pauses (
    class_id integer primary key references core.classes (id) on delete cascade,
    paused_by integer references core.users (id) on delete set null,
    paused_at timestamptz not null,
    until date,
    reason text
    )`,
];

export default defineMigration({
  async up(db) {
    for (const statement of STATEMENTS) await db.raw(statement);
  },
  async down(db) {
    for (const table of ['pauses', 'reminders', 'replies', 'answers', 'views', 'acknowledgements', 'deliveries', 'audience', 'words']) {
      await db.raw(`drop table ${table}`);
    }
  },
});
