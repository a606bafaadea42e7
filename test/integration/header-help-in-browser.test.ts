import t from 'tap';
import lunchMenu from '@preau/example-lunch-menu';
import messaging from '@preau/plugin-messaging';
import { createTestPlatform } from '@preau/core/testing';
import { launchChromium, signIn } from './browser.js';
import { seriousViolations } from './axe.js';

// Issue 19, "Help on every app": one "Aide" in the header (in the phone's menu) opens the open app's help, or
// the shell's general help on the shell's pages; by keyboard as by pointer, announced as a dialog.
t.test('the header\'s "Aide" opens the shell\'s help, then the open app\'s, by keyboard and on a phone', async (t) => {
  const platform = await createTestPlatform({ plugins: [lunchMenu, messaging], buildWeb: true });
  t.teardown(() => platform.close());
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  const parent = await platform.createUser({ profile: 'Relative', schools: [school], login: 'emilie.simon' });
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const errors: string[] = [];

  const page = await signIn(browser, address, { login: 'emilie.simon', password: parent.password }, errors);
  const help = page.getByRole('button', { name: 'Aide' });
  t.equal(await help.getAttribute('aria-haspopup'), 'dialog', 'screen readers hear that it opens a dialog');
  await help.focus();
  await page.keyboard.press('Enter');
  const shellHelp = page.getByRole('dialog', { name: 'Aide de Préau' });
  await shellHelp.waitFor();
  // The help element is slotted into the dialog: found from the page, not from the <dialog> in its shadow root.
  await page.getByRole('heading', { name: "La page d'accueil" }).waitFor();
  t.same(await seriousViolations(page), [], 'the open help has no serious axe violation');
  await page.keyboard.press('Escape');
  await shellHelp.waitFor({ state: 'hidden' });
  t.ok(await help.evaluate((button) => button.matches(':focus')), 'Escape closes it and the focus is back on "Aide"');

  await page.goto(`${address}/apps/lunch-menu`);
  await page.getByRole('heading', { name: 'Menu de la cantine', level: 1 }).waitFor();
  await help.click();
  const appHelp = page.getByRole('dialog', { name: "Aide de l'application Menu de la cantine" });
  await appHelp.waitFor();
  await page.getByRole('heading', { name: 'Comment lire et publier le menu' }).waitFor();
  t.equal(await page.getByRole('heading', { name: "La page d'accueil" }).count(), 0, "in an app, the app's help replaces the shell's");
  await appHelp.getByRole('button', { name: 'Fermer' }).click();
  await appHelp.waitFor({ state: 'hidden' });

  await page.goto(`${address}/apps/messaging`);
  await page.getByRole('heading', { name: 'Messagerie', level: 1 }).waitFor();
  await help.click();
  await page.getByRole('dialog', { name: "Aide de l'application Messagerie" }).waitFor();
  await page.getByText(/La messagerie sert à écrire/).waitFor();
  t.pass('messaging has its help too');
  await page.keyboard.press('Escape');

  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const onPhone = await signIn(phone, address, { login: 'emilie.simon', password: parent.password }, errors);
  await onPhone.goto(`${address}/apps/lunch-menu`);
  await onPhone.getByRole('heading', { name: 'Menu de la cantine', level: 1 }).waitFor();
  t.notOk(await onPhone.getByRole('button', { name: 'Aide' }).isVisible(), 'on a phone "Aide" is in the menu');
  await onPhone.getByRole('button', { name: 'Menu' }).click();
  await onPhone.getByRole('button', { name: 'Aide' }).click();
  const phoneHelp = onPhone.getByRole('dialog', { name: "Aide de l'application Menu de la cantine" });
  await phoneHelp.waitFor();
  await onPhone.getByRole('heading', { name: 'Comment lire et publier le menu' }).waitFor();
  const width = await onPhone.evaluate(() => document.documentElement.scrollWidth);
  t.ok(width <= 360, `the help fits the phone (${width} px)`);
  await onPhone.keyboard.press('Escape');
  await phoneHelp.waitFor({ state: 'hidden' });
  t.ok(await onPhone.getByRole('button', { name: 'Aide' }).evaluate((button) => button.matches(':focus')), 'the focus is back on "Aide" in the still open menu');
  await phone.close();
  t.same(errors, [], 'no page error');
});
