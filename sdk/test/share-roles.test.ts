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

t.test("a type's own role list ranks its roles in its order, owner above them all", async (t) => {
  const roles = ['read', 'contribute', 'publish', 'manage'] as const;
  t.ok(roleIncludes('publish', 'contribute', roles));
  t.notOk(roleIncludes('publish', 'manage', roles));
  t.ok(roleIncludes('owner', 'publish', roles));
  t.notOk(roleIncludes<string>('publish', 'read', ['read', 'contribute', 'manage']), 'a role of another list includes nothing');
  t.notOk(roleIncludes<string>('manage', 'publish', ['read', 'contribute', 'manage']), 'nor is it included');
});
