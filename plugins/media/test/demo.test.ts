import t from 'tap';
import type { DemoContext } from '@preau/sdk';
import { createTestPlatform } from '@preau/core/testing';
import plugin from '../src/index.js';
import { unzip, type PageAnswer } from './book-helpers.js';

t.test("the demo has a recording for the teacher and the class's book of the sea, which its parents read and download", async (t) => {
  const platform = await createTestPlatform({ plugins: [plugin] });
  t.teardown(() => platform.close());
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const cm1 = await platform.createClass({ school, label: 'CM1', teachers: [director], pupils: 1, relativesPerPupil: 1 });
  const cm2 = await platform.createClass({ school, label: 'CM2', teachers: [teacher], pupils: 1, relativesPerPupil: 1 });
  const context: DemoContext = { schoolId: school.id, director: director.id, teachers: [{ id: director.id, classId: cm1.id }, { id: teacher.id, classId: cm2.id }], now: platform.clock.now() };
  const record = platform.platform.plugins.get('media')!;
  await record.manifest!.demo!(context, record.services!);
  await record.manifest!.demo!(context, record.services!);

  t.equal((await platform.as(director).inject('/api/media/recordings')).json().length, 1, 'the tuning fork, once');
  const parent = cm2.relatives[0]![0]!;
  const books = (await platform.as(parent).inject('/api/media/books')).json() as { id: number; title: string; pages: number }[];
  t.match(books, [{ title: 'Notre classe de mer', pages: 3 }], 'run twice, one book');
  const { pages } = (await platform.as(parent).inject(`/api/media/books/${books[0]!.id}`)).json() as { pages: PageAnswer[] };
  t.same(pages.map((p) => p.template), ['picture-text', 'two-pictures', 'video-text']);
  for (const src of [pages[0]!.pictures[0]!, pages[0]!.sound!, pages[2]!.video!.src, pages[2]!.video!.poster!]) {
    t.equal((await platform.as(parent).inject(src)).statusCode, 200, `the parent opens ${src}`);
  }
  t.same(await platform.as(cm1.relatives[0]![0]!).inject('/api/media/books').then((r) => r.json()), [], "a CM1 parent does not read the CM2's book");
  const zip = await unzip((await platform.as(parent).inject(`/api/media/books/${books[0]!.id}/zip`)).rawPayload);
  t.equal(zip.size, 7, 'index.html and six files');
});
