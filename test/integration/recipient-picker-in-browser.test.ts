import t from 'tap';
import { createTestPlatform } from '@preau/core/testing';
import notes from '../fixtures/plugins/notes/src/index.js';
import { launchChromium } from './browser.js';
import { seriousViolations } from './axe.js';

// The notes fixture shows a <preau-recipient-picker> above its editor; the shell gives it the API client.
t.test('the recipient picker finds people I may write to, with To, Cc and Cci', async (t) => {
  const platform = await createTestPlatform({ plugins: [notes], buildWeb: true });
  t.teardown(() => platform.close());
  const school = await platform.createSchool({ name: 'École Jules Ferry', city: 'Niort' });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], login: 'helene.dupuis', displayName: 'DUPUIS Hélène' });
  await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'MARTIN Sabine' });
  await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'MARTINEZ Paul' });
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto(address);
  await page.getByLabel('Identifiant').fill(teacher.login);
  await page.getByLabel('Mot de passe').fill(teacher.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('link', { name: /Notes/ }).first().click();
  const picker = page.locator('preau-recipient-picker');
  await picker.waitFor();

  const to = page.getByRole('combobox', { name: 'À' });
  await to.fill('marti');
  const options = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option');
  await options.first().waitFor();
  t.same((await options.allTextContents()).map((option) => option.replace(/\s+/g, ' ').trim()), ['MARTIN Sabine, Enseignant', 'MARTINEZ Paul, Enseignant']);
  t.equal(await to.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('ArrowDown');
  t.match(await to.getAttribute('aria-activedescendant'), /option-1$/, 'the arrow moves the active option');
  await page.keyboard.press('Enter');
  await picker.getByText('MARTINEZ Paul').waitFor();
  t.equal(await to.inputValue(), '', 'the input is emptied for the next name');

  await page.getByRole('button', { name: 'Cc', exact: true }).click();
  const cc = page.getByRole('combobox', { name: 'Cc' });
  await cc.fill('marti');
  await options.first().waitFor();
  t.same((await options.allTextContents()).map((option) => option.replace(/\s+/g, ' ').trim()), ['MARTIN Sabine, Enseignant'], 'someone already in À is not suggested again');
  await page.keyboard.press('Enter');
  const value = () => picker.evaluate((element) => (element as HTMLElement & { value: unknown }).value);
  t.match(await value(), { to: [{ kind: 'user', label: 'MARTINEZ Paul' }], cc: [{ kind: 'user', label: 'MARTIN Sabine' }], bcc: [] });
  await page.keyboard.press('Backspace');
  t.match(await value(), { cc: [] }, 'Backspace in the empty input removes the last chip');
  await cc.fill('zzz');
  await page.getByText('Aucun destinataire trouvé', { exact: true }).first().waitFor();
  await page.keyboard.press('Escape');
  t.equal(await cc.getAttribute('aria-expanded'), 'false', 'Escape closes the suggestions');

  // Groups come with how many people they reach.
  await page.getByRole('button', { name: 'Cci', exact: true }).click();
  const bcc = page.getByRole('combobox', { name: 'Cci' });
  await bcc.fill('enseignants');
  const group = options.filter({ hasText: /Enseignants.*\(3\)/ });
  await group.waitFor();
  await group.click();
  await picker.getByText(/Enseignants.*\(3\)/).waitFor();
  t.match(await value(), { bcc: [{ kind: 'group', members: 3 }] }, 'the group is in Cci');
  t.same(await seriousViolations(page), [], 'axe-core: no serious or critical violation');
  t.same(errors, []);
});
