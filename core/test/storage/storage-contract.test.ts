import t from 'tap';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { createTestPlatform } from '../../src/testing/index.js';
import { diskStorage, pattern, PNG, readAll, s3Storage, type StorageUnderTest } from './storage-fixtures.js';

// One contract, two drivers: everything the apps rely on behaves the same on the local disk and on S3.
for (const [label, open] of [['disk', diskStorage], ['s3', s3Storage]] as const) {
  t.test(`the ${label} driver`, async (t) => {
    const backend: StorageUnderTest = await open({ maxUploadMb: 20 });
    const platform = await createTestPlatform({ config: { storage: backend.config } });
    t.teardown(async () => {
      await platform.close();
      await backend.close();
    });
    const storage = platform.platform.storage;
    const school = await platform.createSchool();
    const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });

    t.test('a file comes back byte for byte with its size, hash and detected type', async (t) => {
      const blob = await storage.put(Readable.from([PNG]), { owner: teacher.id, name: 'sortie.txt', mediaType: 'text/html' });
      t.equal(blob.size, PNG.length);
      t.equal(blob.sha256, createHash('sha256').update(PNG).digest('hex'));
      t.equal(blob.mediaType, 'image/png', 'the bytes decide, not the name nor the client');
      t.equal(blob.name, 'sortie.txt');
      const got = await storage.get(blob.id);
      t.same(await readAll(got!.stream), PNG);
      t.equal((await storage.stat(blob.id))?.sha256, blob.sha256);
      t.equal((await storage.usage(teacher.id)).used, PNG.length);
    });

    t.test('a large file streams in and out in parts', async (t) => {
      const size = 12 * 1024 * 1024 + 123;
      const hash = createHash('sha256');
      for await (const chunk of pattern(size)) hash.update(chunk);
      const blob = await storage.put(pattern(size), { owner: teacher.id, name: 'vidéo de la kermesse.bin' });
      t.equal(blob.size, size);
      t.equal(blob.sha256, hash.digest('hex'));
      t.equal(blob.mediaType, 'application/octet-stream');
      const back = createHash('sha256');
      let length = 0;
      for await (const chunk of (await storage.get(blob.id))!.stream) {
        back.update(chunk as Buffer);
        length += (chunk as Buffer).length;
      }
      t.equal(length, size);
      t.equal(back.digest('hex'), blob.sha256);
      t.ok(await storage.delete(blob.id));
    });

    t.test('text is text/plain only when it is valid UTF-8, and HTML is never HTML', async (t) => {
      const html = await storage.put(Readable.from([Buffer.from('<html><script>alert(1)</script></html>')]), { owner: teacher.id, name: 'page.html', mediaType: 'text/html' });
      t.equal(html.mediaType, 'text/plain');
      const csv = await storage.put(Readable.from([Buffer.from('nom;prénom\nMARTIN;Léa\n')]), { owner: teacher.id, name: 'liste.csv', mediaType: 'text/csv' });
      t.equal(csv.mediaType, 'text/csv');
      const binary = await storage.put(Readable.from([Buffer.from([0x00, 0x01, 0x80, 0xff, 0xfe])]), { owner: teacher.id, name: 'x', mediaType: 'text/plain' });
      t.equal(binary.mediaType, 'application/octet-stream');
    });

    t.test('file names are sanitized', async (t) => {
      const blob = await storage.put(Readable.from([Buffer.from('x')]), { owner: teacher.id, name: '../../etc/pass\u202ewd<script>.txt' });
      t.equal(blob.name, 'passwd_script_.txt');
      const empty = await storage.put(Readable.from([Buffer.from('x')]), { owner: teacher.id, name: '...' });
      t.equal(empty.name, 'fichier');
    });

    t.test('a file over the upload limit is refused and nothing is kept', async (t) => {
      const before = await storage.usage(teacher.id);
      const blobsBefore = await platform.knex('core.storage_blobs').count({ n: '*' }).first();
      await t.rejects(storage.put(pattern(21 * 1024 * 1024), { owner: teacher.id, name: 'trop-gros.bin' }), { code: 'PREAU_ERR_STORAGE_TOO_LARGE' });
      t.same(await storage.usage(teacher.id), before, 'reserved bytes are given back');
      t.same(await platform.knex('core.storage_blobs').count({ n: '*' }).first(), blobsBefore);
    });

    t.test('a shared file is deleted when its last reference goes, and its quota is freed', async (t) => {
      const blob = await storage.put(Readable.from([Buffer.from('pièce jointe partagée')]), { owner: teacher.id, name: 'partagé.txt' });
      const used = (await storage.usage(teacher.id)).used;
      await storage.addReference(blob.id, 'test:message:1');
      await storage.addReference(blob.id, 'test:message:1');
      await storage.addReference(blob.id, 'test:message:2');
      t.notOk(await storage.delete(blob.id), 'a referenced blob is not deleted');
      await storage.removeReferences([blob.id], 'test:message:1');
      t.ok(await storage.stat(blob.id), 'still referenced by message 2');
      await platform.knex.transaction(async (trx) => storage.removeReferences([blob.id], 'test:message:2', { transaction: trx }));
      await new Promise((resolve) => setTimeout(resolve, 50));
      t.equal(await storage.stat(blob.id), undefined);
      t.equal(await storage.get(blob.id), undefined);
      t.equal((await storage.usage(teacher.id)).used, used - blob.size);
    });

    t.test('a reference to a missing blob is refused', async (t) => {
      await t.rejects(storage.addReference('0'.repeat(32), 'test:x'), { code: 'PREAU_ERR_STORAGE_NOT_FOUND' });
      await t.rejects(storage.addReference('../etc', 'test:x'), { code: 'PREAU_ERR_STORAGE_NOT_FOUND' });
    });

    t.test('blobs nobody referenced within a day are swept', async (t) => {
      const blob = await storage.put(Readable.from([Buffer.from('brouillon abandonné')]), { owner: teacher.id, name: 'a.txt' });
      const kept = await storage.put(Readable.from([Buffer.from('gardé')]), { owner: teacher.id, name: 'b.txt' });
      await storage.addReference(kept.id, 'test:kept');
      platform.clock.advance(25 * 3_600_000);
      await storage.sweepOrphans(platform.clock.now());
      t.equal(await storage.stat(blob.id), undefined);
      t.ok(await storage.stat(kept.id));
    });
  });
}
