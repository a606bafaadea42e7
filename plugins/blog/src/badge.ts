import { roleIncludes, type AppBadge, type CurrentUser, type PluginServices } from '@preau/sdk';
import { readableBlogs } from './blogs.js';

/** The launcher's badge: posts waiting for validation in the blogs the user manages. */
export async function badge(user: CurrentUser, services: PluginServices): Promise<AppBadge> {
  if (user.profile === 'Student' || user.profile === 'Relative') return { count: 0 };
  const schools = user.schools.filter((s) => services.apps.isEnabled(s.id, 'blog'));
  const managed = (await readableBlogs(services, user, schools)).filter((b) => roleIncludes(b.role, 'manage')).map((b) => b.blog.id);
  if (managed.length === 0) return { count: 0 };
  const row = (await services.db('posts').whereIn('blog_id', managed).where({ state: 'submitted' }).first(services.db.raw('count(*)::int as n'))) as { n: number };
  return { count: row.n };
}
