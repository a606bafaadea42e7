import t from 'tap';
import lunchMenu from '@preau/example-lunch-menu';
import { createTestPlatform, createTestDatabase } from '@preau/core/testing';
import { createPlatform, parseConfig } from '@preau/core';
import { isoWeek } from '../../examples/lunch-menu/web/iso-week.js';
import { launchChromium } from './browser.js';

t.test('the first administrator is created from the setup link in a browser', async (t) => {
  const database = await createTestDatabase();
  const platform = await createPlatform({ config: parseConfig({ logLevel: 'silent' }, process.cwd()), database, logger: false });
  t.teardown(() => platform.close());
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const token = await platform.setup.issueToken();
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const page = await browser.newPage();

  await page.goto(`${address}/setup?token=${token}`);
  await page.getByRole('heading', { name: 'Installation de Préau' }).waitFor();
  await page.getByLabel('Nom affiché').fill('Admin Académie');
  await page.getByLabel('Identifiant').fill('admin');
  await page.getByLabel('Mot de passe').fill('cartable-rouge-2026');
  await page.getByRole('button', { name: "Créer l'administrateur" }).click();
  await page.getByRole('heading', { name: 'Mes applications' }).waitFor();
  t.equal(new URL(page.url()).pathname, '/', 'back on the home page, signed in');
  t.ok(await page.getByText('Admin Académie').isVisible());
  t.equal((await database.knex('core.user_functions').where({ function: 'academy-admin' })).length, 1);
});

t.test('a parent signs in, opens the lunch menu, and loses it as soon as the school disables it', async (t) => {
  const platform = await createTestPlatform({ plugins: [lunchMenu], buildWeb: true });
  t.teardown(() => platform.close());
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const parent = await platform.createUser({ profile: 'Relative', schools: [school], login: 'isabelle.martinez', displayName: 'MARTINEZ Isabelle' });
  const week = isoWeek(new Date());
  const published = await platform.as(teacher).inject({
    method: 'PUT',
    url: `/api/lunch-menu/schools/${school.id}/weeks/${week}`,
    payload: { days: [{ day: 'monday', starter: 'Radis beurre', main: 'Poulet basquaise', dessert: 'Yaourt' }] },
  });
  t.equal(published.statusCode, 200);
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto(address);
  await page.getByLabel('Identifiant').fill('isabelle.martinez');
  await page.getByLabel('Mot de passe').fill(parent.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const tile = page.getByRole('link', { name: /Menu de la cantine/ });
  await tile.waitFor();
  await tile.click();
  await page.getByRole('heading', { name: 'Lundi' }).waitFor();
  t.ok(await page.getByText('Poulet basquaise').isVisible(), 'the published menu is shown');
  t.equal(new URL(page.url()).pathname, '/apps/lunch-menu/');

  await platform.platform.apps.set(school.id, { app: 'lunch-menu', enabled: false, startsOn: null, endsOn: null }, null);
  await page.goto(address);
  await page.getByText("Aucune application n'est activée pour votre école.").waitFor();
  t.equal(await page.getByRole('link', { name: /Menu de la cantine/ }).count(), 0, 'gone from the launcher without a restart');
  t.same(errors, [], 'no script error on the way');
});
