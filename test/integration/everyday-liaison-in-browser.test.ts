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
const errors: string[] = [];

t.before(async () => {
  platform = await createTestPlatform({ plugins: [liaison], buildWeb: true });
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  teacher = await platform.createUser({ profile: 'Teacher', schools: [school], login: 'louise.beranger', displayName: 'BÉRANGER Louise' });
  await platform.createClass({ school, label: 'CM2', levels: ['CM2'], teachers: [teacher], pupils: 3, relativesPerPupil: 1 });
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
