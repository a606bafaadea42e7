import t from 'tap';
import { createTestPlatform, fileUpload, type TestPlatform, type TestUser } from '@preau/core/testing';
import documents from '../src/index.js';
import { bytes, folder, names, upload } from './helpers.js';

let platform: TestPlatform;
let director: TestUser;
let teacher: TestUser;
let parent: TestUser;
let otherParent: TestUser;
let stranger: TestUser;
let parentsGroup: number;
let schoolId: number;
t.before(async () => {
  platform = await createTestPlatform({ plugins: [documents] });
  const school = await platform.createSchool();
  schoolId = school.id;
  director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const cm2 = await platform.createClass({ school, label: 'CM2', teachers: [teacher], pupils: 2, relativesPerPupil: 1 });
  parent = cm2.relatives[0]![0]!;
  otherParent = cm2.relatives[1]![0]!;
  const elsewhere = await platform.createSchool();
  stranger = await platform.createUser({ profile: 'Teacher', schools: [elsewhere] });
  parentsGroup = await platform.derivedGroupId({ schoolId: school.id }, 'Relative');
});
t.teardown(() => platform.close());

const share = (by: TestUser, type: string, id: number, payload: object) =>
  platform.as(by).inject({ method: 'PUT', url: `/api/core/shares/documents/${type}/${id}`, payload: { notify: false, ...payload } });

t.test("the director's folder shared read-only with the school's parents: they open and download it, change nothing", async (t) => {
  const dossier = await folder(platform, director, 'Dossier parents');
  const [rules] = (await upload(platform, director, [{ name: 'Règlement.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n') }], { folderId: dossier })).json();
  const shared = await share(director, 'folder', dossier, { role: 'read', groups: [parentsGroup] });
  t.equal(shared.statusCode, 200, shared.body);

  const mine = (await platform.as(parent).inject('/api/documents/shared-with-me')).json();
  t.equal(mine.people.length, 1);
  t.equal(mine.people[0].sharedBy.displayName, director.displayName, 'by the person who shared it');
  t.same(mine.people[0].items.map((i: { name: string; role: string }) => [i.name, i.role]), [['Dossier parents', 'read']]);
  t.same(await names(platform, parent, dossier), ['Règlement.pdf'], 'the parent opens the folder');
  const download = await platform.as(parent).inject(`/api/documents/nodes/${rules.id}/content`);
  t.equal(download.statusCode, 200, 'and downloads the file inside (the share is inherited)');
  const blobId = (await platform.as(director).inject(`/api/documents/nodes/${rules.id}`)).json().item.blobId;
  t.equal((await platform.as(parent).inject(`/api/core/files/${blobId}`)).statusCode, 200, 'its file opens at the address texts insert');
  t.equal((await platform.as(stranger).inject(`/api/core/files/${blobId}`)).statusCode, 404, 'for nobody else');
  const details = (await platform.as(parent).inject(`/api/documents/nodes/${rules.id}`)).json();
  t.same(details.path.map((p: { name: string }) => p.name), ['Dossier parents'], 'the breadcrumb starts at the shared folder');

  const refusals = [
    await upload(platform, parent, [{ name: 'x.txt', content: bytes(3) }], { folderId: dossier }),
    await platform.as(parent).inject({ method: 'PATCH', url: `/api/documents/nodes/${rules.id}`, payload: { name: 'y.pdf' } }),
    await platform.as(parent).inject({ method: 'POST', url: `/api/documents/nodes/${rules.id}/trash` }),
    await platform.as(parent).inject({ method: 'POST', url: `/api/documents/nodes/${rules.id}/versions`, ...fileUpload('r.pdf', bytes(4)) }),
  ];
  t.same(refusals.map((r) => r.statusCode), [403, 403, 403, 403], 'a reader adds, renames, deletes nothing');
  t.ok(refusals.every((r) => r.json().code === 'DOCUMENTS_ERR_ROLE'));
  t.same(await names(platform, parent, dossier), ['Règlement.pdf'], 'nothing changed');
  const copy = await platform.as(parent).inject({ method: 'POST', url: `/api/documents/nodes/${rules.id}/copy`, payload: {} });
  t.equal(copy.statusCode, 201, 'a reader may copy it into their own space');
  t.ok((await names(platform, parent)).includes('Règlement.pdf'));
});

t.test("a stranger's id gets 404 on every route, a reader's id of what is not shared too", async (t) => {
  const secret = await folder(platform, teacher, 'Privé');
  const [file] = (await upload(platform, teacher, [{ name: 'notes.txt', content: bytes(8) }], { folderId: secret })).json();
  const version = (await platform.as(teacher).inject(`/api/documents/nodes/${file.id}/versions`)).json()[0].id;
  const calls: [string, string, object?][] = [
    ['GET', `/api/documents/nodes?folderId=${secret}`],
    ['GET', `/api/documents/nodes/${file.id}`],
    ['GET', `/api/documents/nodes/${file.id}/content`],
    ['GET', `/api/documents/nodes/${file.id}/thumbnail`],
    ['GET', `/api/documents/nodes/${secret}/zip`],
    ['GET', `/api/documents/nodes/${file.id}/versions`],
    ['GET', `/api/documents/nodes/${file.id}/versions/${version}/content`],
    ['POST', `/api/documents/nodes/${file.id}/versions/${version}/restore`],
    ['PATCH', `/api/documents/nodes/${file.id}`, { name: 'x' }],
    ['POST', `/api/documents/nodes/${file.id}/move`, { folderId: null }],
    ['POST', `/api/documents/nodes/${file.id}/copy`, {}],
    ['POST', `/api/documents/nodes/${file.id}/trash`],
    ['PUT', `/api/documents/nodes/${secret}/follow`],
    ['POST', '/api/documents/folders', { name: 'x', parentId: secret }],
    ['POST', `/api/documents/trash/${file.id}/restore`],
    ['DELETE', `/api/documents/trash/${file.id}`],
  ];
  for (const user of [stranger, parent]) {
    for (const [method, url, payload] of calls) {
      const response = await platform.as(user).inject({ method: method as 'GET', url, ...(payload ? { payload } : {}) });
      t.equal(response.statusCode, 404, `${user === stranger ? 'stranger' : 'parent'}: ${method} ${url}`);
    }
    const sent = await upload(platform, user, [{ name: 'x.txt', content: bytes(2) }], { folderId: secret });
    t.equal(sent.statusCode, 404, 'an upload into it');
  }
  t.same(await names(platform, teacher, secret), ['notes.txt'], 'nothing changed');
});

t.test('contribution adds files and versions; management renames and deletes; shares reach everything inside', async (t) => {
  const projet = await folder(platform, teacher, 'Projet commun');
  const sub = await folder(platform, teacher, 'Textes', projet);
  const granted = await share(teacher, 'folder', projet, { role: 'contribute', users: [director.id] });
  t.equal(granted.statusCode, 200, granted.body);
  const added = await upload(platform, director, [{ name: 'idée.txt', content: bytes(5) }], { folderId: sub });
  t.equal(added.statusCode, 201, 'a contributor adds a file in a subfolder');
  const [mine] = (await upload(platform, teacher, [{ name: 'plan.txt', content: bytes(5) }], { folderId: sub })).json();
  const version = await platform.as(director).inject({ method: 'POST', url: `/api/documents/nodes/${mine.id}/versions`, ...fileUpload('plan.txt', bytes(6)) });
  t.equal(version.statusCode, 201, 'and a new version of a file');
  t.equal((await platform.as(director).inject({ method: 'PATCH', url: `/api/documents/nodes/${mine.id}`, payload: { name: 'z.txt' } })).statusCode, 403, 'not a rename');
  await share(teacher, 'folder', projet, { role: 'manage', users: [director.id] });
  t.equal((await platform.as(director).inject({ method: 'PATCH', url: `/api/documents/nodes/${mine.id}`, payload: { name: 'Plan.txt' } })).statusCode, 200, 'a manager renames');
  t.equal((await platform.as(director).inject({ method: 'POST', url: `/api/documents/nodes/${mine.id}/trash` })).statusCode, 204, 'and deletes');
});

t.test('following a folder: a notification for each new file in it', async (t) => {
  const photos = await folder(platform, teacher, 'Photos CM2');
  await share(teacher, 'folder', photos, { role: 'read', users: [parent.id] });
  t.equal((await platform.as(parent).inject({ method: 'PUT', url: `/api/documents/nodes/${photos}/follow` })).statusCode, 204);
  t.ok((await platform.as(parent).inject(`/api/documents/nodes/${photos}`)).json().following);
  await upload(platform, teacher, [{ name: 'kermesse.txt', content: bytes(9) }], { folderId: photos });
  const timeline = (await platform.as(parent).inject('/api/core/timeline?app=documents')).json().items;
  t.equal(timeline.length, 1);
  t.match(timeline[0].params, { name: 'kermesse.txt', folder: 'Photos CM2' });
  await platform.as(parent).inject({ method: 'DELETE', url: `/api/documents/nodes/${photos}/follow` });
  await upload(platform, teacher, [{ name: 'fête.txt', content: bytes(9) }], { folderId: photos });
  t.equal((await platform.as(parent).inject('/api/core/timeline?app=documents')).json().items.length, 1, 'nothing once unfollowed');
});

const trashNames = async (): Promise<string[]> => (await platform.as(teacher).inject('/api/documents/trash')).json().map((i: { name: string }) => i.name);
const sharedNames = async (user: TestUser): Promise<string[]> =>
  (await platform.as(user).inject('/api/documents/shared-with-me')).json().people.flatMap((p: { items: { name: string }[] }) => p.items.map((i) => i.name));

t.test('the Corbeille: a trashed folder vanishes with its content, comes back, is deleted for good, and is purged after 30 days', async (t) => {
  const box = await folder(platform, teacher, 'Vieux');
  const inner = await folder(platform, teacher, 'Dedans', box);
  const [file] = (await upload(platform, teacher, [{ name: 'vieux.bin', content: bytes(1000, 9) }], { folderId: inner })).json();
  await share(teacher, 'folder', box, { role: 'read', users: [otherParent.id] });
  const used = (await platform.platform.storage.usage(teacher.id)).used;
  t.equal((await platform.as(teacher).inject({ method: 'POST', url: `/api/documents/nodes/${box}/trash` })).statusCode, 204);
  t.notOk((await names(platform, teacher)).includes('Vieux'), 'gone from Mes documents');
  t.equal((await platform.as(teacher).inject(`/api/documents/nodes/${file.id}`)).statusCode, 404, 'its content with it');
  t.notOk((await sharedNames(otherParent)).some((name) => name.startsWith('Vieux')), 'and from Partagé avec moi');
  t.same((await trashNames()).filter((name) => name === 'Vieux'), ['Vieux'], 'one entry in the trash');

  await folder(platform, teacher, 'Vieux');
  t.equal((await platform.as(teacher).inject({ method: 'POST', url: `/api/documents/trash/${box}/restore` })).statusCode, 204);
  t.ok((await names(platform, teacher)).includes('Vieux (2)'), 'restored beside the new folder of the same name');
  t.equal((await platform.as(teacher).inject(`/api/documents/nodes/${file.id}/content`)).statusCode, 200, 'with its content');
  t.ok((await sharedNames(otherParent)).includes('Vieux (2)'), 'and its shares');

  await platform.as(teacher).inject({ method: 'POST', url: `/api/documents/nodes/${box}/trash` });
  t.equal((await platform.as(teacher).inject({ method: 'DELETE', url: `/api/documents/trash/${box}` })).statusCode, 204);
  t.notOk((await trashNames()).includes('Vieux (2)'), 'no longer in the trash');
  for (let tries = 0; tries < 50 && (await platform.platform.storage.usage(teacher.id)).used !== used - 1000; tries += 1) await new Promise((r) => setImmediate(r));
  t.equal((await platform.platform.storage.usage(teacher.id)).used, used - 1000, 'deleted for good, its bytes free the quota');

  const old = await folder(platform, teacher, 'Ancien');
  await platform.as(teacher).inject({ method: 'POST', url: `/api/documents/nodes/${old}/trash` });
  const purge = platform.platform.dailyJobs.find((job) => job.name === 'documents:purge-trash')!;
  await purge.run(new Date(platform.clock.now().getTime() + 29 * 86_400_000));
  t.ok((await trashNames()).includes('Ancien'), 'kept 29 days');
  await purge.run(new Date(platform.clock.now().getTime() + 31 * 86_400_000));
  t.same(await trashNames(), [], 'purged after 30, with what else was in the trash');
  t.equal((await platform.as(teacher).inject({ method: 'DELETE', url: '/api/documents/trash' })).json().deleted, 0, 'emptying an empty trash');
});

t.test("the demo's Dossier parents: shared read-only with the school's parents, holding the school rules as a PDF", async (t) => {
  const school = await platform.createSchool({ name: 'École de la démo' });
  const head = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  const ce1 = await platform.createClass({ school, label: 'CE1', teachers: [head], pupils: 1, relativesPerPupil: 1 });
  const record = platform.platform.plugins.get('documents')!;
  const context = { schoolId: school.id, director: head.id, teachers: [{ id: head.id, classId: ce1.id }], now: platform.clock.now() };
  await record.manifest!.demo!(context, record.services!);
  await record.manifest!.demo!(context, record.services!);
  const family = ce1.relatives[0]![0]!;
  const people = (await platform.as(family).inject('/api/documents/shared-with-me')).json().people;
  t.equal(people.length, 1, 'run twice, one folder');
  const dossier = people[0].items[0];
  t.match(dossier, { name: 'Dossier parents', role: 'read' });
  const [rules] = (await platform.as(family).inject(`/api/documents/nodes?folderId=${dossier.id}`)).json().items;
  t.match(rules, { name: "Règlement de l'école.pdf", mediaType: 'application/pdf' });
  const pdf = (await platform.as(family).inject(`/api/documents/nodes/${rules.id}/content`)).rawPayload.toString('latin1');
  t.match(pdf, /^%PDF-1\.4/);
  t.match(pdf, /startxref\n\d+\n%%EOF\n$/, 'a complete PDF');
  const xref = Number(/startxref\n(\d+)/.exec(pdf)![1]);
  t.equal(pdf.slice(xref, xref + 4), 'xref', 'whose cross-reference table is where it says');
});

t.test('switched off for the school, the app answers no one there, and its files no longer open through it', async (t) => {
  const dossier = await folder(platform, teacher, 'Fermé');
  const [file] = (await upload(platform, teacher, [{ name: 'note.txt', content: bytes(12) }], { folderId: dossier })).json();
  const blobId = (await platform.as(teacher).inject(`/api/documents/nodes/${file.id}`)).json().item.blobId;
  await share(teacher, 'folder', dossier, { role: 'read', users: [parent.id] });
  t.equal((await platform.as(parent).inject(`/api/core/files/${blobId}`)).statusCode, 200);
  await platform.platform.apps.set(schoolId, { app: 'documents', enabled: false, startsOn: null, endsOn: null }, null);
  t.teardown(() => platform.platform.apps.set(schoolId, { app: 'documents', enabled: true, startsOn: null, endsOn: null }, null));
  const refused = await platform.as(teacher).inject('/api/documents/nodes');
  t.equal(refused.statusCode, 403);
  t.equal(refused.json().code, 'PREAU_ERR_APP_DISABLED');
  t.equal((await platform.as(parent).inject(`/api/core/files/${blobId}`)).statusCode, 404, 'the shared file is no longer readable through Documents');
});
