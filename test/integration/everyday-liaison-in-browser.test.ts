import t from 'tap';
import type { Browser, Page } from 'playwright-core';
import { createTestPlatform, type TestPlatform, type TestUser } from '@preau/core/testing';
import liaison from '@preau/plugin-liaison';
import { launchChromium, signIn } from './browser.js';

// Everyday use of the liaison notebook (issue 19): one platform and one browser for the file.
let platform: TestPlatform;
let browser: Browser;
let address: string;
let teacher: TestUser;
let teacherPage: Page;
let classId: number;
const errors: string[] = [];

t.before(async () => {
  platform = await createTestPlatform({ plugins: [liaison], buildWeb: true });
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  teacher = await platform.createUser({ profile: 'Teacher', schools: [school], login: 'louise.beranger', displayName: 'BÉRANGER Louise' });
  classId = (await platform.createClass({ school, label: 'CM2', levels: ['CM2'], teachers: [teacher], pupils: 3, relativesPerPupil: 1 })).id;
  address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  teacherPage = await signIn(browser, address, teacher, errors);
});
t.teardown(async () => {
  await browser?.close();
  await platform?.close();
});

const count = async (table: string): Promise<number> => Number((await platform.knex(table).count<{ n: string }[]>('* as n'))[0]!.n);

t.test('the word form tells a missing title and a choice question with one option in French, before sending', async (t) => {
  const page = teacherPage;
  await page.goto(`${address}/apps/liaison/new`);
  const send = page.getByRole('button', { name: 'Envoyer le mot' });
  await send.click();
  await page.getByRole('alert').getByText('Le champ « Titre » est obligatoire.').waitFor();
  t.equal(await page.getByLabel('Titre', { exact: true }).getAttribute('aria-invalid'), 'true');
  await page.getByLabel('Titre', { exact: true }).fill('Rendez-vous individuels');
  await page.getByLabel('Un choix parmi plusieurs').check();
  await page.getByLabel('Intitulé de la question').fill('Quel créneau vous convient ?');
  await page.getByLabel('Choix proposés (un par ligne)').fill('Lundi 17 h');
  await send.click();
  await page.getByRole('alert').getByText('Le champ « Choix proposés (un par ligne) » doit contenir au moins 2 éléments.').waitFor();
  t.equal(await count('liaison.words'), 0, 'nothing was sent');
  t.same(errors, []);
});

t.test('the print view puts the question on every slip, prints link addresses and leaves out the help button', async (t) => {
  const word = await platform.as(teacher).inject({
    method: 'POST', url: '/api/liaison/words',
    payload: {
      title: 'Sortie à la ferme', category: 'autorisation', classIds: [classId],
      body: '<p>Prévoir des bottes.</p><p>Le programme est sur <a href="https://ferme.example/visite">le site de la ferme</a>.</p>',
      question: { kind: 'yes-no', prompt: 'Autorisez-vous votre enfant à participer ?' },
    },
  });
  t.equal(word.statusCode, 201);
  const page = teacherPage;
  await page.goto(`${address}/apps/liaison/words/${word.json().id}/print`);
  const slips = page.locator('[data-slip]');
  await slips.first().waitFor();
  t.equal(await slips.count(), 3, 'a slip per pupil');
  for (const slip of await slips.all()) {
    t.match(await slip.textContent(), /Autorisez-vous votre enfant à participer \?[\s\S]*☐ Oui[\s\S]*☐ Non/, 'each slip asks the question, with boxes to tick');
  }
  await page.emulateMedia({ media: 'print' });
  t.equal(await page.getByRole('button', { name: /Aide/ }).isVisible(), false, 'the help button is not printed');
  const link = page.locator('[data-print="word"]').getByRole('link', { name: 'le site de la ferme' });
  t.match(await link.evaluate((a) => getComputedStyle(a, '::after').content), /https:\/\/ferme\.example\/visite/, 'a link prints its address');
  await page.emulateMedia({ media: 'screen' });
  t.ok(await page.getByRole('button', { name: /Aide/ }).isVisible(), 'on screen the help is there');
  t.same(errors, []);
});
