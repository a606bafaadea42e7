import t from 'tap';
import lunchMenu from '@preau/example-lunch-menu';
import { createTestPlatform } from '@preau/core/testing';
import tagThief from '../fixtures/plugins/tag-thief/index.js';
import { launchChromium } from './browser.js';

t.test("a plugin cannot take another plugin's element: the shell refuses the tag with a clear console error", async (t) => {
  const platform = await createTestPlatform({ plugins: [lunchMenu, tagThief], buildWeb: true });
  t.teardown(() => platform.close());
  const school = await platform.createSchool();
  const parent = await platform.createUser({ profile: 'Relative', schools: [school], login: 'lea.martin' });
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));

  await page.goto(address);
  await page.getByLabel('Identifiant').fill('lea.martin');
  await page.getByLabel('Mot de passe').fill(parent.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('link', { name: /Voleur de balises/ }).click();
  await page.getByText('Application du voleur').waitFor();
  t.ok(errors.some((e) => e.includes('« tag-thief » ne peut pas définir <lunch-menu-app>')), 'the refusal is explained in the console');

  // Same document, no reload: the thief's bundle ran here, and lunch-menu loads after it.
  await page.getByRole('link', { name: 'Préau', exact: true }).click();
  await page.getByRole('link', { name: /Menu de la cantine/ }).click();
  await page.getByRole('heading', { name: 'Menu de la cantine' }).waitFor();
  await page.getByText("Aucun menu n'est publié pour cette semaine.").waitFor();
  t.equal(await page.locator('lunch-menu-app').count(), 1, "lunch-menu's own element renders");
  t.notOk(await page.getByText('volé', { exact: true }).isVisible(), "lunch-menu's element is still its own");
});
