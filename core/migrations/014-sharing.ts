import { defineMigration } from '@preau/sdk';

// Who holds what on a shared resource, as two PL/pgSQL functions (documented in src/sharing/sharing-sql.ts):
// their plans are kept per connection, and planning these statements cost about three times running them.
// Both start from the user's current schools and live groups (`mine`), and walk up the tree at most 64 levels.
const MINE = `
  my_schools as (select m.school_id from memberships m where m.user_id = p_me and m.left_at is null),
  my_groups as (
    select gm.group_id from group_members gm join groups g on g.id = gm.group_id
     where gm.user_id = p_me and g.school_id in (select school_id from my_schools)
       and (g.class_id is null or exists (
         select 1 from classes lc where lc.id = g.class_id
            and lc.start_year = (select max(c2.start_year) from classes c2 where c2.school_id = lc.school_id)))
  )`;
const RANK = `(case s.role when 'read' then 1 when 'contribute' then 2 when 'manage' then 3 end)`;

// The user's rank (1 read … 4 owner) on each resource named by (p_types[i], p_keys[i]) of p_app, by i.
const SHARE_RANKS = `create function share_ranks(p_me integer, p_app text, p_types text[], p_keys text[])
  returns table (ord bigint, rank integer) language plpgsql stable set search_path = core as $$
begin
  return query
    with recursive ${MINE},
    chain as (
      select w.ord as origin, r.id, r.parent_id, r.owner_id, 0 as depth
        from unnest(p_types, p_keys) with ordinality as w(type, key, ord)
        join shared_resources r on r.app = p_app and r.type = w.type and r.key = w.key
      union all
      select c.origin, p.id, p.parent_id, p.owner_id, c.depth + 1 from chain c join shared_resources p on p.id = c.parent_id
       where c.depth < 64
    )
    select ranks.origin, max(ranks.rank)::integer from (
      select c.origin, 4 as rank from chain c where c.owner_id = p_me
      union all
      select c.origin, ${RANK} from chain c join share_grants s on s.resource_id = c.id
       where (s.user_id = p_me and (s.school_id is null or s.school_id in (select school_id from my_schools)))
          or s.group_id in (select group_id from my_groups)
    ) ranks group by ranks.origin;
end $$`;

// "Shared with me": the resources of p_app (of p_type unless null) granted to the user, not theirs, not inside
// one granted to them or owned by them; ordered by sharer name, sharer, newest grant, resource, and starting
// after the row (p_name, p_sharer, p_at, p_row) when p_name is given.
const SHARED_WITH_ME = `create function shared_with_me(p_me integer, p_app text, p_type text, p_limit integer,
    p_name text, p_sharer integer, p_at timestamptz, p_row bigint)
  returns table (resource bigint, type text, key text, rank integer, granted_at timestamptz, granted_by integer, sharer_name text, sharer_id integer)
  language plpgsql stable set search_path = core as $$
begin
  return query
    with recursive ${MINE},
    mine as (
      select s.resource_id, ${RANK} as rank, s.granted_by, s.granted_at from share_grants s
       where s.user_id = p_me and (s.school_id is null or s.school_id in (select school_id from my_schools))
      union all
      select s.resource_id, ${RANK}, s.granted_by, s.granted_at from share_grants s
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
end $$`;

// Resource sharing for every app (src/sharing/). The core keeps only ids: each app's resources in a tree (a
// file in a folder, a folder in a folder) with their owner, and the grants of a role on a resource to a person
// or a group. Names and content stay in the app. A role on a resource is inherited by everything under it.
export default defineMigration({
  async up(db) {
    for (const statement of [
      `create table shared_resources (
        id bigint generated always as identity primary key,
        app text not null,
        type text not null,
        key text not null check (length(key) between 1 and 64),
        parent_id bigint references shared_resources (id) on delete cascade,
        owner_id integer references users (id) on delete set null,
        created_at timestamptz not null default now(),
        unique (app, type, key),
        check (parent_id <> id)
        )`,
      `create index shared_resources_parent on shared_resources (parent_id) where parent_id is not null`,
      `create index shared_resources_owner on shared_resources (owner_id) where owner_id is not null`,
      // school_id: the school the grant was made in. A group's is its school; a person's grant stops applying
      // when they are no longer a current member of it (null: a person of no school, e.g. the academy's staff).
      `create table share_grants (
        id bigint generated always as identity primary key,
        resource_id bigint not null references shared_resources (id) on delete cascade,
        user_id integer references users (id) on delete cascade,
        group_id integer references groups (id) on delete cascade,
        role text not null check (role in ('read', 'contribute', 'manage')),
        school_id integer references schools (id) on delete cascade,
        granted_by integer references users (id) on delete set null,
        granted_at timestamptz not null,
        check ((user_id is null) <> (group_id is null)),
        check (group_id is null or school_id is not null)
        )`,
      // "Shared with me" starts from the person's id and their groups' ids; a role walks up from the resource.
      `create unique index share_grants_user on share_grants (user_id, resource_id) where user_id is not null`,
      `create unique index share_grants_group on share_grants (group_id, resource_id) where group_id is not null`,
      `create index share_grants_resource on share_grants (resource_id)`,
      `create index share_grants_granted_by on share_grants (granted_by) where granted_by is not null`,
      SHARE_RANKS,
      SHARED_WITH_ME,
    ]) {
      await db.raw(statement);
    }
  },
  async down(db) {
    await db.raw('drop function shared_with_me(integer, text, text, integer, text, integer, timestamptz, bigint)');
    await db.raw('drop function share_ranks(integer, text, text[], text[])');
    await db.schema.dropTable('share_grants');
    await db.schema.dropTable('shared_resources');
  },
});
