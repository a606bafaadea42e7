import t from 'tap';
import lunchMenu from '@preau/example-lunch-menu';
import { createTestPlatform } from '@preau/core/testing';
import { launchChromium } from './browser.js';

t.test('a parent of children in two schools switches child in the header, and the header\'s "Aide" shows the open app\'s help', async (t) => {
  const platform = await createTestPlatform({ plugins: [lunchMenu], buildWeb: true });
  t.teardown(() => platform.close());
  const schoolA = await platform.createSchool({ name: 'École Jean Moulin' });
  const schoolB = await platform.createSchool({ name: 'Collège Victor Hugo' });
  const child = async (school: typeof schoolA, first: string, classLabel: string) => {
    const pupil = await platform.createUser({ profile: 'Student', schools: [school], displayName: `SIMON ${first}` });
    await platform.knex('core.users').where({ id: pupil.id }).update({ first_name: first, last_name: 'SIMON' });
    const [row] = await platform.knex('core.classes').insert({ school_id: school.id, start_year: 2026, label: classLabel, levels: ['CM2'] }).returning('id');
    await platform.knex('core.class_members').insert({ class_id: row.id, user_id: pupil.id });
    return pupil;
  };
  const arthur = await child(schoolA, 'Arthur', 'CP - M. ROUX');
  const lea = await child(schoolB, 'Léa', 'CM2 - Mme DURAND');
  const parent = await platform.createUser({ profile: 'Relative', schools: [schoolA, schoolB], login: 'emilie.simon' });
  await platform.knex('core.relative_links').insert([{ relative_id: parent.id, pupil_id: arthur.id }, { relative_id: parent.id, pupil_id: lea.id }]);
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto(address);
  await page.getByLabel('Identifiant').fill('emilie.simon');
  await page.getByLabel('Mot de passe').fill(parent.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const switcher = page.getByRole('combobox', { name: 'Enfant' });
  await switcher.waitFor();
  t.same(await switcher.locator('option').allTextContents(), ['Arthur (CP - M. ROUX)', 'Léa (CM2 - Mme DURAND)']);
  await switcher.selectOption({ label: 'Léa (CM2 - Mme DURAND)' });
  await page.reload();
  await page.getByRole('combobox', { name: 'Enfant' }).waitFor();
  t.equal(await page.getByRole('combobox', { name: 'Enfant' }).inputValue(), String(lea.id), 'the chosen child is remembered');

  await page.getByRole('link', { name: /Menu de la cantine/ }).click();
  await page.getByRole('heading', { name: 'Menu de la cantine', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Aide' }).click();
  const dialog = page.getByRole('dialog', { name: "Aide de l'application Menu de la cantine" });
  await dialog.waitFor();
  await page.getByRole('heading', { name: 'Comment lire et publier le menu' }).waitFor();
  t.pass('the help opens from the header');
  t.same(errors, []);
});
