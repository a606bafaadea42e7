import t from 'tap';
import { createTestPlatform, filesUpload, generateOndeSchool, type TestPlatform } from '@preau/core/testing';
import plugin from '../src/index.js';

let platform: TestPlatform;
t.before(async () => {
  platform = await createTestPlatform({ plugins: [plugin] });
});
t.teardown(() => platform.close());

t.test("ONDE's « Autorisation photo » is kept per pupil, and staff writing in a blog are reminded of who has none (families never)", async (t) => {
  const school = await platform.createSchool({ name: 'École Paul Bert' });
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  const onde = generateOndeSchool({ seed: 11, classes: 2, pupilsPerClass: 20 });
  const preview = await platform.as(director).inject({ method: 'POST', url: `/api/core/schools/${school.id}/imports/onde`, ...filesUpload({ pupils: { name: 'eleves.csv', content: Buffer.from(onde.pupils) }, guardians: { name: 'responsables.csv', content: Buffer.from(onde.guardians) } }) });
  t.equal(preview.statusCode, 201, preview.body);
  t.equal((await platform.as(director).inject({ method: 'POST', url: `/api/core/schools/${school.id}/imports/${preview.json().id}/confirm` })).statusCode, 200);

  // What the file says, column « Autorisation photo » (the one before the last).
  const lines = new TextDecoder('windows-1252').decode(onde.pupils).split(/\r?\n/).filter(Boolean);
  const refused = lines.slice(1).filter((line) => line.split(';').at(-2) === 'Non').map((line) => line.split(';')[2]!).sort();
  t.ok(refused.length > 0, 'the generated file has pupils without authorisation');

  const blog = (await platform.as(director).inject({ method: 'POST', url: '/api/blog/blogs', payload: { schoolId: school.id, title: "Le blog de l'école" } })).json() as { id: number };
  const reminder = await platform.as(director).inject(`/api/blog/blogs/${blog.id}/photo-reminder`);
  t.equal(reminder.statusCode, 200, reminder.body);
  const named = (reminder.json().pupils as { displayName: string }[]).map((p) => refused.find((firstName) => p.displayName.endsWith(` ${firstName}`)) ?? p.displayName);
  t.same(named.sort(), refused, "kept per pupil: the school blog's reminder names exactly those the file refuses");
  const parent = await platform.createUser({ profile: 'Relative', schools: [school] });
  await platform.as(director).inject({ method: 'PUT', url: `/api/core/shares/blog/blog/${blog.id}`, payload: { role: 'contribute', users: [parent.id] } });
  t.equal((await platform.as(parent).inject(`/api/blog/blogs/${blog.id}/photo-reminder`)).statusCode, 403, 'never for families, even contributing');
});
