import t from 'tap';
import { createTestPlatform } from '@preau/core/testing';
import folders from '../fixtures/plugins/folders/index.js';
import { launchChromium, signIn } from './browser.js';
import { seriousViolations } from './axe.js';

// The shell's share dialog, opened by the folders fixture's "Partager" button through openShareDialog, on a
// phone-sized screen: the teacher's "Sorties" is inside "Classe", which the CM2's parents read.
const platform = await createTestPlatform({ plugins: [folders], buildWeb: true });
t.teardown(() => platform.close());
const school = await platform.createSchool({ name: 'École Jules Ferry', city: 'Niort' });
const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'MARTIN Sophie' });
await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'PETIT Louis' });
const cm2 = await platform.createClass({ school, label: 'CM2 - Mme MARTIN', teachers: [teacher], pupils: 1, relativesPerPupil: 2 });
const [parent, leaver] = cm2.relatives[0]!;
const parentsOfCm2 = Number((await platform.knex('core.groups').where({ class_id: cm2.id, profile: 'Relative' }).first('id')).id);
const asTeacher = platform.as(teacher);
const classe = (await asTeacher.inject({ method: 'POST', url: '/api/folders/', payload: { name: 'Classe' } })).json();
const sorties = (await asTeacher.inject({ method: 'POST', url: '/api/folders/', payload: { name: 'Sorties', parentId: classe.id } })).json();
await asTeacher.inject({ method: 'PUT', url: `/api/core/shares/folders/folder/${classe.id}`, payload: { role: 'read', groups: [parentsOfCm2], notify: false } });
// A parent it was shared with, who then left the school: the grant stays, and says it no longer applies.
await asTeacher.inject({ method: 'PUT', url: `/api/core/shares/folders/folder/${sorties.id}`, payload: { role: 'read', users: [leaver!.id], notify: false } });
await platform.knex('core.memberships').where({ user_id: leaver!.id }).update({ left_at: platform.clock.now() });

const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
const browser = await launchChromium();
t.teardown(() => browser.close());

const grantsOfSorties = async () => {
  const [resource] = await platform.knex('core.shared_resources').where({ app: 'folders', key: String(sorties.id) }).pluck('id');
  return platform.knex('core.share_grants').where({ resource_id: resource }).orderBy('id').select('user_id', 'group_id', 'role');
};

/** The element focused now, inside shadow roots: its tag and accessible name, and whether it is in the dialog. */
const focused = (page: import('playwright-core').Page) => page.evaluate(() => {
  let active = document.activeElement;
  let inDialog = false;
  while (active?.shadowRoot?.activeElement) {
    if (active.tagName === 'PREAU-SHARE-DIALOG') inDialog = true;
    active = active.shadowRoot.activeElement;
  }
  if (active?.tagName === 'PREAU-SHARE-DIALOG') inDialog = true;
  return { tag: active?.tagName.toLowerCase() ?? '', text: (active?.getAttribute('aria-label') ?? active?.textContent ?? '').trim(), inDialog };
});

t.test('the owner adds a colleague with a role, changes it and removes it, from the keyboard on a 360 px screen', async (t) => {
  const errors: string[] = [];
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  t.teardown(() => context.close());
  const page = await signIn(context, address, teacher, errors);
  await page.goto(`${address}/apps/folders/${sorties.id}`);
  const open = page.getByRole('button', { name: 'Partager', exact: true });
  await open.focus();
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: 'Partager « Sorties »' });
  await dialog.waitFor();
  const combobox = dialog.getByRole('combobox', { name: 'Avec' });
  await t.resolves(combobox.waitFor(), 'a manager can add people');
  await page.waitForFunction(() => document.querySelector('preau-share-dialog')?.shadowRoot?.activeElement?.tagName === 'PREAU-RECIPIENT-FIELD');
  t.equal((await focused(page)).tag, 'input', 'focus starts in the people field');

  // Owner, then the own grant (lapsed), then the inherited one saying where it comes from.
  await dialog.getByText('MARTIN Sophie').waitFor();
  const rows = dialog.getByRole('list', { name: 'Qui y a accès' }).getByRole('listitem');
  const texts = (await rows.allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
  t.equal(texts.length, 2);
  t.match(texts[0], /Parent.*ne s’applique plus/, 'the leaver’s grant is marked as lapsed');
  t.match(texts[1], /Parents — CM2 - Mme MARTIN Groupe · hérité d’un dossier qui le contient Lecture/, 'the inherited grant says where from, with no controls');
  t.equal(await dialog.getByRole('link', { name: 'hérité d’un dossier qui le contient' }).getAttribute('href'), `/apps/folders/${classe.id}`);
  const width = await dialog.evaluate((element) => element.getBoundingClientRect().width);
  t.ok(width <= 360, `the dialog fits a 360 px screen (${width} px)`);

  // Add: search, pick with the keyboard, choose the role, share.
  await combobox.fill('petit');
  await dialog.getByRole('option', { name: /PETIT Louis/ }).waitFor();
  await page.keyboard.press('Enter');
  await dialog.getByRole('combobox', { name: 'Rôle', exact: true }).selectOption('contribute');
  await dialog.getByRole('button', { name: 'Partager', exact: true }).click();
  const role = dialog.getByRole('combobox', { name: 'Rôle de PETIT Louis' });
  await role.waitFor();
  t.equal(await role.inputValue(), 'contribute');
  const colleague = await platform.knex('core.users').where({ display_name: 'PETIT Louis' }).first('id');
  t.match(await grantsOfSorties(), [{ user_id: leaver!.id }, { user_id: colleague.id, role: 'contribute' }]);
  await page.getByText('Partages modifiés : 1').waitFor();

  // Change the role.
  await role.selectOption('manage');
  await dialog.getByText('PETIT Louis : Gestion.').waitFor();
  t.match(await grantsOfSorties(), [{}, { user_id: colleague.id, role: 'manage' }]);
  await page.getByText('Partages modifiés : 2').waitFor();

  // Remove, after a confirmation that takes the focus; cancelling gives it back to the button.
  await dialog.getByRole('button', { name: 'Retirer l’accès de PETIT Louis' }).click();
  await dialog.getByRole('group', { name: 'Retirer l’accès de PETIT Louis ?' }).waitFor();
  t.same(await focused(page), { tag: 'button', text: 'Annuler', inDialog: true });
  await page.keyboard.press('Enter');
  t.match(await focused(page), { text: 'Retirer l’accès de PETIT Louis' });
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Oui, retirer' }).click();
  await role.waitFor({ state: 'detached' });
  t.same((await grantsOfSorties()).map((g) => g.user_id), [leaver!.id]);
  t.same(await seriousViolations(page), [], 'no serious accessibility violation in the open dialog');

  // Focus stays in the modal dialog; Escape closes it and gives focus back to "Partager".
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('Tab');
    t.ok((await focused(page)).inDialog, `Tab ${i + 1} stays in the dialog`);
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  t.same(await focused(page), { tag: 'button', text: 'Partager', inDialog: false }, 'focus is back on the button that opened it');
  t.same(errors, []);
});

t.test('the server’s French error shows in the dialog and nothing else changes', async (t) => {
  const page = await signIn(browser, address, teacher);
  t.teardown(() => page.context().close());
  await page.goto(`${address}/apps/folders/${sorties.id}`);
  await page.getByRole('button', { name: 'Partager', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Partager « Sorties »' });
  await dialog.getByRole('button', { name: /Retirer l’accès de/ }).first().waitFor();
  // Someone else removed the grant meanwhile.
  await asTeacher.inject({ method: 'DELETE', url: `/api/core/shares/folders/folder/${sorties.id}/users/${leaver!.id}` });
  await dialog.getByRole('button', { name: /Retirer l’accès de/ }).first().click();
  await dialog.getByRole('button', { name: 'Oui, retirer' }).click();
  await t.resolves(dialog.getByRole('alert').getByText('Ce partage n’existe pas (il a peut-être déjà été retiré).').waitFor());
  // Sharing with nobody is refused before asking the server.
  await dialog.getByRole('button', { name: 'Partager', exact: true }).click();
  await dialog.getByRole('alert').getByText('Choisissez au moins une personne ou un groupe.').waitFor();
  await dialog.getByRole('button', { name: 'Fermer' }).first().click();
  await dialog.waitFor({ state: 'detached' });
});

t.test('a parent who reads the folder sees why they cannot change its sharing, and no controls', async (t) => {
  const page = await signIn(browser, address, parent!);
  t.teardown(() => page.context().close());
  await page.goto(`${address}/apps/folders/${sorties.id}`);
  await page.getByRole('button', { name: 'Partager', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Partager « Sorties »' });
  await dialog.getByText('Seuls le propriétaire et les gestionnaires de cet élément peuvent voir et modifier son partage.').waitFor();
  t.equal(await dialog.getByRole('combobox').count(), 0, 'nothing to change');
  t.same(await focused(page), { tag: 'button', text: 'Fermer', inDialog: true });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
});
