import t from 'tap';
import { fileUpload, waitFor } from '@preau/core/testing';
import { cm2School, PISCINE } from './helpers/cm2-school.js';

// The smallest valid PNG: storage detects its type from the bytes.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');


t.test('a word carries the files its author uploaded; the families it reached download them, nobody else', async (t) => {
  const s = await cm2School();
  t.teardown(() => s.platform.close());
  const { platform, teacher, families } = s;
  const uploaded = await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/attachments', ...fileUpload('autorisation piscine.png', PNG) });
  t.equal(uploaded.statusCode, 201, uploaded.body);
  const [file] = uploaded.json();
  t.equal(file.mediaType, 'image/png');

  const word = (await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/words', payload: { ...PISCINE, classIds: [s.classId], attachmentIds: [file.id] } })).json();
  t.same(word.attachments.map((a: { name: string }) => a.name), ['autorisation piscine.png']);
  const parent = families[8]!.relatives[0]!;
  const [seen] = (await platform.as(parent).inject(`/api/liaison/words/${word.id}/family`)).json();
  t.equal(seen.attachments[0].id, file.id, 'the family sees the file');
  const download = await platform.as(parent).inject(`/api/liaison/words/${word.id}/attachments/${file.id}`);
  t.equal(download.statusCode, 200);
  t.equal(download.headers['x-content-type-options'], 'nosniff');
  t.match(String(download.headers['content-disposition']), /attachment/);
  t.same(download.rawPayload, PNG, 'the bytes come back');
  t.equal((await platform.as(s.otherParent).inject(`/api/liaison/words/${word.id}/attachments/${file.id}`)).statusCode, 404, 'a parent of another class cannot');
  t.equal((await platform.as(s.foreignTeacher).inject(`/api/liaison/words/${word.id}/attachments/${file.id}`)).statusCode, 404, "another school's teacher cannot");

  // Someone else's upload cannot be attached by guessing its id.
  const other = (await platform.as(s.otherTeacher).inject({ method: 'POST', url: '/api/liaison/attachments', ...fileUpload('x.png', PNG) })).json()[0];
  const stolen = await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/words', payload: { ...PISCINE, classIds: [s.classId], attachmentIds: [other.id] } });
  t.equal(stolen.json().code, 'LIAISON_ERR_ATTACHMENT');

  // A copy shares the file; deleting the original keeps it for the copy, deleting both frees it.
  const copy = (await platform.as(s.director).inject({ method: 'POST', url: `/api/liaison/words/${word.id}/copy`, payload: { classIds: [s.otherClassId] } })).json();
  t.equal(copy.attachments[0].id, file.id, 'the copy shares the file');
  await platform.as(teacher).inject({ method: 'DELETE', url: `/api/liaison/words/${word.id}` });
  t.ok(await platform.platform.storage.stat(file.id), 'still there for the copy');
  await platform.as(s.director).inject({ method: 'DELETE', url: `/api/liaison/words/${copy.id}` });
  // The file is collected once the deleting transaction has committed.
  t.ok(await waitFor(async () => !(await platform.platform.storage.stat(file.id)), { what: 'the file to be collected' }), 'gone with the last word');
});

t.test('the nightly purge deletes words sent more than 24 months ago, with their signatures and files, and keeps the others', async (t) => {
  const s = await cm2School();
  t.teardown(() => s.platform.close());
  const { platform, teacher, families } = s;
  const start = platform.clock.now();
  const [file] = (await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/attachments', ...fileUpload('piscine.png', PNG) })).json();
  const old = (await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/words', payload: { ...PISCINE, classIds: [s.classId], attachmentIds: [file.id] } })).json();
  const parent = families[0]!.relatives[0]!;
  t.equal((await platform.as(parent).inject({ method: 'POST', url: `/api/liaison/words/${old.id}/pupils/${families[0]!.pupil.id}/acknowledgement` })).statusCode, 201);
  const recent = (await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/words', payload: { ...PISCINE, title: 'Réunion de rentrée', classIds: [s.classId] } })).json();
  // The first word is made two years and a month old (the class, like any, lives in one school year).
  const longAgo = new Date(start.getTime() - 760 * 86_400_000);
  await platform.knex('liaison.words').where({ id: old.id }).update({ sent_at: longAgo, created_at: longAgo });

  const purge = platform.platform.dailyJobs.find((job) => job.name === 'liaison:purge');
  t.ok(purge, 'the purge is a daily job');
  t.equal(Number(await purge!.run(platform.clock.now())), 1, 'one word is past 24 months');
  t.same((await platform.knex('liaison.words').whereIn('id', [old.id, recent.id]).pluck('id')), [recent.id], 'the recent word stays');
  t.equal((await platform.knex('liaison.acknowledgements').where({ word_id: old.id })).length, 0, 'the signatures go with the word');
  t.ok(await waitFor(async () => !(await platform.platform.storage.stat(file.id)), { what: 'the file to be collected' }), 'and its file is collected');
});
