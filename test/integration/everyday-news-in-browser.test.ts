import t from 'tap';
import type { Browser, Page } from 'playwright-core';
import { createTestPlatform, type TestPlatform, type TestUser } from '@preau/core/testing';
import news from '@preau/plugin-news';
import { launchChromium, signIn } from './browser.js';

// A 1×1 PNG: the server detects its type from the bytes, not from the name.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

// Everyday use of Actualités (issue 19): one platform and one browser for the file.
let platform: TestPlatform;
let browser: Browser;
let address: string;
let director: TestUser;
let directorPage: Page;
let cm2: Awaited<ReturnType<TestPlatform['createClass']>>;
let schoolId: number;
const errors: string[] = [];

t.before(async () => {
  platform = await createTestPlatform({ plugins: [news], buildWeb: true });
  platform.clock.set(new Date());
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  schoolId = school.id;
  director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }], displayName: 'MARTINEZ Isabelle' });
  // The director teaches no class: the flash form must still offer every class of the school.
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'BÉRANGER Louis' });
  cm2 = await platform.createClass({ school, label: 'CM2', teachers: [teacher], pupils: 1, relativesPerPupil: 1 });
  await platform.createClass({ school, label: 'CP', pupils: 1, relativesPerPupil: 1 });
  const parents = await platform.knex('core.groups').where({ school_id: school.id, kind: 'school', profile: 'Relative' }).first('id');
  await platform.as(director).inject({ method: 'POST', url: '/api/news/threads', payload: { schoolId: school.id, title: "Vie de l'école", shares: [{ groupId: parents.id, role: 'read' }] } });
  address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  directorPage = await signIn(browser, address, director, errors);
});
t.teardown(async () => {
  await browser?.close();
  await platform?.close();
});

t.test('the news and flash forms tell a missing field in French, by its name, before sending anything', async (t) => {
  const page = directorPage;
  await page.goto(`${address}/apps/news/write`);
  const form = page.getByRole('form', { name: 'Écrire une actualité' });
  await form.getByRole('button', { name: 'Publier', exact: true }).click();
  await form.getByRole('alert').getByText('Le champ « Titre » est obligatoire.').waitFor();
  const title = form.getByLabel('Titre', { exact: true });
  t.equal(await title.getAttribute('aria-invalid'), 'true', 'the field is marked invalid');
  t.ok(await title.evaluate((input) => input.matches(':focus')), 'and focused');

  await page.goto(`${address}/apps/news/flash`);
  const flash = page.getByRole('form', { name: 'Nouveau message flash' });
  await flash.getByLabel('Titre', { exact: true }).fill('   ');
  await flash.getByRole('button', { name: 'Publier le message' }).click();
  await flash.getByRole('alert').getByText('Le champ « Titre » est obligatoire.').waitFor();
  await flash.getByLabel('Titre', { exact: true }).fill('Photo de classe mardi');
  await flash.getByRole('group', { name: 'Destinataires' }).getByLabel('Parents').uncheck();
  await flash.getByRole('button', { name: 'Publier le message' }).click();
  await flash.getByRole('alert').getByText('Le champ « Destinataires » doit contenir au moins un élément.').waitFor();

  const written = await platform.knex('news.items').count<{ n: string }[]>('* as n');
  const flashes = await platform.knex('news.flash_messages').count<{ n: string }[]>('* as n');
  t.same([Number(written[0]!.n), Number(flashes[0]!.n)], [0, 0], 'nothing was sent');
  t.same(errors, []);
});

t.test('a director who teaches no class offers a flash message to any class of the school', async (t) => {
  const page = directorPage;
  await page.goto(`${address}/apps/news/flash`);
  const form = page.getByRole('form', { name: 'Nouveau message flash' });
  const classes = form.getByRole('group', { name: /^Classes/ });
  await classes.getByLabel('CM2').waitFor();
  t.same(await classes.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => b.parentElement!.textContent!.trim())), ['CM2', 'CP'], 'both classes of the school');
  await form.getByLabel('Titre', { exact: true }).fill('Piscine annulée');
  await classes.getByLabel('CM2').check();
  platform.clock.set(new Date());
  await form.getByRole('button', { name: 'Publier le message' }).click();
  await page.getByRole('listitem').filter({ hasText: 'Piscine annulée' }).waitFor();
  const stored = await platform.knex('news.flash_messages').where({ title: 'Piscine annulée' }).first('class_ids');
  t.same(stored.class_ids, [cm2.id], 'the message is for the CM2 only');
  t.same(errors, []);
});

t.test('"J\'ai lu" on a flash message also reads its notification, which opens the message, not the home page', async (t) => {
  const parent = cm2.relatives[0]![0]!;
  const page = await signIn(browser, address, parent, errors);
  const now = Date.now();
  platform.clock.set(new Date(now));
  const posted = await platform.as(director).inject({
    method: 'POST', url: '/api/news/flash',
    payload: { schoolIds: [schoolId], title: 'Grève jeudi', body: '<p>Pas de cantine jeudi.</p>', colour: 'warning', signature: 'La directrice', profiles: ['Relative'], startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 86_400_000).toISOString(), notify: true },
  });
  t.equal(posted.statusCode, 201);
  const flash = page.locator('news-flash-messages').getByRole('status').filter({ hasText: 'Grève jeudi' });
  await flash.waitFor();
  const bell = page.getByRole('link', { name: /Notifications : 1 non lue/ });
  await bell.waitFor();
  const item = page.locator('preau-timeline').getByRole('link', { name: /Grève jeudi/ });
  t.equal(await item.getAttribute('href'), `/apps/news/flash/${posted.json().id}`, 'the notification opens the message itself');

  await flash.getByRole('button', { name: "J'ai lu" }).click();
  await page.getByRole('link', { name: /Notifications : aucune non lue/ }).waitFor();
  t.pass('the bell goes down at once, without a reload');
  const unread = await platform.knex('core.notification_recipients as r').join('core.notifications as n', 'n.id', 'r.notification_id')
    .where({ 'r.user_id': parent.id, 'n.app': 'news' }).whereNull('r.read_at').count<{ n: string }[]>('* as n');
  t.equal(Number(unread[0]!.n), 0, 'the notification is read in the database');

  await item.click();
  const opened = page.locator('news-flash-messages').filter({ hasText: 'Pas de cantine jeudi.' });
  await opened.getByText('Lu ✓').waitFor();
  t.pass('the notification’s page shows the message, already read');
  await page.context().close();
  t.same(errors, []);
});

t.test('the news editor makes the writer choose the thread, and takes a picture from the computer with its description', async (t) => {
  await platform.as(director).inject({ method: 'POST', url: '/api/news/threads', payload: { schoolId, title: 'Activités périscolaires', shares: [] } });
  const page = directorPage;
  await page.goto(`${address}/apps/news/write`);
  const form = page.getByRole('form', { name: 'Écrire une actualité' });
  const thread = form.getByRole('combobox', { name: "Fil d'info" });
  await thread.waitFor();
  t.equal(await thread.inputValue(), '', 'no thread chosen for the writer (it was the first in alphabetical order)');
  await form.getByLabel('Titre', { exact: true }).fill('Kermesse');
  await form.getByRole('button', { name: 'Publier', exact: true }).click();
  await form.getByRole('alert').getByText("Le champ « Fil d'info » est obligatoire.").waitFor();
  await thread.selectOption({ label: "Vie de l'école" });

  await form.getByRole('textbox', { name: 'Texte' }).click();
  await form.getByRole('toolbar', { name: 'Mise en forme' }).getByRole('button', { name: 'Image', exact: true }).click();
  const panel = form.getByRole('form', { name: 'Image' });
  await panel.getByLabel("Image de l'ordinateur").setInputFiles({ name: 'IMG_2041.png', mimeType: 'image/png', buffer: PNG });
  await panel.getByRole('button', { name: "Insérer l'image" }).click();
  await panel.getByText("Décrivez l'image en quelques mots").waitFor();
  await panel.getByLabel("Description de l'image (pour qui ne la voit pas)").fill('Les stands dans la cour');
  await panel.getByRole('button', { name: "Insérer l'image" }).click();
  await panel.waitFor({ state: 'detached' });
  await form.getByRole('button', { name: 'Publier', exact: true }).click();
  await page.getByRole('heading', { name: 'Kermesse', level: 1 }).waitFor();
  const item = await platform.knex('news.items as i').join('news.threads as th', 'th.id', 'i.thread_id').where('i.title', 'Kermesse').first('th.title', 'i.body');
  t.equal(item.title, "Vie de l'école", 'published in the thread chosen');
  t.match(item.body, /<img src="\/api\/core\/files\/[a-f0-9]{32}" alt="Les stands dans la cour"/, 'the picture from the computer, described by its writer');
  t.same(errors, []);
});
