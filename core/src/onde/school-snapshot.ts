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
  /** A current member of another school: only an academy administrator may move them here. */
  activeElsewhere: boolean;
  /** An academy administrator approved their transfer to this school (an open `transfer_requests` row). */
  transferApproved: boolean;
  /** A request for this school is waiting for an academy administrator already. */
  transferRequested: boolean;
  id: number;
  ine: string | null;
  firstName: string | null;
  lastName: string | null;
  birthDate: string | null;
  address: string | null;
  photoAuthorised: boolean | null;
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

/**
 * A relative the import may match: a member of the school, or a relative elsewhere of a pupil the file may
 * match (a parent who comes with a child who changed schools). Never found by name and email alone.
 */
export interface ExistingRelative {
  /** A current member of another school: never attached nor renamed by this school's import without approval. */
  activeElsewhere: boolean;
  transferApproved: boolean;
  /** A request for this school is waiting for an academy administrator already. */
  transferRequested: boolean;
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
 * the relatives of those pupils: a handful of set-based reads, whatever the size of the school. Lookups by
 * INE are written as LATERAL probes so that they stay index lookups even when a bulk load has left the
 * planner's statistics behind. Whether each person is a current member of another school, and whether an
 * academy administrator approved their transfer here, is read with them: the plan decides on both.
 */
export async function loadSchoolSnapshot(
  db: Knex,
  input: { schoolId: number; startYear: number; ines: readonly string[] },
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
            u.address, u.photo_authorisation as "photoAuthorised", u.display_name as "displayName", k.member, k.gone as "left",
            exists (select 1 from core.memberships o where o.user_id = u.id and o.school_id <> :school and o.left_at is null) as "activeElsewhere",
            exists (select 1 from core.transfer_requests tr where tr.person_id = u.id and tr.to_school_id = :school and tr.status = 'approved') as "transferApproved",
            exists (select 1 from core.transfer_requests tr where tr.person_id = u.id and tr.to_school_id = :school and tr.status = 'requested') as "transferRequested",
            case when l.start_year = :year then l.id end as "classId",
            l.onde_id as "latestOndeId", l.label as "latestClassLabel"
       from candidates k cross join lateral (select * from core.users where id = k.user_id limit 1) u left join latest l on l.user_id = u.id`,
    { school: schoolId, ines: [...new Set(input.ines)], year: startYear },
  );
  const pupils: ExistingPupil[] = pupilRows.rows.map(({ latestOndeId, ...row }) => ({
    ...row,
    latestClassKey: row.latestClassLabel === null ? null : classKey(latestOndeId, row.latestClassLabel),
  }));

  // Relatives who are not members here come only with a pupil the file may match (one who changed schools,
  // or one of ours whose parent belongs to another school): the plan matches them through that child or not at all.
  const pupilIds = pupils.map((p) => p.id);
  const relativeRows = await db.raw<{ rows: ExistingRelative[] }>(
    `with candidates as (
       select m.user_id, true as member, m.left_at is not null as gone
         from core.memberships m join core.users u on u.id = m.user_id
        where m.school_id = :school and u.profile = 'Relative'
       union
       select rl.relative_id, false, false from core.relative_links rl
        where rl.pupil_id = any(:pupils::int[])
          and not exists (select 1 from core.memberships m where m.user_id = rl.relative_id and m.school_id = :school)
     )
     select u.id, u.first_name as "firstName", u.last_name as "lastName", u.civility, u.address, u.email,
            u.display_name as "displayName", k.member, k.gone as "left",
            exists (select 1 from core.memberships o where o.user_id = u.id and o.school_id <> :school and o.left_at is null) as "activeElsewhere",
            exists (select 1 from core.transfer_requests tr where tr.person_id = u.id and tr.to_school_id = :school and tr.status = 'approved') as "transferApproved",
            exists (select 1 from core.transfer_requests tr where tr.person_id = u.id and tr.to_school_id = :school and tr.status = 'requested') as "transferRequested",
            coalesce((select array_agg(rl.pupil_id) from core.relative_links rl where rl.relative_id = u.id), '{}') as "childIds"
       from candidates k cross join lateral (select * from core.users where id = k.user_id limit 1) u`,
    { school: schoolId, pupils: pupilIds },
  );
  const relatives = relativeRows.rows;
  const links = relatives.flatMap((r) => r.childIds.map((pupilId) => ({ relativeId: r.id, pupilId })));
  return { schoolId, startYear, classes, pupils, relatives, links };
}
