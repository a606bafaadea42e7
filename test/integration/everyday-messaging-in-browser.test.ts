import t from 'tap';
import type { Browser, Page } from 'playwright-core';
import { createTestPlatform, type TestPlatform, type TestUser } from '@preau/core/testing';
import messaging from '@preau/plugin-messaging';
import { launchChromium, signIn } from './browser.js';

// Everyday use of Messagerie (issue 19): one platform and one browser for the file.
let platform: TestPlatform;
let browser: Browser;
let address: string;
let teacher: TestUser;
let parent: TestUser;
let teacherPage: Page;
const errors: string[] = [];

/** Opens Messagerie on `page`, in the folder named `folder`. */
async function openFolder(page: Page, folder: RegExp | string): Promise<void> {
  await page.goto(`${address}/apps/messaging`);
  await page.getByRole('navigation', { name: 'Dossiers' }).getByRole('button', { name: folder }).click();
}

t.before(async () => {
  platform = await createTestPlatform({ plugins: [messaging], buildWeb: true });
  const school = await platform.createSchool({ name: 'École Jules Ferry' });
  teacher = await platform.createUser({ profile: 'Teacher', schools: [school], login: 'claire.martin', displayName: 'MARTIN Claire' });
  const cm2 = await platform.createClass({ school, label: 'CM2', teachers: [teacher], pupils: 2, relativesPerPupil: 1 });
  parent = cm2.relatives[0]![0]!;
  address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  teacherPage = await signIn(browser, address, teacher, errors);
});
t.teardown(async () => {
  await browser?.close();
  await platform?.close();
});

/** Messages sent (or waiting to be): drafts saved while typing do not count. */
const sentCount = async (): Promise<number> => Number((await platform.knex('messaging.messages').whereNot({ state: 'draft' }).count<{ n: string }[]>('* as n'))[0]!.n);

t.test('sending a message without a recipient is told in French before anything is sent', async (t) => {
  const before = await sentCount();
  await openFolder(teacherPage, 'Boîte de réception');
  await teacherPage.getByRole('button', { name: 'Nouveau message' }).click();
  await teacherPage.getByLabel('Objet').fill('Réunion de rentrée');
  await teacherPage.getByRole('button', { name: 'Envoyer' }).click();
  await teacherPage.getByRole('alert').getByText('Ajoutez au moins un destinataire.').waitFor();
  t.ok(await teacherPage.getByRole('combobox', { name: 'À' }).evaluate((input) => input.matches(':focus')), 'the "À" field is focused');
  t.equal(await sentCount(), before, 'nothing was sent');
  t.same(errors, []);
});
