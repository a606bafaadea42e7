import { defineMigration } from '@preau/sdk';

// One cahier per class: its entries are séances (what was done) and travail à faire (homework for a due
// date). Families see the entries of their child's class of today (asked of the structure on each request),
// so a pupil who moves class sees the new class's cahier and keeps their ticks, which belong to the pupil.
const STATEMENTS = [
  `create table entries (
    id integer generated always as identity primary key,
    school_id integer not null references core.schools (id) on delete cascade,
    class_id integer not null references core.classes (id) on delete cascade,
    kind text not null check (kind in ('session', 'homework')),
    subject text not null check (length(subject) between 1 and 80),
    title text not null check (length(title) between 1 and 200),
    body text not null,
    day date not null,
    due_on date,
    minutes integer check (minutes between 1 and 600),
    publish_at timestamptz,
    visible_at timestamptz not null,
    author_id integer references core.users (id) on delete set null,
    author_name text not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    edited_at timestamptz,
    notified_at timestamptz,
    check ((kind = 'homework') = (due_on is not null))
    )`,
  `create index entries_class_day on entries (class_id, day)`,
  `create index entries_class_due on entries (class_id, due_on) where kind = 'homework'`,
  // Differentiated work: homework for chosen pupils only. No row means the whole class.
  `create table entry_pupils (
    entry_id integer not null references entries (id) on delete cascade,
    pupil_id integer not null references core.users (id) on delete cascade,
    primary key (entry_id, pupil_id)
    )`,
  `create index entry_pupils_pupil on entry_pupils (pupil_id)`,
  // "Fait": one tick per pupil and homework, by the pupil or one of their relatives; late when after the due date.
  `create table ticks (
    entry_id integer not null references entries (id) on delete cascade,
    pupil_id integer not null references core.users (id) on delete cascade,
    by_id integer references core.users (id) on delete set null,
    by_name text not null,
    at timestamptz not null,
    late boolean not null default false,
    primary key (entry_id, pupil_id)
    )`,
  `create index ticks_pupil on ticks (pupil_id)`,
  // A replacement teacher the director adds to a class's cahier (the class's own teachers come from the structure).
  `create table replacements (
    class_id integer not null references core.classes (id) on delete cascade,
    teacher_id integer not null references core.users (id) on delete cascade,
    added_by integer references core.users (id) on delete set null,
    added_at timestamptz not null,
    primary key (class_id, teacher_id)
    )`,
  `create index replacements_teacher on replacements (teacher_id)`,
  // The director's (or an inspector's) dated visa: entries written before it are locked.
  `create table visas (
    id integer generated always as identity primary key,
    class_id integer not null references core.classes (id) on delete cascade,
    by_id integer references core.users (id) on delete set null,
    by_name text not null,
    at timestamptz not null,
    note text not null default ''
    )`,
  `create index visas_class on visas (class_id, at desc)`,
];

export default defineMigration({
  async up(db) {
    for (const statement of STATEMENTS) await db.raw(statement);
  },
  async down(db) {
    for (const table of ['visas', 'replacements', 'ticks', 'entry_pupils', 'entries']) await db.raw(`drop table ${table}`);
  },
});
