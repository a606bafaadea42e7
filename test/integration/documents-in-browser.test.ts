import t from 'tap';
import { createTestPlatform } from '@preau/core/testing';
import documents from '@preau/plugin-documents';
import { launchChromium, signIn } from './browser.js';

// Documents on a phone-sized screen: a teacher uploads files with progress, makes a new version, trashes and
// restores a file, opens the share dialog; a parent finds what was shared with them under the sharer's name.
const platform = await createTestPlatform({ plugins: [documents], buildWeb: true });
t.teardown(() => platform.close());
const school = await platform.createSchool({ name: 'École Jules Ferry', city: 'Niort' });
const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'MARTIN Sophie' });
const cm2 = await platform.createClass({ school, label: 'CM2 - Mme MARTIN', teachers: [teacher], pupils: 1, relativesPerPupil: 1 });
const parent = cm2.relatives[0]![0]!;
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

  // A new version from the file's page; both versions listed.
  await page.getByRole('link', { name: /programme\.txt/ }).click();
  await page.getByLabel('Nouvelle version').setInputFiles([{ name: 'programme.txt', mimeType: 'text/plain', buffer: Buffer.from('Départ à 9 h') }]);
  await page.getByText(/Version 2 — MARTIN Sophie/).waitFor();
  await page.getByText(/Version 1 — MARTIN Sophie/).waitFor();
  t.pass('the versions are listed with their author');

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
