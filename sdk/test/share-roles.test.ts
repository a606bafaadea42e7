import t from 'tap';
import { ACCESS_ROLES, roleIncludes } from '../src/index.js';

t.test('each access role includes the weaker ones, and no access includes nothing', async (t) => {
  t.same(ACCESS_ROLES, ['read', 'contribute', 'manage', 'owner']);
  t.ok(roleIncludes('owner', 'manage'));
  t.ok(roleIncludes('manage', 'read'));
  t.ok(roleIncludes('contribute', 'contribute'));
  t.notOk(roleIncludes('contribute', 'manage'));
  t.notOk(roleIncludes('manage', 'owner'));
  t.notOk(roleIncludes(null, 'read'));
  t.notOk(roleIncludes(undefined, 'read'));
});
