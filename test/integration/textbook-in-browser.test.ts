import t from 'tap';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTestPlatform } from '@preau/core/testing';
import textbook from '@preau/plugin-textbook';
import { launchChromium, signIn } from './browser.js';
import { seriousViolations } from './axe.js';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/', import.meta.url));

/** Today and the next school day (four-day week) in Paris, as the browser and the server count them. */
function schoolDays(now: Date): { today: string; next: string } {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(now);
  const next = new Date(`${today}T12:00:00Z`);
  do next.setUTCDate(next.getUTCDate() + 1); while (![1, 2, 4, 5].includes(next.getUTCDay()));
  return { today, next: next.toISOString().slice(0, 10) };
}

t.test('a teacher sets homework with the common editor, a parent on a 360 px phone ticks « Fait » under « Pour demain », the teacher sees 1/2 fait', async (t) => {
  const platform = await createTestPlatform({ plugins: [textbook], buildWeb: true });
  t.teardown(() => platform.close());
  // The browser's dates are the machine's: the server's clock follows them.
  platform.clock.set(new Date());
  const { today, next } = schoolDays(new Date());
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], login: 'louise.beranger', displayName: 'BÉRANGER Louise' });
  const cm2 = await platform.createClass({ school, label: 'CM2 - Mme BÉRANGER', levels: ['CM2'], teachers: [teacher], pupils: 2, relativesPerPupil: 1 });
  const parent = cm2.relatives[0]![0]!;
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const errors: string[] = [];

  const desk = await signIn(browser, address, teacher, errors);
  await desk.getByRole('link', { name: /Cahier de textes/ }).first().click();
  await desk.getByRole('link', { name: 'Donner du travail' }).click();
  await desk.getByLabel('Matière').fill('Mathématiques');
  await desk.getByLabel('Titre').fill('Exercices 3 et 4 page 42');
  await desk.getByLabel('Date', { exact: true }).fill(today);
  await desk.getByLabel('Pour le').fill(next);
  await desk.getByLabel('Temps estimé (minutes)').fill('20');
  const editor = desk.getByRole('textbox', { name: 'Contenu' });
  await editor.click();
  await editor.pressSequentially('Faire les exercices du fichier.');
  await desk.getByRole('button', { name: 'Enregistrer' }).click();
  await desk.getByRole('heading', { name: 'Exercices 3 et 4 page 42' }).waitFor();
  await desk.getByRole('link', { name: /0\/2 fait/ }).waitFor();
  await desk.screenshot({ path: `${ARTIFACTS}textbook-week.png`, fullPage: true });
  t.pass("the homework is in the class's week, 0/2 fait");

  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const home = await signIn(phone, address, parent, errors);
  await home.goto(`${address}/apps/textbook/`);
  await home.getByRole('heading', { name: 'Pour demain' }).waitFor();
  await home.getByText('Faire les exercices du fichier.').waitFor();
  const box = home.getByRole('checkbox', { name: 'Fait : Exercices 3 et 4 page 42' });
  await box.focus();
  await home.keyboard.press('Space');
  // The page reloads the list once the server answered: the item is then drawn as done.
  await home.locator('li.homework.done').waitFor();
  t.ok(await box.isChecked(), 'ticked with the keyboard');
  t.equal((await platform.knex('textbook.ticks').where({ pupil_id: cm2.pupils[0]!.id })).length, 1, 'the tick is stored for the child');
  mkdirSync(ARTIFACTS, { recursive: true });
  await home.screenshot({ path: `${ARTIFACTS}textbook-family-phone.png`, fullPage: true });
  const overflow = await home.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  t.ok(overflow <= 0, `no horizontal scrolling on a 360 px screen (overflow ${overflow}px)`);
  t.same(await seriousViolations(home), [], 'no serious accessibility violation on the family page');

  await desk.reload();
  await desk.getByRole('link', { name: /1\/2 fait/ }).click();
  await desk.getByText(/Fait, coché par/).waitFor();
  await desk.screenshot({ path: `${ARTIFACTS}textbook-progress.png`, fullPage: true });
  t.pass('the teacher sees who did it');
  t.same(await seriousViolations(desk), [], "no serious accessibility violation on the teacher's page");
  t.same(errors, [], 'no script error in either tab');
});
