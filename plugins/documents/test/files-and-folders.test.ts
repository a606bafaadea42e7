import t from 'tap';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import yazl from 'yazl';
import { createTestPlatform, fileUpload, type School, type TestPlatform, type TestUser } from '@preau/core/testing';
import documents from '../src/index.js';
import { bytes, folder, names, upload } from './helpers.js';
import { EXTRACT_LIMITS } from '../src/extract-zip.js';

const CENTRAL = Buffer.from([0x50, 0x4b, 0x01, 0x02]);

let platform: TestPlatform;
let teacher: TestUser;
let tight: TestUser;
let tightSchool: School;
t.before(async () => {
  // Pupils get 1 MiB here, to race the quota cheaply.
  platform = await createTestPlatform({ plugins: [documents], config: { storage: { quotaMb: { Student: 1 } } } });
  tightSchool = await platform.createSchool();
  teacher = await platform.createUser({ profile: 'Teacher', schools: [tightSchool] });
  tight = await platform.createUser({ profile: 'Student', schools: [tightSchool] });
});
t.teardown(() => platform.close());

t.test('a teacher makes folders at any depth, uploads many files at once and lists folders first', async (t) => {
  const classe = await folder(platform, teacher, 'Classe');
  const sorties = await folder(platform, teacher, 'Sorties', classe);
  const zoo = await folder(platform, teacher, 'Zoo', sorties);
  const sent = await upload(platform, teacher, [{ name: 'lion.txt', content: bytes(10) }, { name: 'girafe.txt', content: bytes(20) }, { name: 'ours.txt', content: bytes(30) }], { folderId: sorties });
  t.equal(sent.statusCode, 201, sent.body);
  t.equal(sent.json().length, 3);
  t.same(await names(platform, teacher, sorties), ['Zoo', 'girafe.txt', 'lion.txt', 'ours.txt'], 'folders first, then files by name');
  const details = (await platform.as(teacher).inject(`/api/documents/nodes/${zoo}`)).json();
  t.same(details.path.map((p: { name: string }) => p.name), ['Classe', 'Sorties'], 'the breadcrumb');
  t.equal(details.role, 'owner');
  t.ok((await names(platform, teacher)).includes('Classe'), 'the top of Mes documents');
  const lion = sent.json().find((p: { name: string }) => p.name === 'lion.txt');
  const download = await platform.as(teacher).inject(`/api/documents/nodes/${lion.id}/content`);
  t.equal(download.statusCode, 200);
  t.same(download.rawPayload, bytes(10), 'the file downloads byte for byte');
  t.match(String(download.headers['content-disposition']), /lion\.txt/);
});

t.test('a folder upload recreates its subfolders; a path that climbs out is refused and leaves nothing', async (t) => {
  const target = await folder(platform, teacher, 'Photos de classe');
  const sent = await upload(platform, teacher, [{ name: 'a.txt', content: bytes(5) }, { name: 'b.txt', content: bytes(6) }], { folderId: target, paths: ['Voyage/Jour 1', 'Voyage'] });
  t.equal(sent.statusCode, 201, sent.body);
  t.same(await names(platform, teacher, target), ['Voyage']);
  const voyage = (await platform.as(teacher).inject(`/api/documents/nodes?folderId=${target}`)).json().items[0].id;
  t.same(await names(platform, teacher, voyage), ['Jour 1', 'b.txt']);
  const used = (await platform.platform.storage.usage(teacher.id)).used;
  const escaping = await upload(platform, teacher, [{ name: 'x.txt', content: bytes(7) }], { folderId: target, paths: ['../../etc'] });
  t.equal(escaping.statusCode, 400);
  t.equal(escaping.json().code, 'DOCUMENTS_ERR_PATHS');
  t.equal((await platform.platform.storage.usage(teacher.id)).used, used, 'the refused upload used no quota');
});

t.test('the same name in the same folder makes a new version; versions are listed, downloadable, restorable and count in the quota', async (t) => {
  const dir = await folder(platform, teacher, 'Versions');
  const before = (await platform.platform.storage.usage(teacher.id)).used;
  const first = (await upload(platform, teacher, [{ name: 'Projet.txt', content: bytes(100, 1) }], { folderId: dir })).json()[0];
  const second = (await upload(platform, teacher, [{ name: 'projet.txt', content: bytes(200, 2) }], { folderId: dir })).json()[0];
  t.equal(second.id, first.id, 'the same file');
  t.equal(second.version, 2);
  t.ok(second.newVersion);
  const third = await platform.as(teacher).inject({ method: 'POST', url: `/api/documents/nodes/${first.id}/versions`, ...fileUpload('autre nom.txt', bytes(300, 3)) });
  t.equal(third.statusCode, 201, third.body);
  t.equal(third.json().version, 3, '"Nouvelle version" whatever the name sent');
  t.equal(third.json().name, 'Projet.txt', 'the file keeps its name');
  t.equal((await platform.platform.storage.usage(teacher.id)).used - before, 600, 'every version counts in the quota');
  const versions = (await platform.as(teacher).inject(`/api/documents/nodes/${first.id}/versions`)).json();
  t.same(versions.map((v: { number: number }) => v.number), [3, 2, 1], 'newest first');
  t.equal(versions[2].author.displayName, teacher.displayName);
  t.ok(versions[0].current);
  const old = await platform.as(teacher).inject(`/api/documents/nodes/${first.id}/versions/${versions[2].id}/content`);
  t.same(old.rawPayload, bytes(100, 1), 'an earlier version downloads');
  const restored = await platform.as(teacher).inject({ method: 'POST', url: `/api/documents/nodes/${first.id}/versions/${versions[2].id}/restore` });
  t.equal(restored.json().version, 4, 'restoring makes it the newest version');
  t.same((await platform.as(teacher).inject(`/api/documents/nodes/${first.id}/content`)).rawPayload, bytes(100, 1));
  t.equal((await platform.platform.storage.usage(teacher.id)).used - before, 600, 'restoring copies no bytes');
  t.same(await names(platform, teacher, dir), ['Projet.txt'], 'one file in the folder');
});

t.test('names that collide get " (2)": a new folder, a rename, a move and a copy', async (t) => {
  const dir = await folder(platform, teacher, 'Collisions');
  await folder(platform, teacher, 'Rapport', dir);
  await folder(platform, teacher, 'rapport', dir);
  await upload(platform, teacher, [{ name: 'Rapport.txt', content: bytes(3) }, { name: 'Note.txt', content: bytes(3) }], { folderId: dir });
  t.same(await names(platform, teacher, dir), ['Rapport', 'rapport (2)', 'Note.txt', 'Rapport.txt']);
  const items = (await platform.as(teacher).inject(`/api/documents/nodes?folderId=${dir}`)).json().items;
  const note = items.find((i: { name: string }) => i.name === 'Note.txt');
  const renamed = await platform.as(teacher).inject({ method: 'PATCH', url: `/api/documents/nodes/${note.id}`, payload: { name: 'Rapport.txt' } });
  t.equal(renamed.json().name, 'Rapport (2).txt', 'renamed into a taken name');
  const bad = await platform.as(teacher).inject({ method: 'PATCH', url: `/api/documents/nodes/${note.id}`, payload: { name: '../x' } });
  t.equal(bad.json().code, 'DOCUMENTS_ERR_NAME');
  const copy = await platform.as(teacher).inject({ method: 'POST', url: `/api/documents/nodes/${note.id}/copy`, payload: { folderId: dir } });
  t.equal(copy.statusCode, 201, copy.body);
  t.equal(copy.json().name, 'Rapport (3).txt', 'a copy beside the original');
});

t.test('a folder moves anywhere but into itself or below; a copy duplicates its tree without duplicating bytes', async (t) => {
  const a = await folder(platform, teacher, 'A');
  const b = await folder(platform, teacher, 'B', a);
  const c = await folder(platform, teacher, 'C', b);
  await upload(platform, teacher, [{ name: 'f.txt', content: bytes(50) }], { folderId: c });
  for (const into of [a, c]) {
    const refused = await platform.as(teacher).inject({ method: 'POST', url: `/api/documents/nodes/${a}/move`, payload: { folderId: into } });
    t.equal(refused.json().code, 'DOCUMENTS_ERR_MOVE_INTO_ITSELF');
  }
  const target = await folder(platform, teacher, 'Destination');
  const moved = await platform.as(teacher).inject({ method: 'POST', url: `/api/documents/nodes/${b}/move`, payload: { folderId: target } });
  t.equal(moved.statusCode, 200, moved.body);
  t.same(await names(platform, teacher, target), ['B']);
  t.same(await names(platform, teacher, a), []);
  const used = (await platform.platform.storage.usage(teacher.id)).used;
  const copy = (await platform.as(teacher).inject({ method: 'POST', url: `/api/documents/nodes/${b}/copy`, payload: { folderId: a } })).json();
  const copiedC = (await platform.as(teacher).inject(`/api/documents/nodes?folderId=${copy.id}`)).json().items[0];
  t.same(await names(platform, teacher, copiedC.id), ['f.txt'], 'the whole tree is copied');
  t.equal((await platform.platform.storage.usage(teacher.id)).used, used, 'the bytes are shared, not copied');
  const toTop = await platform.as(teacher).inject({ method: 'POST', url: `/api/documents/nodes/${c}/move`, payload: { folderId: null } });
  t.equal(toTop.statusCode, 200);
  t.ok((await names(platform, teacher)).includes('C'), 'moved to the top of Mes documents');
});

t.test('search ignores accents and case; sorting by name is French, by date and size too; pages follow without gaps', async (t) => {
  const dir = await folder(platform, teacher, 'Tri');
  const files = ['éléphant.txt', 'Zèbre.txt', 'abeille.txt', 'Écureuil.txt', 'Baleine.txt'];
  for (const [i, name] of files.entries()) {
    platform.clock.advance(1000);
    await upload(platform, teacher, [{ name, content: bytes(10 * (i + 1)) }], { folderId: dir });
  }
  t.same(await names(platform, teacher, dir), ['abeille.txt', 'Baleine.txt', 'Écureuil.txt', 'éléphant.txt', 'Zèbre.txt'], 'French order');
  t.same(await names(platform, teacher, dir, 'sort=size&order=desc'), ['Baleine.txt', 'Écureuil.txt', 'abeille.txt', 'Zèbre.txt', 'éléphant.txt'], 'biggest first');
  t.same(await names(platform, teacher, dir, 'q=ELEPH'), ['éléphant.txt'], 'accents and case ignored');
  t.same(await names(platform, teacher, undefined, 'q=zebre'), ['Zèbre.txt'], 'search from the top reaches every folder');
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: { name: string }[]; nextCursor: string | null } = (await platform.as(teacher).inject(`/api/documents/nodes?folderId=${dir}&sort=date&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
    seen.push(...page.items.map((i) => i.name));
    cursor = page.nextCursor;
  } while (cursor);
  t.same(seen, files, 'by date, oldest first, page by page');
  t.equal((await platform.as(teacher).inject(`/api/documents/nodes?folderId=${dir}&cursor=abc`)).json().code, 'PREAU_ERR_CURSOR');
});

t.test('racing uploads never pass the quota, and a refused upload leaves nothing', async (t) => {
  const half = 450 * 1024;
  const results = await Promise.all([1, 2, 3, 4].map((seed) => upload(platform, tight, [{ name: `gros-${seed}.bin`, content: bytes(half, seed) }])));
  const ok = results.filter((r) => r.statusCode === 201).length;
  t.equal(ok, 2, 'two fit in 1 MiB');
  t.ok(results.filter((r) => r.statusCode !== 201).every((r) => r.json().code === 'PREAU_ERR_STORAGE_QUOTA'), results.map((r) => r.body).join());
  t.ok((await platform.platform.storage.usage(tight.id)).used <= 1024 * 1024);
  t.equal((await names(platform, tight)).length, 2, 'only the stored files are listed');
});

t.test('a file sent from an editor goes into "Fichiers insérés", and a refused one leaves no empty folder', async (t) => {
  const pupil = await platform.createUser({ profile: 'Student', schools: [tightSchool] });
  const refused = await upload(platform, pupil, [{ name: 'trop-gros.bin', content: bytes(2 * 1024 * 1024) }], { inserted: true });
  t.equal(refused.json().code, 'PREAU_ERR_STORAGE_QUOTA', 'over the quota');
  const badPaths = await upload(platform, pupil, [{ name: 'dessin.txt', content: bytes(10) }], { inserted: true, paths: ['../..', 'x'] });
  t.equal(badPaths.statusCode, 400, 'a malformed request');
  t.same(await names(platform, pupil), [], 'no folder was made for them');
  for (const seed of [1, 2]) {
    const sent = await upload(platform, pupil, [{ name: `dessin-${seed}.txt`, content: bytes(10, seed) }], { inserted: true });
    t.equal(sent.statusCode, 201, sent.body);
  }
  t.same(await names(platform, pupil), ['Fichiers insérés'], 'one folder, made with the first file');
  const inserted = await platform.knex('documents.nodes').where({ owner_id: pupil.id, is_file: false }).first('id');
  t.same(await names(platform, pupil, inserted.id), ['dessin-1.txt', 'dessin-2.txt']);
});

t.test('a folder downloads as a ZIP of its tree', async (t) => {
  const dir = await folder(platform, teacher, 'Archive');
  const sub = await folder(platform, teacher, 'Sous-dossier', dir);
  await upload(platform, teacher, [{ name: 'un.bin', content: bytes(1000, 7) }], { folderId: dir });
  await upload(platform, teacher, [{ name: 'deux.txt', content: Buffer.from('Bonjour à tous\n'.repeat(50)) }], { folderId: sub });
  const zip = await platform.as(teacher).inject(`/api/documents/nodes/${dir}/zip`);
  t.equal(zip.statusCode, 200);
  t.equal(zip.headers['content-type'], 'application/zip');
  t.match(String(zip.headers['content-disposition']), /Archive\.zip/);
  const body = zip.rawPayload;
  t.equal(body.readUInt32LE(0), 0x04034b50, 'a ZIP');
  t.ok(body.includes(Buffer.from('Sous-dossier/deux.txt')) && body.includes(Buffer.from('un.bin')), 'with the tree');
  t.ok(body.includes(bytes(1000, 7)), 'a binary file is stored as it is');
  // The central directory's checksums: what an unzip program verifies.
  const crcs = new Map<string, number>();
  for (let at = body.indexOf(CENTRAL); at >= 0; at = body.indexOf(CENTRAL, at + 4)) {
    crcs.set(body.subarray(at + 46, at + 46 + body.readUInt16LE(at + 28)).toString('utf8'), body.readUInt32LE(at + 16));
  }
  t.equal(crcs.get('Archive/un.bin'), crc32(bytes(1000, 7)), 'the stored file has its CRC-32');
  t.equal(crcs.get('Archive/Sous-dossier/deux.txt'), crc32(Buffer.from('Bonjour à tous\n'.repeat(50))), 'the deflated one too');
  const file = (await platform.as(teacher).inject(`/api/documents/nodes?folderId=${dir}`)).json().items.find((i: { kind: string }) => i.kind === 'file');
  t.equal((await platform.as(teacher).inject(`/api/documents/nodes/${file.id}/zip`)).json().code, 'DOCUMENTS_ERR_NOT_A_FOLDER');
});

t.test('an image gets a thumbnail, made once and kept', async (t) => {
  const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 200, g: 80, b: 40 } } }).jpeg().toBuffer();
  const [placed] = (await upload(platform, teacher, [{ name: 'sortie.jpg', content: photo }])).json();
  const item = (await platform.as(teacher).inject(`/api/documents/nodes/${placed.id}`)).json().item;
  t.ok(item.thumbnail, 'listed with a thumbnail');
  const first = await platform.as(teacher).inject(`/api/documents/nodes/${placed.id}/thumbnail`);
  t.equal(first.statusCode, 200);
  t.equal(first.headers['content-type'], 'image/webp');
  const meta = await sharp(first.rawPayload).metadata();
  t.equal(Math.max(meta.width!, meta.height!), 320, 'its longest side is 320 pixels');
  const blobs = await platform.storedBlobCount();
  const second = await platform.as(teacher).inject(`/api/documents/nodes/${placed.id}/thumbnail`);
  t.same(second.rawPayload, first.rawPayload);
  t.equal(await platform.storedBlobCount(), blobs, 'not made again');
  const [text] = (await upload(platform, teacher, [{ name: 'texte.txt', content: bytes(4) }])).json();
  t.equal((await platform.as(teacher).inject(`/api/documents/nodes/${text.id}/thumbnail`)).statusCode, 404, 'no thumbnail for a text');
});

/** A ZIP made with yazl from `[name, bytes, mode?]` entries. */
async function makeZip(entries: [string, Buffer, number?][]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content, mode] of entries) zip.addBuffer(content, name, mode ? { mode } : {});
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Uploads a ZIP, asks for its extraction, runs the job and returns the extraction's state. */
async function extract(name: string, zip: Buffer) {
  const [placed] = (await upload(platform, teacher, [{ name, content: zip }])).json();
  const asked = await platform.as(teacher).inject({ method: 'POST', url: `/api/documents/nodes/${placed.id}/extract` });
  if (asked.statusCode !== 202) throw new Error(asked.body);
  await platform.runScheduledJobs();
  return (await platform.as(teacher).inject(`/api/documents/extractions/${asked.json().id}`)).json();
}

t.test('an uploaded ZIP is extracted by a job into a folder beside it; bombs, paths that climb out and links are refused whole', async (t) => {
  const good = await extract('sortie.zip', await makeZip([['photos/a.txt', Buffer.from('A')], ['b.txt', Buffer.from('B')]]));
  t.match(good, { state: 'done', files: 2 });
  t.same(await names(platform, teacher, good.folderId), ['photos', 'b.txt'], 'the tree is recreated');
  const top = await names(platform, teacher);
  t.ok(top.includes('sortie') && top.includes('sortie.zip'), 'beside the ZIP');

  const escaping = await makeZip([['xx/evil.txt', Buffer.from('!')]]);
  for (let at = escaping.indexOf('xx/evil'); at >= 0; at = escaping.indexOf('xx/evil', at + 1)) escaping.write('../', at, 'latin1');
  const climbed = await extract('echappe.zip', escaping);
  t.equal(climbed.state, 'failed', 'a path with ".." is refused');
  t.notOk((await names(platform, teacher)).includes('echappe'), 'and leaves no folder');

  const linked = await extract('lien.zip', await makeZip([['ok.txt', Buffer.from('ok')], ['lien', Buffer.from('/etc/passwd'), 0o120777]]));
  t.equal(linked.state, 'failed');
  t.match(linked.message, /lien/);

  const before = (await platform.platform.storage.usage(teacher.id)).used;
  const limit = EXTRACT_LIMITS.bytes;
  EXTRACT_LIMITS.bytes = 10_000;
  t.teardown(() => { EXTRACT_LIMITS.bytes = limit; });
  const bombZip = await makeZip([['un.txt', Buffer.alloc(6_000)], ['deux.txt', Buffer.alloc(6_000)]]);
  const bomb = await extract('bombe.zip', bombZip);
  t.equal(bomb.state, 'failed', 'past the bound on uncompressed bytes');
  t.equal((await platform.platform.storage.usage(teacher.id)).used - before, bombZip.length, 'only the ZIP itself is stored');
});
