import t from 'tap';
import { compareFrench } from '@preau/sdk';
import { createTestPlatform, type TestPlatform, type TestUser } from '../../src/testing/index.js';

// In C collation "BOYER" came before "BÉRANGER" and "BOYER Sébastien" before "BOYER Émilie".
const FRENCH_ORDER = ['BARON Anne', 'BÉRANGER Louis', 'bernard Zoé', 'BOYER Émilie', 'BOYER Sébastien', 'ÉTIENNE Paul'];

let platform: TestPlatform;
let director: TestUser;
let schoolId: number;
let classId: number;
t.before(async () => {
  platform = await createTestPlatform();
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  schoolId = school.id;
  director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }], displayName: 'ZOLA Émile' });
  const teachers = [];
  // Created out of order, so that insertion order cannot pass for sorting.
  for (const displayName of ['BOYER Sébastien', 'ÉTIENNE Paul', 'BOYER Émilie', 'bernard Zoé', 'BÉRANGER Louis', 'BARON Anne']) {
    teachers.push(await platform.createUser({ profile: 'Teacher', schools: [school], displayName }));
  }
  classId = (await platform.createClass({ school, label: 'CE1', teachers })).id;
});
t.teardown(() => platform.close());

const names = (people: { displayName: string }[]) => people.map((p) => p.displayName).filter((name) => FRENCH_ORDER.includes(name));

t.test('the SDK’s comparison sorts names as French readers expect', async (t) => {
  t.same([...FRENCH_ORDER].reverse().sort(compareFrench), FRENCH_ORDER);
});

t.test('the school’s users list sorts names in French order', async (t) => {
  const response = await platform.as(director).inject(`/api/core/schools/${schoolId}/users?profile=Teacher`);
  t.equal(response.statusCode, 200);
  t.same(names(response.json().items ?? response.json()), FRENCH_ORDER);
});

t.test('a class’s teachers are listed in French order', async (t) => {
  const response = await platform.as(director).inject(`/api/core/schools/${schoolId}/classes/${classId}/members`);
  t.same(names(response.json().teachers), FRENCH_ORDER);
  const classes = await platform.as(director).inject(`/api/core/schools/${schoolId}/classes`);
  t.same(names(classes.json()[0].teachers), FRENCH_ORDER);
});

t.test('the address book lists people in French order', async (t) => {
  const response = await platform.as(director).inject('/api/core/directory/search?profile=Teacher&limit=50');
  t.equal(response.statusCode, 200);
  t.same(names(response.json().users), FRENCH_ORDER);
});
