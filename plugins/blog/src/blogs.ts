import { administersSchool, frenchOrder, roleIncludes, type AccessRole, type CurrentUser, type Knex, type PluginServices, type SchoolRef } from '@preau/sdk';
import { BlogNotFound, RoleTooLow } from './errors.js';
import type { Blog } from './schemas.js';

type Services = Pick<PluginServices, 'db' | 'structure' | 'sharing' | 'rights'>;

export interface BlogRow {
  id: number;
  school_id: number;
  kind: 'class' | 'school';
  class_id: number | null;
  title: string;
  description: string;
  cover_blob_id: string | null;
  publication: 'immediate' | 'restrained';
  comments: 'none' | 'immediate' | 'moderated';
  slug: string | null;
  version: number;
}

/** A blog and the user's role on it. */
export interface ReadableBlog {
  blog: BlogRow;
  role: AccessRole;
}

export const BLOG_COLUMNS = ['id', 'school_id', 'kind', 'class_id', 'title', 'description', 'cover_blob_id', 'publication', 'comments', 'slug', 'version'] as const;

export const blogRef = (id: number) => ({ type: 'blog', id });

/** The school's administrators manage its school blogs; everything else is the sharing service's. */
const adminManages = (user: CurrentUser, blog: BlogRow) => blog.kind === 'school' && administersSchool(user, blog.school_id);

/** May make a blog of this school public: its administrators, or whoever the school gave `publishPublic`. */
export function mayPublishPublic(services: Pick<Services, 'rights'>, user: CurrentUser, schoolId: number): boolean {
  return administersSchool(user, schoolId) || services.rights.can(user, 'blog', 'publishPublic', [schoolId]);
}

/** The blogs of the user's schools they read, with their role: school blogs first, then by title in French order. */
export async function readableBlogs(services: Services, user: CurrentUser, schools: readonly SchoolRef[]): Promise<ReadableBlog[]> {
  if (schools.length === 0) return [];
  const rows = (await services.db('blogs').whereIn('school_id', schools.map((s) => s.id))
    .orderByRaw(`case kind when 'school' then 0 else 1 end, ${frenchOrder('title')}, title, id`)
    .select(...BLOG_COLUMNS)) as BlogRow[];
  const admin = new Set(rows.filter((r) => adminManages(user, r)).map((r) => r.id));
  const readable = new Map((await services.sharing.filterReadable(user.id, rows.filter((r) => !admin.has(r.id)).map((r) => blogRef(r.id))))
    .map((r) => [Number(r.id), r.role]));
  return rows.flatMap((blog) => {
    const role: AccessRole | undefined = admin.has(blog.id) ? 'manage' : readable.get(blog.id);
    return role ? [{ blog, role }] : [];
  });
}

/** One blog the user reads, at least `needed`; 404 when they cannot read it, 403 when their role is lower. */
export async function blogFor(services: Services, user: CurrentUser, schools: readonly SchoolRef[], id: number, needed: AccessRole, action: string, transaction?: Knex.Transaction): Promise<ReadableBlog> {
  // The blog and the user's share in parallel: a reader's page waits for one round trip, not two.
  const [found, shared] = await Promise.all([
    (transaction ?? services.db)('blogs').where({ id }).first(...BLOG_COLUMNS) as Promise<BlogRow | undefined>,
    services.sharing.roleOf(user.id, blogRef(id), transaction ? { transaction } : {}),
  ]);
  const blog = found;
  if (!blog || !schools.some((s) => s.id === blog.school_id)) throw BlogNotFound();
  const role = adminManages(user, blog) ? 'manage' : shared;
  if (!role) throw BlogNotFound();
  if (!roleIncludes(role, needed)) throw RoleTooLow(action);
  return { blog, role };
}

/** The people a blog's grants of at least `role` reach today (its owner included), each once. */
export async function peopleWith(services: Pick<Services, 'sharing' | 'structure'>, blogId: number, role: 'read' | 'manage'): Promise<number[]> {
  const { owner, grants } = await services.sharing.listGrants(blogRef(blogId));
  const live = grants.filter((grant) => !grant.lapsed && roleIncludes(grant.role, role));
  const groups = live.flatMap((g) => (g.grantee.kind === 'group' ? [g.grantee.id] : []));
  return [...new Set([
    ...(owner ? [owner.id] : []),
    ...live.flatMap((g) => (g.grantee.kind === 'user' ? [g.grantee.id] : [])),
    ...(groups.length ? await services.structure.groupMembers(groups) : []),
  ])];
}

/** Raises the blog's version: the public pages' cache, keyed by it, is stale on every process at once. */
export async function touchBlog(db: Knex, blogId: number): Promise<void> {
  await db('blogs').where({ id: blogId }).update({ version: db.raw('version + 1'), updated_at: db.fn.now() });
}

/** The blog as the API answers it. */
export function toBlog({ blog, role }: ReadableBlog, extra: { following: boolean; waiting: number; canPublishPublic: boolean }): Blog {
  return {
    id: blog.id,
    schoolId: blog.school_id,
    kind: blog.kind,
    classId: blog.class_id,
    title: blog.title,
    description: blog.description,
    cover: blog.cover_blob_id ? `/api/core/files/${blog.cover_blob_id}` : null,
    publication: blog.publication,
    comments: blog.comments,
    slug: blog.slug,
    role,
    ...extra,
  };
}
