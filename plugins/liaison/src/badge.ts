import type { AppBadge, CurrentUser, PluginServices } from '@preau/sdk';
import { childrenInSchools } from './access.js';
import { unreadCounts } from './family-views.js';

/** The launcher's count: words a relative has not opened yet, per child; a pupil's own unread words. */
export async function notebookBadge(user: CurrentUser, services: PluginServices): Promise<AppBadge> {
  const schools = user.schools.map((s) => s.id);
  if (user.profile === 'Student') {
    return { count: (await unreadCounts(services, user.id, [user.id], schools)).get(user.id) ?? 0 };
  }
  if (user.profile !== 'Relative') return { count: 0 };
  const children = await childrenInSchools(user, user.schools, services.structure);
  const unread = await unreadCounts(services, user.id, [...children.keys()], schools);
  const byChild = Object.fromEntries([...children.keys()].map((id) => [id, unread.get(id) ?? 0]));
  return { count: Object.values(byChild).reduce((sum, n) => sum + n, 0), byChild };
}
