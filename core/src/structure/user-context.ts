import type { Knex } from 'knex';
import { frenchOrder } from '@preau/sdk';

/** A class as its members and their relatives see it. */
export interface ClassRef {
  id: number;
  label: string;
  levels: string[];
  schoolId: number;
}

/** A relative's child. */
export interface ChildRef {
  id: number;
  displayName: string;
  firstName: string | null;
  school: { id: number; name: string };
  classes: { id: number; label: string; levels: string[] }[];
}

/** A group the user belongs to. */
export interface GroupRef {
  id: number;
  name: string;
  kind: 'school' | 'class' | 'manual';
  schoolId: number;
}

/** What `GET /api/core/me` adds to the session's user: their classes, children and groups this school year. */
export interface UserContext {
  classes: ClassRef[];
  children: ChildRef[];
  groups: GroupRef[];
}

/** The classes, children (for a relative) and groups of a user in the school year starting in `startYear`. */
export async function describeUser(knex: Knex, userId: number, startYear: number): Promise<UserContext> {
  const { rows } = await knex.raw<{ rows: [UserContext] }>(
    `select
       coalesce((select json_agg(json_build_object('id', c.id, 'label', c.label, 'levels', c.levels, 'schoolId', c.school_id) order by c.label)
                   from core.class_members cm join core.classes c on c.id = cm.class_id
                  where cm.user_id = :user and c.start_year = :year), '[]') as classes,
       coalesce((select json_agg(json_build_object(
                          'id', p.id, 'displayName', p.display_name, 'firstName', p.first_name,
                          'school', (select json_build_object('id', s.id, 'name', s.name)
                                       from core.memberships m join core.schools s on s.id = m.school_id
                                      where m.user_id = p.id and m.left_at is null order by s.name limit 1),
                          'classes', coalesce((select json_agg(json_build_object('id', c.id, 'label', c.label, 'levels', c.levels) order by c.label)
                                                 from core.class_members cm join core.classes c on c.id = cm.class_id
                                                where cm.user_id = p.id and c.start_year = :year), '[]'))
                        order by ${frenchOrder('p.display_name')}, p.display_name)
                   from core.relative_links rl join core.users p on p.id = rl.pupil_id
                  where rl.relative_id = :user
                    and exists (select 1 from core.memberships m where m.user_id = p.id and m.left_at is null)), '[]') as children,
       coalesce((select json_agg(json_build_object('id', g.id, 'name', g.name, 'kind', g.kind, 'schoolId', g.school_id) order by g.kind, g.name)
                   from core.group_members gm join core.groups g on g.id = gm.group_id
                   left join core.classes c on c.id = g.class_id
                  where gm.user_id = :user and (c.id is null or c.start_year = :year)), '[]') as groups`,
    { user: userId, year: startYear },
  );
  return rows[0];
}
