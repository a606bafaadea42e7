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
  // Lists show today's messages by their time: the server's clock must be the browser's.
  platform.clock.set(new Date());
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

t.test('unread lines look unread, every line has its date, and "Envoyés" names the recipients, never "non lu"', async (t) => {
  const received = await platform.as(parent).inject({ method: 'POST', url: '/api/messaging/messages', payload: { to: { users: [teacher.id] }, subject: 'Absence de Léa', body: '<p>Léa sera absente lundi.</p>' } });
  t.equal(received.statusCode, 201);
  const sent = await platform.as(teacher).inject({ method: 'POST', url: '/api/messaging/messages', payload: { to: { users: [parent.id] }, subject: 'Cahier oublié', body: '<p>Le cahier est resté en classe.</p>' } });
  t.equal(sent.statusCode, 201);
  const own = await platform.knex('messaging.mailbox').where({ user_id: teacher.id, message_id: sent.json().id }).first('read_at');
  t.ok(own.read_at, 'the author’s own entry is read');

  await openFolder(teacherPage, /^Boîte de réception/);
  const line = teacherPage.getByRole('list', { name: 'Boîte de réception' }).getByRole('button', { name: /Absence de Léa/ });
  await line.waitFor();
  t.match(await line.getAttribute('class'), /unread/);
  t.equal(await line.evaluate((button) => getComputedStyle(button).fontWeight), '700', 'an unread line is bold');
  t.match(await line.textContent(), /non lu,/, 'and says so to screen readers');
  const time = line.locator('time');
  t.ok(Date.parse((await time.getAttribute('datetime'))!), 'with its date');
  t.match((await time.textContent())!.trim(), /^\d{2}:\d{2}$/, 'today, the time');

  await openFolder(teacherPage, /^Envoyés/);
  const sentLine = teacherPage.getByRole('list', { name: 'Envoyés' }).getByRole('button', { name: /Cahier oublié/ });
  await sentLine.waitFor();
  const text = (await sentLine.textContent())!.replace(/\s+/g, ' ');
  t.match(text, `À : ${parent.displayName}`, 'a sent line names its recipient');
  t.notMatch(text, /MARTIN Claire|non lu/, 'not its author, and it is not unread');
  t.equal(await sentLine.evaluate((button) => getComputedStyle(button).fontWeight), '400');
  t.same(errors, []);
});

t.test('a new message becomes a draft only once it has a subject or a text, not for a name typed in "À"', async (t) => {
  const drafts = async () => platform.knex('messaging.messages').where({ author_id: parent.id, state: 'draft' }).select('subject');
  const page = await signIn(browser, address, parent, errors);
  // The draft is saved after 3 s of quiet: the page's clock is run forward rather than waited for.
  await page.clock.install();
  await openFolder(page, /^Boîte de réception/);
  await page.getByRole('button', { name: 'Nouveau message' }).click();
  const to = page.getByRole('combobox', { name: 'À' });
  await to.fill('martin');
  await page.clock.runFor(1000);
  await page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option', { name: /MARTIN Claire/ }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('preau-recipient-picker').getByText('MARTIN Claire').waitFor();
  await page.clock.runFor(5000);
  await page.getByRole('navigation', { name: 'Dossiers' }).getByRole('button', { name: 'Brouillons', exact: true }).click();
  await page.getByRole('list', { name: 'Brouillons' }).getByText('Aucun message.').waitFor();
  t.same(await drafts(), [], 'no empty draft');

  await page.getByRole('button', { name: 'Nouveau message' }).click();
  await page.getByLabel('Objet').fill('Sortie au musée');
  await page.clock.runFor(5000);
  await page.getByRole('status').getByText('Brouillon enregistré').waitFor();
  t.same(await drafts(), [{ subject: 'Sortie au musée' }], 'with a subject, the draft is kept');
  await page.context().close();
  t.same(errors, []);
});

t.test('a message’s preview keeps its paragraphs and cells apart', async (t) => {
  const response = await platform.as(parent).inject({
    method: 'POST', url: '/api/messaging/messages',
    payload: { to: { users: [teacher.id] }, subject: 'Rendez-vous', body: '<table><tr><td>Mardi 13 h 30</td><td>Bonjour Monsieur Simon</td></tr></table><h4>Merci</h4><p>La maman de Léa</p>' },
  });
  t.equal(response.statusCode, 201);
  await openFolder(teacherPage, /^Boîte de réception/);
  const preview = teacherPage.getByRole('list', { name: 'Boîte de réception' }).getByRole('button', { name: /Rendez-vous/ }).locator('.preview');
  t.equal((await preview.textContent())!.trim(), 'Mardi 13 h 30 Bonjour Monsieur Simon Merci La maman de Léa');
  t.same(errors, []);
});
