import t from 'tap';
import type { DemoContext } from '@preau/sdk';
import { createTestPlatform } from '@preau/core/testing';
import plugin from '../src/index.js';

t.test("the demo has the CM2's London blog for its families, a pupil's post waiting, and the school's public blog", async (t) => {
  const platform = await createTestPlatform({ plugins: [plugin] });
  t.teardown(() => platform.close());
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const cm1 = await platform.createClass({ school, label: 'CM1', teachers: [director], pupils: 1, relativesPerPupil: 1 });
  const cm2 = await platform.createClass({ school, label: 'CM2', teachers: [teacher], pupils: 2, relativesPerPupil: 1 });
  const context: DemoContext = { schoolId: school.id, director: director.id, teachers: [{ id: director.id, classId: cm1.id }, { id: teacher.id, classId: cm2.id }], now: platform.clock.now() };
  const record = platform.platform.plugins.get('blog')!;
  await record.manifest!.demo!(context, record.services!);
  await record.manifest!.demo!(context, record.services!);

  const parent = cm2.relatives[0]![0]!;
  const blogs = (await platform.as(parent).inject('/api/blog/blogs')).json() as { id: number; title: string; slug: string | null }[];
  t.same(blogs.map((b) => b.title).sort(), ["Le blog de l'école", 'London, here we come !'], 'run twice, one of each');
  const london = blogs.find((b) => b.title === 'London, here we come !')!;
  const posts = (await platform.as(parent).inject(`/api/blog/blogs/${london.id}/posts`)).json().posts as { title: string }[];
  t.same(posts.map((p) => p.title), ['Nos questions pour les Londoniens', 'Le voyage se prépare']);
  t.match((await platform.as(teacher).inject(`/api/blog/blogs/${london.id}/queue`)).json(), [{ title: 'Ce que je veux voir à Londres', state: 'submitted' }]);
  t.notOk(((await platform.as(cm1.relatives[0]![0]!).inject('/api/blog/blogs')).json() as { title: string }[]).some((b) => b.title.startsWith('London')), "a CM1 parent does not read the CM2's blog");
  const page = await platform.inject('/pub/blog/ecole-jean-moulin');
  t.equal(page.statusCode, 200);
  t.match(page.body, /Fête de l&#39;école|Fête de l'école/);
});
