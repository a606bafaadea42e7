import { defineMigration } from '@preau/sdk';

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
    ]) {
      await db.raw(statement);
    }
  },
  async down(db) {
    await db.schema.dropTable('share_grants');
    await db.schema.dropTable('shared_resources');
  },
});
