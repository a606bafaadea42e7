import t from 'tap';
import { createTestPlatform } from '@preau/core/testing';
import documents from '@preau/plugin-documents';
import news from '@preau/plugin-news';
import liaison from '@preau/plugin-liaison';
import sharp from 'sharp';
import { launchChromium, signIn } from './browser.js';
import { seriousViolations } from './axe.js';

// Documents on a phone-sized screen: a teacher uploads files with progress, makes a new version, trashes and
// restores a file, opens the share dialog; a parent finds what was shared with them under the sharer's name; the
// editor's image button of another app (news) inserts a picture from Mes documents.
const platform = await createTestPlatform({ plugins: [documents, news, liaison], buildWeb: true });
t.teardown(() => platform.close());
const school = await platform.createSchool({ name: 'École Jules Ferry', city: 'Niort' });
const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'MARTIN Sophie' });
const cm2 = await platform.createClass({ school, label: 'CM2 - Mme MARTIN', teachers: [teacher], pupils: 1, relativesPerPupil: 1 });
const parent = cm2.relatives[0]![0]!;
const ce1 = await platform.createClass({ school, label: 'CE1', pupils: 1, relativesPerPupil: 1 });
const otherParent = ce1.relatives[0]![0]!;
const parentsOfCm2 = Number((await platform.knex('core.groups').where({ class_id: cm2.id, profile: 'Relative' }).first('id')).id);

const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
const browser = await launchChromium();
t.teardown(() => browser.close());

t.test('a teacher makes a folder, uploads files with progress, adds a version, trashes and restores, on a 360 px screen', async (t) => {
  const errors: string[] = [];
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  t.teardown(() => context.close());
  const page = await signIn(context, address, teacher, errors);
  await page.goto(`${address}/apps/documents`);
  await page.getByRole('button', { name: 'Nouveau dossier' }).click();
  await page.getByRole('textbox', { name: 'Nom du dossier' }).fill('Sortie au zoo');
  await page.getByRole('button', { name: 'Créer' }).click();
  await page.getByRole('link', { name: /Sortie au zoo/ }).click();
  await page.getByRole('navigation', { name: "Fil d'Ariane" }).getByText('Sortie au zoo').waitFor();

  const big = Buffer.alloc(3 * 1024 * 1024, 7);
  await page.getByLabel('Ajouter des fichiers').setInputFiles([
    { name: 'programme.txt', mimeType: 'text/plain', buffer: Buffer.from('Départ à 8 h 30') },
    { name: 'photos.bin', mimeType: 'application/octet-stream', buffer: big },
  ]);
  const overall = page.getByRole('progressbar', { name: /Progression totale/ });
  await overall.waitFor();
  await page.waitForFunction(() => {
    const find = (root: Document | ShadowRoot): HTMLProgressElement | null => {
      for (const element of root.querySelectorAll('*')) {
        if (element instanceof HTMLProgressElement && element.closest('label')?.textContent?.includes('Progression totale')) return element;
        if (element.shadowRoot) { const found = find(element.shadowRoot); if (found) return found; }
      }
      return null;
    };
    return find(document)?.value === 1;
  });
  t.pass('the overall progress bar reaches the end');
  await page.getByRole('link', { name: /programme\.txt/ }).waitFor();
  await page.getByRole('link', { name: /photos\.bin/ }).waitFor();
  const folderId = Number((await platform.knex('documents.nodes').where({ name: 'Sortie au zoo' }).first('id')).id);
  t.same((await platform.knex('documents.nodes').where({ parent_id: folderId }).orderBy('name').pluck('name')), ['photos.bin', 'programme.txt']);
  t.same(await seriousViolations(page), [], 'no serious accessibility violation in the folder');

  // A new version from the file's page; both versions listed.
  await page.getByRole('link', { name: /programme\.txt/ }).click();
  await page.getByLabel('Nouvelle version').setInputFiles([{ name: 'programme.txt', mimeType: 'text/plain', buffer: Buffer.from('Départ à 9 h') }]);
  await page.getByText(/Version 2 — MARTIN Sophie/).waitFor();
  await page.getByText(/Version 1 — MARTIN Sophie/).waitFor();
  t.pass('the versions are listed with their author');
  t.same(await seriousViolations(page), [], 'nor on the file page');

  // To the trash through the item's menu, then back.
  await page.goto(`${address}/apps/documents/folders/${folderId}`);
  await page.locator('summary[aria-label="Actions pour « photos.bin »"]').click();
  await page.getByRole('button', { name: 'Mettre à la corbeille' }).click();
  await page.getByRole('link', { name: /photos\.bin/ }).waitFor({ state: 'detached' });
  await page.getByRole('link', { name: 'Corbeille' }).click();
  await page.getByText('photos.bin').waitFor();
  await page.getByRole('button', { name: 'Restaurer' }).click();
  await page.getByText('La corbeille est vide.').waitFor();
  t.notOk(await platform.knex('documents.nodes').where({ name: 'photos.bin' }).whereNotNull('trashed_at').first('id'), 'restored');

  // The share dialog opens on the folder.
  await page.goto(`${address}/apps/documents/folders/${folderId}`);
  await page.getByRole('button', { name: 'Partager', exact: true }).click();
  await page.getByRole('dialog', { name: 'Partager « Sortie au zoo »' }).waitFor();
  t.pass('the shell’s share dialog opens on the folder');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  t.ok(width <= 360, `nothing wider than the screen (${width} px)`);
  t.same(errors, []);
});

t.test('a parent finds the shared folder under the teacher’s name and opens its file', async (t) => {
  const folderId = Number((await platform.knex('documents.nodes').where({ name: 'Sortie au zoo' }).first('id')).id);
  const shared = await platform.as(teacher).inject({ method: 'PUT', url: `/api/core/shares/documents/folder/${folderId}`, payload: { role: 'read', groups: [parentsOfCm2], notify: false } });
  t.equal(shared.statusCode, 200);
  const page = await signIn(browser, address, parent);
  t.teardown(() => page.context().close());
  await page.goto(`${address}/apps/documents/shared`);
  await page.getByText('Partagé par MARTIN Sophie').waitFor();
  await page.getByRole('link', { name: /Sortie au zoo/ }).click();
  await page.getByRole('link', { name: /programme\.txt/ }).waitFor();
  t.equal(await page.getByRole('button', { name: 'Nouveau dossier' }).count(), 0, 'a reader adds nothing');
});

t.test("another app's editor has one image button, which inserts a picture from Mes documents with its description", async (t) => {
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'DURAND Paul', functions: [{ function: 'director', schoolId: school.id }] });
  const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 30, g: 120, b: 200 } } }).png().toBuffer();
  const form = (await import('@preau/core/testing')).fileUpload('kermesse.png', photo, 'image/png');
  const [placed] = (await platform.as(director).inject({ method: 'POST', url: '/api/documents/uploads', ...form })).json();
  const blobId = (await platform.as(director).inject(`/api/documents/nodes/${placed.id}`)).json().item.blobId;
  await platform.as(director).inject({ method: 'POST', url: '/api/news/threads', payload: { schoolId: school.id, title: "Vie de l'école", shares: [{ groupId: parentsOfCm2, role: 'read' }] } });
  const errors: string[] = [];
  const page = await signIn(browser, address, director, errors);
  t.teardown(() => page.context().close());
  await page.goto(`${address}/apps/news/write`);
  const writing = page.getByRole('form', { name: 'Écrire une actualité' });
  await writing.getByRole('combobox', { name: "Fil d'info" }).selectOption({ label: "Vie de l'école" });
  await writing.getByLabel('Titre', { exact: true }).fill('Kermesse');
  await writing.getByRole('textbox', { name: 'Texte' }).click();
  const toolbar = writing.getByRole('toolbar', { name: 'Mise en forme' });
  const image = toolbar.getByRole('button', { name: 'Image', exact: true });
  await page.waitForFunction(() => customElements.get('documents-picker') !== undefined);
  t.equal(await image.count(), 1, 'one image button');
  await image.click();
  const picker = page.getByRole('dialog', { name: 'Insérer un document ou une image' });
  await picker.getByRole('button', { name: /kermesse\.png/ }).click();
  await picker.getByLabel("Description de l'image (pour les personnes qui ne la voient pas)").fill('Les stands dans la cour');
  await picker.getByRole('button', { name: 'Insérer', exact: true }).click();
  await picker.waitFor({ state: 'detached' });
  const inserted = writing.locator(`img[src="/api/core/files/${blobId}"]`);
  await inserted.waitFor();
  t.equal(await inserted.getAttribute('alt'), 'Les stands dans la cour', 'the picture is in the text with its description');
  t.same(errors, []);
});

t.test("a picture and a PDF of Mes documents inserted in a liaison word: the word's families open them, another class's get 404, even after the document is deleted", async (t) => {
  const { fileUpload } = await import('@preau/core/testing');
  const photo = await sharp({ create: { width: 32, height: 32, channels: 3, background: { r: 200, g: 30, b: 30 } } }).jpeg().toBuffer();
  const sent = (await platform.as(teacher).inject({ method: 'POST', url: '/api/documents/uploads', ...fileUpload('sortie.jpg', photo) })).json()[0];
  const pdf = (await platform.as(teacher).inject({ method: 'POST', url: '/api/documents/uploads', ...fileUpload('autorisation.pdf', Buffer.from('%PDF-1.4\n%%EOF\n')) })).json()[0];
  const blob = async (id: number) => (await platform.as(teacher).inject(`/api/documents/nodes/${id}`)).json().item.blobId as string;
  const [photoBlob, pdfBlob] = [await blob(sent.id), await blob(pdf.id)];
  const word = await platform.as(teacher).inject({
    method: 'POST', url: '/api/liaison/words',
    payload: { title: 'Sortie au zoo', body: `<p><img src="/api/core/files/${photoBlob}" alt="Le car"> <a href="/api/core/files/${pdfBlob}">autorisation.pdf (16 o)</a></p>`, category: 'sortie', classIds: [cm2.id] },
  });
  t.equal(word.statusCode, 201, word.body);
  for (const id of [photoBlob, pdfBlob]) {
    t.equal((await platform.as(parent).inject(`/api/core/files/${id}`)).statusCode, 200, "the word's family opens it");
    t.equal((await platform.as(otherParent).inject(`/api/core/files/${id}`)).statusCode, 404, "another class's family gets 404");
  }
  await platform.as(teacher).inject({ method: 'POST', url: `/api/documents/nodes/${sent.id}/trash` });
  await platform.as(teacher).inject({ method: 'DELETE', url: `/api/documents/trash/${sent.id}` });
  t.equal((await platform.as(parent).inject(`/api/core/files/${photoBlob}`)).statusCode, 200, 'deleted from Mes documents, the picture stays in the word');
});
