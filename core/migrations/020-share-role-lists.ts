import { defineMigration } from '@preau/sdk';

// Role lists per resource type (`roles` of a `sharing` type in a manifest: news threads have four) and implicit
// managers (a thread's school administrators). A grant keeps its role's name, for the dialog, and its rank, the
// role's position in its type's list (1 the weakest), which is all the rank functions compare: they never need
// the manifests. The owner ranks above every list (1000); a resource's implicit managers just below (999), read
// as the type's last role. A resource registered with a school (`school_id`) is managed by its administrators.
const OWNER_RANK = 1000;
const SCHOOL_ADMIN_RANK = 999;

const MINE = `
  my_schools as (select m.school_id from memberships m where m.user_id = p_me and m.left_at is null),
  my_groups as (
    select gm.group_id from group_members gm join groups g on g.id = gm.group_id
     where gm.user_id = p_me and g.school_id in (select school_id from my_schools)
       and (g.class_id is null or exists (
         select 1 from classes lc where lc.id = g.class_id
            and lc.start_year = (select max(c2.start_year) from classes c2 where c2.school_id = lc.school_id)))
  )`;

/** The functions of 014, written with a grant's rank expression, the owner's rank, and the implicit managers or not. */
function rankFunctions(options: { rank: string; owner: number; schoolAdmins: boolean }): string[] {
  const { rank, owner } = options;
  const admins = options.schoolAdmins
    ? `union all
      select c.origin, ${SCHOOL_ADMIN_RANK} from chain c
       where c.school_id is not null and exists (
         select 1 from user_functions f where f.user_id = p_me
            and (f.function = 'academy-admin' or (f.function in ('director', 'local-admin') and f.school_id = c.school_id)))`
    : '';
  const schoolColumn = options.schoolAdmins ? ', r.school_id' : '';
  const parentSchoolColumn = options.schoolAdmins ? ', p.school_id' : '';
  return [
    `create or replace function share_ranks(p_me integer, p_app text, p_types text[], p_keys text[])
  returns table (ord bigint, rank integer) language plpgsql stable set search_path = core as $$
begin
  return query
    with recursive ${MINE},
    chain as (
      select w.ord as origin, r.id, r.parent_id, r.owner_id${schoolColumn}, 0 as depth
        from unnest(p_types, p_keys) with ordinality as w(type, key, ord)
        join shared_resources r on r.app = p_app and r.type = w.type and r.key = w.key
      union all
      select c.origin, p.id, p.parent_id, p.owner_id${parentSchoolColumn}, c.depth + 1 from chain c join shared_resources p on p.id = c.parent_id
       where c.depth < 64
    )
    select ranks.origin, max(ranks.rank)::integer from (
      select c.origin, ${owner} as rank from chain c where c.owner_id = p_me
      union all
      select c.origin, ${rank} from chain c join share_grants s on s.resource_id = c.id
       where (s.user_id = p_me and (s.school_id is null or s.school_id in (select school_id from my_schools)))
          or s.group_id in (select group_id from my_groups)
      ${admins}
    ) ranks group by ranks.origin;
end $$`,
    `create or replace function shared_with_me(p_me integer, p_app text, p_type text, p_limit integer,
    p_name text, p_sharer integer, p_at timestamptz, p_row bigint)
  returns table (resource bigint, type text, key text, rank integer, granted_at timestamptz, granted_by integer, sharer_name text, sharer_id integer)
  language plpgsql stable set search_path = core as $$
begin
  return query
    with recursive ${MINE},
    mine as (
      select s.resource_id, ${rank} as rank, s.granted_by, s.granted_at from share_grants s
       where s.user_id = p_me and (s.school_id is null or s.school_id in (select school_id from my_schools))
      union all
      select s.resource_id, ${rank}, s.granted_by, s.granted_at from share_grants s
       where s.group_id in (select group_id from my_groups)
    ),
    best as (
      select distinct on (m.resource_id) m.resource_id, r.type, r.key, r.parent_id, m.rank, m.granted_by, m.granted_at
        from mine m join shared_resources r on r.id = m.resource_id
       where r.app = p_app and (p_type is null or r.type = p_type) and r.owner_id is distinct from p_me
       order by m.resource_id, m.rank desc, m.granted_at desc
    ),
    up as (
      select b.resource_id as origin, b.parent_id as id, 1 as depth from best b where b.parent_id is not null
      union all
      select up.origin, r.parent_id, up.depth + 1 from up join shared_resources r on r.id = up.id
       where r.parent_id is not null and up.depth < 64
    ),
    listed as (
      select b.resource_id, b.type, b.key, b.rank, b.granted_at, b.granted_by,
             coalesce(u.display_name, '') as sharer_name, coalesce(b.granted_by, 0) as sharer_id
        from best b left join users u on u.id = b.granted_by
       where not exists (
         select 1 from up join shared_resources a on a.id = up.id
          where up.origin = b.resource_id and (a.owner_id = p_me or a.id in (select m.resource_id from mine m)))
    )
    select l.resource_id, l.type, l.key, l.rank, l.granted_at, l.granted_by, l.sharer_name, l.sharer_id
      from listed l
     where p_name is null
        or l.sharer_name > p_name
        or (l.sharer_name = p_name and (l.sharer_id > p_sharer
            or (l.sharer_id = p_sharer and (l.granted_at < p_at or (l.granted_at = p_at and l.resource_id < p_row)))))
     order by l.sharer_name, l.sharer_id, l.granted_at desc, l.resource_id desc
     limit p_limit;
end $$`,
  ];
}

export default defineMigration({
  async up(db) {
    for (const statement of [
      'alter table share_grants drop constraint share_grants_role_check',
      `alter table share_grants add constraint share_grants_role_name check (role ~ '^[a-z][a-zA-Z0-9-]{0,39}$')`,
      'alter table share_grants add column rank smallint',
      `update share_grants set rank = case role when 'read' then 1 when 'contribute' then 2 when 'manage' then 3 end`,
      'alter table share_grants alter column rank set not null',
      'alter table share_grants add constraint share_grants_rank check (rank between 1 and 8)',
      'alter table shared_resources add column school_id integer references schools (id) on delete cascade',
      ...rankFunctions({ rank: 's.rank::integer', owner: OWNER_RANK, schoolAdmins: true }),
    ]) {
      await db.raw(statement);
    }
  },
  async down(db) {
    // Grants of roles outside the default list cannot be kept by 014's functions: the apps' own down
    // migrations take theirs back first.
    for (const statement of [
      `delete from share_grants where role not in ('read', 'contribute', 'manage')`,
      ...rankFunctions({ rank: `(case s.role when 'read' then 1 when 'contribute' then 2 when 'manage' then 3 end)`, owner: 4, schoolAdmins: false }),
      'alter table shared_resources drop column school_id',
      'alter table share_grants drop constraint share_grants_rank',
      'alter table share_grants drop column rank',
      'alter table share_grants drop constraint share_grants_role_name',
      `alter table share_grants add constraint share_grants_role_check check (role in ('read', 'contribute', 'manage'))`,
    ]) {
      await db.raw(statement);
    }
  },
});
