import t from 'tap';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createTestPlatform, type TestUser } from '@preau/core/testing';
import messaging from '@preau/plugin-messaging';
import { launchChromium, signIn } from './browser.js';
import { seriousViolations } from './axe.js';

// A 1×1 PNG: the server detects its type from the bytes, not from the name.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Signs in and opens Messagerie. */
async function openMessaging(browser: Browser, address: string, user: TestUser, errors: string[]): Promise<Page> {
  const page = await signIn(browser, address, user, errors);
  await page.getByRole('link', { name: /Messagerie/ }).first().click();
  await page.getByRole('navigation', { name: 'Dossiers' }).waitFor();
  return page;
}

t.test('a parent writes to their child’s teacher with a photo, the teacher gets it live and replies, then approves a pupil’s message', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'preau-messaging-browser-'));
  const platform = await createTestPlatform({ plugins: [messaging], buildWeb: true, config: { storage: { dir } } });
  t.teardown(async () => {
    await platform.close();
    await rm(dir, { recursive: true, force: true });
  });
  const school = await platform.createSchool({ name: 'École Jules Ferry' });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], login: 'claire.martin', displayName: 'MARTIN Claire' });
  const cm2 = await platform.createClass({ school, label: 'CM2', teachers: [teacher], pupils: 1, relativesPerPupil: 1 });
  const parent = cm2.relatives[0]![0]!;
  const otherSchool = await platform.createSchool({ name: 'École Victor Hugo' });
  const ce1 = await platform.createClass({ school: otherSchool, label: 'CE1', pupils: 1, relativesPerPupil: 1 });
  const otherParent = ce1.relatives[0]![0]!;

  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const errors: string[] = [];
  const teacherPage = await openMessaging(browser, address, teacher, errors);
  await teacherPage.getByText('Aucun message.').waitFor();
  const page = await openMessaging(browser, address, parent, errors);

  await page.getByRole('button', { name: 'Nouveau message' }).click();
  const to = page.getByRole('combobox', { name: 'À' });
  const options = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option');
  await to.fill('PARENT1 CE1');
  await page.getByText('Aucun destinataire trouvé', { exact: true }).first().waitFor();
  t.pass('a parent of another school is not offered');
  await to.fill('martin');
  await options.filter({ hasText: 'MARTIN Claire' }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('preau-recipient-picker').getByText('MARTIN Claire').waitFor();
  await page.getByLabel('Objet').fill('Sortie de jeudi');
  await page.getByRole('textbox', { name: 'Message' }).click();
  await page.keyboard.type('Voici la photo de Léa pour l’autorisation.');
  await page.getByLabel('Joindre un fichier').setInputFiles({ name: 'photo-lea.png', mimeType: 'image/png', buffer: PHOTO });
  await page.getByRole('list', { name: 'Pièces jointes' }).getByText('photo-lea.png').waitFor();
  t.same(await seriousViolations(page), [], 'axe-core: the compose form has no serious or critical violation');
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await page.getByRole('status').getByText('Message envoyé').waitFor();

  // The teacher's tab was open on the inbox: the message arrives without a reload, counted unread.
  await teacherPage.getByRole('button', { name: /Sortie de jeudi/ }).waitFor({ timeout: 10_000 });
  await teacherPage.getByRole('navigation', { name: 'Dossiers' }).getByRole('button', { name: 'Boîte de réception 1 non lu', exact: true }).waitFor();
  t.pass('the teacher sees the message live, with its unread count');
  await teacherPage.getByRole('button', { name: /Sortie de jeudi/ }).click();
  await teacherPage.getByRole('heading', { name: 'Sortie de jeudi' }).waitFor();
  await teacherPage.getByRole('article').getByText('Voici la photo de Léa pour l’autorisation.').waitFor();
  const attachment = teacherPage.getByRole('list', { name: 'Pièces jointes' }).getByRole('link', { name: /photo-lea\.png/ });
  const download = await teacherPage.evaluate(async (href) => {
    const response = await fetch(href!);
    return { status: response.status, type: response.headers.get('content-type'), size: (await response.arrayBuffer()).byteLength };
  }, await attachment.getAttribute('href'));
  t.same(download, { status: 200, type: 'image/png', size: PHOTO.length }, 'the teacher downloads the photo');
  await teacherPage.getByRole('navigation', { name: 'Dossiers' }).getByRole('button', { name: 'Boîte de réception', exact: true }).waitFor();
  t.pass('opened, the message is no longer counted unread');
  t.same(await seriousViolations(teacherPage), [], 'axe-core: the open message has no serious or critical violation');

  await teacherPage.getByRole('button', { name: 'Répondre', exact: true }).click();
  t.equal(await teacherPage.getByLabel('Objet').inputValue(), 'RE : Sortie de jeudi', 'the reply keeps the subject');
  await teacherPage.getByRole('textbox', { name: 'Message' }).click();
  await teacherPage.keyboard.press('Control+Home');
  await teacherPage.keyboard.type('Bien reçu, merci !');
  await teacherPage.getByRole('button', { name: 'Envoyer' }).click();
  await teacherPage.getByRole('status').getByText('Message envoyé').waitFor();

  await page.getByRole('button', { name: /RE : Sortie de jeudi/ }).waitFor({ timeout: 10_000 });
  await page.getByRole('button', { name: /RE : Sortie de jeudi/ }).click();
  await page.getByRole('article').getByText('Bien reçu, merci !').waitFor();
  t.pass('the parent reads the reply');

  // The teacher recalls the reply from the sent folder: the parent then sees "Message rappelé" instead.
  await teacherPage.getByRole('navigation', { name: 'Dossiers' }).getByRole('button', { name: /^Envoyés/ }).click();
  await teacherPage.getByRole('button', { name: /RE : Sortie de jeudi/ }).click();
  await teacherPage.getByRole('button', { name: 'Rappeler', exact: true }).click();
  await teacherPage.getByRole('article').getByRole('button', { name: 'Rappeler', exact: true }).waitFor({ state: 'detached' });
  await page.reload();
  await page.getByRole('button', { name: /Message rappelé/ }).first().click();
  await page.getByRole('article').getByText('Message rappelé par son expéditeur.').waitFor();
  t.equal(await page.getByRole('article').getByText('Bien reçu, merci !').count(), 0, 'recalled, the reply is gone for the parent');

  const refused = await platform.as(parent).inject({ method: 'POST', url: '/api/messaging/messages', payload: { to: { users: [otherParent.id] }, subject: 'Bonjour', body: '<p>Bonjour</p>' } });
  t.equal(refused.statusCode, 403, 'the server refuses a parent of another school even when asked directly');

  // The school asks for pupils' messages to be approved: the teacher approves one from the queue.
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  await platform.as(director).inject({ method: 'PUT', url: `/api/core/schools/${school.id}/rights/messaging/sendWithoutApproval`, payload: { profiles: [] } });
  const pending = (await platform.as(cm2.pupils[0]!).inject({ method: 'POST', url: '/api/messaging/messages', payload: { to: { users: [teacher.id] }, subject: 'Mon exposé sur les volcans', body: '<p>Voici mon exposé.</p>' } })).json();
  t.equal(pending.state, 'pending');
  await teacherPage.getByRole('navigation', { name: 'Dossiers' }).getByRole('button', { name: 'À valider' }).click();
  const queue = teacherPage.getByRole('list', { name: 'À valider' });
  await queue.getByText('Mon exposé sur les volcans').waitFor();
  await queue.getByRole('button', { name: /^Valider « Mon exposé sur les volcans » de / }).click();
  await queue.getByText('Aucun message.').waitFor();
  const inbox = (await platform.as(teacher).inject('/api/messaging/folders/inbox/messages')).json();
  t.ok(inbox.items.some((m: { id: number }) => m.id === pending.id), 'approved in the queue, the pupil’s message is delivered');
  t.same(errors, []);
});
