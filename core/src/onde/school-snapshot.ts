import type { Knex } from 'knex';
import { normalizeKey } from './onde-table.js';

/** A class as the import compares it: `onde:<id>` when ONDE gave an identifier, else `label:<normalised label>`. */
export function classKey(ondeId: string | null, label: string): string {
  return ondeId ? `onde:${ondeId}` : `label:${normalizeKey(label)}`;
}

/** A class of the school in the import's school year. */
export interface ExistingClass {
  id: number;
  ondeId: string | null;
  label: string;
  levels: string[];
}

/** A pupil the import may match: a member of the school (even one who left), or found elsewhere by INE. */
export interface ExistingPupil {
  id: number;
  ine: string | null;
  firstName: string | null;
  lastName: string | null;
  birthDate: string | null;
  address: string | null;
  /** A membership of this school exists (possibly with `left`). */
  member: boolean;
  left: boolean;
  /** This year's class in this school, if any. */
  classId: number | null;
  /** The key of the latest class this pupil had in this school (this year or before). */
  latestClassKey: string | null;
  latestClassLabel: string | null;
  displayName: string;
}

/** A relative the import may match: a member of the school, or found elsewhere by email. */
export interface ExistingRelative {
  id: number;
  firstName: string | null;
  lastName: string | null;
  civility: string | null;
  address: string | null;
  email: string | null;
  member: boolean;
  left: boolean;
  childIds: number[];
  displayName: string;
}

/** What the school holds now, as far as an ONDE import is concerned. */
export interface SchoolSnapshot {
  schoolId: number;
  startYear: number;
  classes: ExistingClass[];
  pupils: ExistingPupil[];
  relatives: ExistingRelative[];
  links: { relativeId: number; pupilId: number }[];
}

/**
 * Reads the school's classes of the year, its pupils and relatives (with their classes and links), plus the
 * pupils of other schools whose INE appears in the file (a pupil who changed schools keeps one account) and
 * the relatives elsewhere whose email appears in the file (a parent with children in two schools): a handful
 * of set-based reads, whatever the size of the school. Lookups by INE and email are written as LATERAL
 * probes so that they stay index lookups even when a bulk load has left the planner's statistics behind.
 */
export async function loadSchoolSnapshot(
  db: Knex,
  input: { schoolId: number; startYear: number; ines: readonly string[]; emails: readonly string[] },
): Promise<SchoolSnapshot> {
  const { schoolId, startYear } = input;
  const classes = await db('core.classes')
    .where({ school_id: schoolId, start_year: startYear })
    .select('id', 'onde_id as ondeId', 'label', 'levels');

  const pupilRows = await db.raw<{ rows: (Omit<ExistingPupil, 'latestClassKey'> & { latestOndeId: string | null })[] }>(
    `with candidates as (
       select m.user_id, true as member, m.left_at is not null as gone
         from core.memberships m join core.users u on u.id = m.user_id
        where m.school_id = :school and u.profile = 'Student'
       union all
       select distinct x.id, false, false from unnest(:ines::text[]) as i(ine)
        cross join lateral (select u.id from core.users u where u.ine = i.ine and u.profile = 'Student' limit 1) x
        where not exists (select 1 from core.memberships m where m.user_id = x.id and m.school_id = :school)
     ),
     latest as (
       select distinct on (cm.user_id) cm.user_id, c.id, c.onde_id, c.label, c.start_year
         from core.class_members cm join core.classes c on c.id = cm.class_id
        where c.school_id = :school and cm.user_id in (select user_id from candidates)
        order by cm.user_id, c.start_year desc, c.id desc
     )
     select u.id, u.ine, u.first_name as "firstName", u.last_name as "lastName", u.birth_date as "birthDate",
            u.address, u.display_name as "displayName", k.member, k.gone as "left",
            case when l.start_year = :year then l.id end as "classId",
            l.onde_id as "latestOndeId", l.label as "latestClassLabel"
       from candidates k cross join lateral (select * from core.users where id = k.user_id limit 1) u left join latest l on l.user_id = u.id`,
    { school: schoolId, ines: [...new Set(input.ines)], year: startYear },
  );
  const pupils: ExistingPupil[] = pupilRows.rows.map(({ latestOndeId, ...row }) => ({
    ...row,
    latestClassKey: row.latestClassLabel === null ? null : classKey(latestOndeId, row.latestClassLabel),
  }));

  const relativeRows = await db.raw<{ rows: ExistingRelative[] }>(
    `with candidates as (
       select m.user_id, true as member, m.left_at is not null as gone
         from core.memberships m join core.users u on u.id = m.user_id
        where m.school_id = :school and u.profile = 'Relative'
       union all
       select distinct x.id, false, false from unnest(:emails::text[]) as e(email)
        cross join lateral (select u.id from core.users u where u.email is not null and lower(u.email) = e.email and u.profile = 'Relative' limit 5) x
        where not exists (select 1 from core.memberships m where m.user_id = x.id and m.school_id = :school)
     )
     select u.id, u.first_name as "firstName", u.last_name as "lastName", u.civility, u.address, u.email,
            u.display_name as "displayName", k.member, k.gone as "left",
            coalesce((select array_agg(rl.pupil_id) from core.relative_links rl where rl.relative_id = u.id), '{}') as "childIds"
       from candidates k cross join lateral (select * from core.users where id = k.user_id limit 1) u`,
    { school: schoolId, emails: [...new Set(input.emails.map((e) => e.toLowerCase()))] },
  );
  const relatives = relativeRows.rows;
  const links = relatives.flatMap((r) => r.childIds.map((pupilId) => ({ relativeId: r.id, pupilId })));
  return { schoolId, startYear, classes, pupils, relatives, links };
}
