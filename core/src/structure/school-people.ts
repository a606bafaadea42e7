import type { Knex } from 'knex';
import { frenchOrder } from '@preau/sdk';
import type { UserRow } from '../web-api/school-admin-schemas.js';

/** Filters of the users table; `state: 'left'` lists former members only, every other filter current ones. */
export interface PeopleFilters {
  q?: string;
  profile?: string;
  state?: string;
  classId?: number;
  ids?: number[];
  limit: number;
  offset: number;
}

/**
 * The people of a school for its administrators, in French order: current members, or those who left (with
 * state `left`, whom nothing else of the administration reaches). Classes are this school year's.
 */
export async function listSchoolPeople(knex: Knex, schoolId: number, startYear: number, now: Date, filters: PeopleFilters) {
  const left = filters.state === 'left';
  const { rows } = await knex.raw(
    // The locked keys are read once per page (few rows, one scan), not once per person.
    `with locked as materialized (select key from core.sign_in_throttle where locked_until > :now)
     select u.id, u.login, u.display_name as "displayName", u.first_name as "firstName", u.last_name as "lastName", u.profile,
            case when m.left_at is not null then 'left' else u.state end as state, u.email,
            coalesce((select array_agg(c.label order by c.label) from core.class_members cm join core.classes c on c.id = cm.class_id
                       where cm.user_id = u.id and c.school_id = :school and c.start_year = :year), '{}') as classes,
            coalesce((select array_agg(c.id order by c.label) from core.class_members cm join core.classes c on c.id = cm.class_id
                       where cm.user_id = u.id and c.school_id = :school and c.start_year = :year), '{}') as "classIds",
            coalesce((select array_agg(f.function order by f.function) from core.user_functions f
                       where f.user_id = u.id and f.school_id = :school), '{}') as functions,
            exists (select 1 from locked t
                     where (t.key = 'account:' || lower(u.login)
                            or left(t.key, length('pair:' || lower(u.login) || '|')) = 'pair:' || lower(u.login) || '|')) as locked
       from core.memberships m join core.users u on u.id = m.user_id
      where m.school_id = :school and m.left_at is ${left ? 'not null' : 'null'}
        ${filters.q ? 'and (lower(u.display_name) like :q or u.login like :q)' : ''}
        ${filters.profile ? 'and u.profile = :profile' : ''}
        ${filters.state && !left ? 'and u.state = :state' : ''}
        ${filters.classId ? 'and exists (select 1 from core.class_members x where x.user_id = u.id and x.class_id = :classId)' : ''}
        ${filters.ids ? 'and u.id = any(:ids::int[])' : ''}
      order by ${frenchOrder('u.display_name')}, u.display_name, u.id limit :limit offset :offset`,
    {
      school: schoolId, year: startYear, now, q: `%${(filters.q ?? '').toLowerCase()}%`, profile: filters.profile ?? null,
      state: filters.state ?? null, classId: filters.classId ?? null, ids: filters.ids ?? [], limit: filters.limit, offset: filters.offset,
    },
  );
  return rows as UserRow[];
}
