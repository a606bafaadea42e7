import type { Knex } from 'knex';
import { frenchOrder, type ChildLink, type Clock, type ClassStaffLink, type CurrentUser, type DerivedGroupRef, type PersonRef, type PupilRef, type RelativeLink, type SchoolClassRef, type StructureService } from '@preau/sdk';
import { currentStartYear } from './school-years.js';
import { ensureClassGroups, ensureSchoolGroups } from './groups.js';

const CLASS_COLUMNS = 'c.id, c.school_id as "schoolId", c.label, c.levels';
const PERSON = `json_build_object('id', u.id, 'displayName', u.display_name, 'profile', u.profile)`;

/** The school structure as plugins read it (`services.structure`): current school year, people who have not left. */
export function createStructureService(knex: Knex, clock: Clock): StructureService {
  const year = () => currentStartYear(knex, clock.now());
  const rows = async <T>(sql: string, bindings: Record<string, unknown>): Promise<T[]> => (await knex.raw<{ rows: T[] }>(sql, bindings as Knex.ValueDict)).rows;

  return {
    async people(ids) {
      if (ids.length === 0) return [];
      const found = await rows<PersonRef>(
        `select id, display_name as "displayName", profile from core.users where id = any(:ids::int[])`,
        { ids: [...ids] },
      );
      const byId = new Map(found.map((p) => [p.id, p]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    async classes(ids) {
      if (ids.length === 0) return [];
      return rows<SchoolClassRef>(`select ${CLASS_COLUMNS} from core.classes c where c.id = any(:ids::int[]) order by c.label`, { ids: [...ids] });
    },

    async classesOfSchool(schoolId) {
      return rows<SchoolClassRef>(`select ${CLASS_COLUMNS} from core.classes c where c.school_id = :schoolId and c.start_year = :year order by c.label`, {
        schoolId, year: await year(),
      });
    },

    async classesOf(userId) {
      return rows<SchoolClassRef>(
        `select distinct ${CLASS_COLUMNS} from core.classes c
          where c.start_year = :year
            and c.id in (select cm.class_id from core.class_members cm where cm.user_id = :userId
                         union
                         select cm.class_id from core.relative_links rl join core.class_members cm on cm.user_id = rl.pupil_id
                          where rl.relative_id = :userId)
          order by c.label`,
        { userId, year: await year() },
      );
    },

    async pupilsOf(classIds) {
      if (classIds.length === 0) return [];
      return rows<PupilRef>(
        `select u.id, u.display_name as "displayName", u.profile, cm.class_id as "classId"
           from core.class_members cm join core.users u on u.id = cm.user_id
          where cm.class_id = any(:ids::int[]) and u.profile = 'Student'
            and exists (select 1 from core.memberships m where m.user_id = u.id and m.left_at is null)
          order by ${frenchOrder('u.display_name')}, u.display_name, u.id`,
        { ids: [...classIds] },
      );
    },

    async pupilsWithoutPhotoAuthorisation(classIds) {
      if (classIds.length === 0) return [];
      return rows<PupilRef>(
        `select u.id, u.display_name as "displayName", u.profile, cm.class_id as "classId"
           from core.class_members cm join core.users u on u.id = cm.user_id
          where cm.class_id = any(:ids::int[]) and u.profile = 'Student' and u.photo_authorisation = false
            and exists (select 1 from core.memberships m where m.user_id = u.id and m.left_at is null)
          order by ${frenchOrder('u.display_name')}, u.display_name, u.id`,
        { ids: [...classIds] },
      );
    },

    async relativesOf(pupilIds) {
      if (pupilIds.length === 0) return [];
      return rows<RelativeLink>(
        `select rl.pupil_id as "pupilId", ${PERSON} as relative
           from core.relative_links rl join core.users u on u.id = rl.relative_id
          where rl.pupil_id = any(:ids::int[]) and u.state <> 'blocked'
          order by rl.pupil_id, ${frenchOrder('u.display_name')}, u.display_name, u.id`,
        { ids: [...pupilIds] },
      );
    },

    async childrenOf(relativeId) {
      return rows<ChildLink>(
        `select u.id, u.display_name as "displayName", u.profile,
                (select c.id from core.class_members cm join core.classes c on c.id = cm.class_id
                  where cm.user_id = u.id and c.start_year = :year order by c.id desc limit 1) as "classId",
                (select m.school_id from core.memberships m where m.user_id = u.id and m.left_at is null order by m.school_id limit 1) as "schoolId"
           from core.relative_links rl join core.users u on u.id = rl.pupil_id
          where rl.relative_id = :relativeId
            and exists (select 1 from core.memberships m where m.user_id = u.id and m.left_at is null)
          order by ${frenchOrder('u.display_name')}, u.display_name, u.id`,
        { relativeId, year: await year() },
      );
    },

    async staffOf(classIds) {
      if (classIds.length === 0) return [];
      return rows<ClassStaffLink>(
        `select cm.class_id as "classId", ${PERSON} as user
           from core.class_members cm join core.users u on u.id = cm.user_id
          where cm.class_id = any(:ids::int[]) and u.profile in ('Teacher', 'Personnel') and u.state <> 'blocked'
          order by cm.class_id, ${frenchOrder('u.display_name')}, u.display_name`,
        { ids: [...classIds] },
      );
    },

    async groupMembers(groupIds) {
      if (groupIds.length === 0) return [];
      const found = await rows<{ user_id: number }>(
        `select distinct gm.user_id from core.group_members gm join core.users u on u.id = gm.user_id
          where gm.group_id = any(:ids::int[]) and u.state <> 'blocked' order by gm.user_id`,
        { ids: [...groupIds] },
      );
      return found.map((r) => r.user_id);
    },

    async derivedGroups(scope) {
      const find = () => 'classId' in scope
        ? rows<DerivedGroupRef>(`select id, profile, name from core.groups where kind = 'class' and class_id = :id order by id`, { id: scope.classId })
        : rows<DerivedGroupRef>(`select id, profile, name from core.groups where kind = 'school' and school_id = :id order by id`, { id: scope.schoolId });
      const found = await find();
      if (found.length) return found;
      // Groups are made with schools and classes; older rows or a test's own may lack them.
      if ('classId' in scope) {
        const [row] = await rows<{ id: number; school_id: number; label: string }>(`select id, school_id, label from core.classes where id = :id`, { id: scope.classId });
        if (!row) return [];
        await ensureClassGroups(knex, row.school_id, [row]);
      } else {
        const [row] = await rows<{ id: number }>(`select id from core.schools where id = :id`, { id: scope.schoolId });
        if (!row) return [];
        await ensureSchoolGroups(knex, scope.schoolId);
      }
      return find();
    },

    async activeUser(userId) {
      const [row] = await rows<CurrentUser>(
        `select u.id, u.login, u.display_name as "displayName", u.profile, u.language,
           coalesce((select json_agg(json_build_object('id', sc.id, 'uai', sc.uai, 'name', sc.name) order by sc.name)
                       from core.memberships m join core.schools sc on sc.id = m.school_id where m.user_id = u.id and m.left_at is null), '[]') as schools,
           coalesce((select json_agg(case when f.school_id is null then json_build_object('function', f.function)
                                          else json_build_object('function', f.function, 'schoolId', f.school_id) end)
                       from core.user_functions f where f.user_id = u.id), '[]') as functions
         from core.users u where u.id = :userId and u.state = 'active'`,
        { userId },
      );
      return row ?? null;
    },

    async groupsOf(userId) {
      const found = await rows<{ group_id: number }>(`select distinct group_id from core.group_members where user_id = :userId order by group_id`, { userId });
      return found.map((r) => r.group_id);
    },

    async membersOf(schoolId, profiles) {
      return rows<PersonRef>(
        `select u.id, u.display_name as "displayName", u.profile
           from core.memberships m join core.users u on u.id = m.user_id
          where m.school_id = :schoolId and m.left_at is null and u.state <> 'blocked'
            and (:profiles::text[] is null or u.profile = any(:profiles::text[]))
          order by ${frenchOrder('u.display_name')}, u.display_name, u.id`,
        { schoolId, profiles: profiles ? [...profiles] : null },
      );
    },
  };
}
