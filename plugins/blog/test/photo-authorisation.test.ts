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
  const stored = await platform.knex('core.users').where({ profile: 'Student', photo_authorisation: false }).pluck('first_name');
  t.same([...stored].sort(), refused, 'kept per pupil');
  t.equal(Number((await platform.knex('core.users').where({ profile: 'Student' }).whereNull('photo_authorisation').count<{ n: string }[]>('* as n'))[0]!.n), 0);

  const blog = (await platform.as(director).inject({ method: 'POST', url: '/api/blog/blogs', payload: { schoolId: school.id, title: "Le blog de l'école" } })).json() as { id: number };
  const reminder = await platform.as(director).inject(`/api/blog/blogs/${blog.id}/photo-reminder`);
  t.equal(reminder.statusCode, 200, reminder.body);
  t.equal((reminder.json().pupils as unknown[]).length, refused.length, "the school blog's reminder names them all");
  const parent = await platform.createUser({ profile: 'Relative', schools: [school] });
  await platform.as(director).inject({ method: 'PUT', url: `/api/core/shares/blog/blog/${blog.id}`, payload: { role: 'contribute', users: [parent.id] } });
  t.equal((await platform.as(parent).inject(`/api/blog/blogs/${blog.id}/photo-reminder`)).statusCode, 403, 'never for families, even contributing');
});
