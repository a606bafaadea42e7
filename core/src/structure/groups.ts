import type { Knex } from 'knex';
import type { Profile } from '@preau/sdk';

// How a school names its groups: the words teachers use on the noticeboard.
const SCHOOL_GROUP_NAMES: Record<Profile, string> = {
  Teacher: "Enseignants de l'école",
  Student: "Élèves de l'école",
  Relative: "Parents de l'école",
  Personnel: "Personnels de l'école",
  Guest: "Partenaires de l'école",
};
const CLASS_GROUP_PREFIXES: Partial<Record<Profile, string>> = {
  Teacher: 'Enseignants',
  Student: 'Élèves',
  Relative: 'Parents',
};

/** The name of a class's derived group: "Parents — CE1-CE2 - M. GUÉRIN". */
export function classGroupName(profile: Profile, classLabel: string): string {
  return `${CLASS_GROUP_PREFIXES[profile] ?? profile} — ${classLabel}`;
}

/** Creates the school's derived groups (one per profile) when missing. */
export async function ensureSchoolGroups(db: Knex, schoolId: number): Promise<void> {
  const profiles = Object.keys(SCHOOL_GROUP_NAMES) as Profile[];
  await db.raw(
    `insert into core.groups (school_id, kind, profile, name)
     select ?, 'school', p, n from unnest(?::text[], ?::text[]) as v(p, n)
     on conflict (school_id, profile) where kind = 'school' do nothing`,
    [schoolId, profiles, profiles.map((p) => SCHOOL_GROUP_NAMES[p])],
  );
}

/** Creates or renames the derived groups of classes (teachers, pupils, parents of each class). */
export async function ensureClassGroups(db: Knex, schoolId: number, classes: readonly { id: number; label: string }[]): Promise<void> {
  if (classes.length === 0) return;
  const profiles = Object.keys(CLASS_GROUP_PREFIXES) as Profile[];
  const rows = classes.flatMap((c) => profiles.map((profile) => ({ classId: c.id, profile, name: classGroupName(profile, c.label) })));
  await db.raw(
    `insert into core.groups (school_id, kind, class_id, profile, name)
     select ?, 'class', c, p, n from unnest(?::int[], ?::text[], ?::text[]) as v(c, p, n)
     on conflict (class_id, profile) where kind = 'class' do update set name = excluded.name`,
    [schoolId, rows.map((r) => r.classId), rows.map((r) => r.profile), rows.map((r) => r.name)],
  );
}
