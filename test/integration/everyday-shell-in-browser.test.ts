import t from 'tap';
import type { Browser } from 'playwright-core';
import { createTestPlatform, type TestPlatform, type TestUser } from '@preau/core/testing';
import news from '@preau/plugin-news';
import messaging from '@preau/plugin-messaging';
import { launchChromium, signIn } from './browser.js';

// Everyday use of the shell (issue 19): one platform and one browser for the file.
let platform: TestPlatform;
let browser: Browser;
let address: string;
let school: Awaited<ReturnType<TestPlatform['createSchool']>>;
let schoolId: number;
let director: TestUser;
let parent: TestUser;
const errors: string[] = [];

t.before(async () => {
  platform = await createTestPlatform({ plugins: [news, messaging], buildWeb: true });
  school = await platform.createSchool({ name: 'École Victor Hugo' });
  schoolId = school.id;
  director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  const cm1 = await platform.createClass({ school, label: 'CM1', teachers: [director], pupils: 1, relativesPerPupil: 1 });
  parent = cm1.relatives[0]![0]!;
  address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});
t.teardown(async () => {
  await browser?.close();
  await platform?.close();
});

t.test('an app switched off leaves open launchers at once, and its address then says it is not enabled', async (t) => {
  const home = await signIn(browser, address, parent, errors);
  const tile = home.locator('preau-launcher').getByRole('link', { name: /Actualités/ });
  await tile.waitFor();
  const inside = await signIn(browser, address, parent, errors);
  await inside.goto(`${address}/apps/news`);
  await inside.getByRole('heading', { name: 'Actualités', level: 1 }).waitFor();

  const off = await platform.as(director).inject({ method: 'PUT', url: `/api/core/schools/${schoolId}/apps/news`, payload: { enabled: false } });
  t.equal(off.statusCode, 200);
  await tile.waitFor({ state: 'detached' });
  t.pass('the tile leaves the open launcher without a reload');
  await inside.getByText("Cette application n'est pas activée pour votre école.").waitFor();
  t.pass('a tab inside the app says it is no longer enabled');

  await home.goto(`${address}/apps/news`);
  await home.getByRole('heading', { name: 'Application non disponible', level: 1 }).waitFor();
  t.equal(await home.getByText("Cette page n'existe pas.").count(), 0, 'not "this page does not exist"');

  await platform.as(director).inject({ method: 'PUT', url: `/api/core/schools/${schoolId}/apps/news`, payload: { enabled: true } });
  await home.getByRole('heading', { name: 'Actualités', level: 1 }).waitFor();
  t.pass('switched back on, the open page shows the app');
  await home.context().close();
  await inside.context().close();
  t.same(errors, []);
});

t.test('right after sign-in the home page says it is loading, never that there is no app or no class', async (t) => {
  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(address);
  await page.getByLabel('Identifiant').fill(director.login);
  await page.getByLabel('Mot de passe').fill(director.password);
  // The home page's context and apps are held back until the loading state has been seen.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  for (const path of ['**/api/core/me', '**/api/core/apps']) await page.route(path, async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Accueil', level: 1 }).waitFor();
  const apps = page.getByRole('region', { name: 'Mes applications' });
  await apps.getByRole('status').getByText('Chargement…').waitFor();
  await page.getByRole('region', { name: 'Mes classes' }).getByRole('status').getByText('Chargement…').waitFor();
  t.equal(await page.getByText("Aucune application n'est activée pour votre école.").count(), 0, 'no false "no app"');
  t.equal(await page.getByText('Aucune classe cette année.').count(), 0, 'no false "no class"');

  release();
  await apps.getByRole('link', { name: /Actualités/ }).waitFor();
  await page.getByRole('region', { name: 'Mes classes' }).getByRole('link', { name: 'CM1' }).waitFor();
  t.pass('then the apps and classes appear');
  await page.context().close();
  t.same(errors, []);
});

t.test('a parent’s notification settings list only what parents receive, and the mobile field promises no SMS', async (t) => {
  const types = async (user: TestUser) => ((await platform.as(user).inject('/api/core/me/notification-preferences')).json().types as { app: string; type: string }[]).map((x) => `${x.app}.${x.type}`);
  const staffOnly = ['core.gateway-proposed', 'core.gateway-answered', 'news.submitted', 'messaging.moderation-pending'];
  const parents = await types(parent);
  t.same(staffOnly.filter((type) => parents.includes(type)), [], 'none of the staff-only types for a parent');
  t.ok(parents.includes('messaging.message-received') && parents.includes('news.published'), 'the types parents receive are there');
  const directors = await types(director);
  t.same(staffOnly.filter((type) => !directors.includes(type)), [], 'the director has them all');

  const page = await signIn(browser, address, parent, errors);
  await page.goto(`${address}/account`);
  const table = page.locator('preau-notification-preferences');
  await table.getByRole('combobox', { name: /Nouveau message/ }).waitFor();
  t.equal(await table.getByRole('combobox', { name: /Actualité à valider|Message d’élève à valider|Passerelle/ }).count(), 0, 'the page shows none of them');
  const hint = (await page.locator('#mobile-hint').textContent())!;
  t.notMatch(hint, /SMS/, 'no SMS promised');
  t.match(hint, /annuaire/);
  await page.context().close();
  t.same(errors, []);
});

t.test('the activation slips PDF is named after its class without mangling accents', async (t) => {
  const ce = await platform.createClass({ school, label: 'CE1-CE2 M. Guérin', teachers: [director], pupils: 1, relativesPerPupil: 1 });
  const response = await platform.as(director).inject({ method: 'POST', url: `/api/core/schools/${schoolId}/classes/${ce.id}/activation-slips`, payload: { format: 'pdf', only: 'all' } });
  t.equal(response.statusCode, 200);
  t.match(response.headers['content-disposition'], 'filename="fiches-activation-ce1-ce2-m-guerin.pdf"', 'the server names it');

  const page = await signIn(browser, address, director, errors);
  await page.goto(`${address}/admin/schools/${schoolId}/classes/${ce.id}`);
  // Its people are all activated already: slips for everyone (a page with no slip is not offered).
  await page.getByRole('radio', { name: /^Tout le monde/ }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger en PDF' }).click()]);
  t.equal(download.suggestedFilename(), 'fiches-activation-ce1-ce2-m-guerin.pdf', 'and so does the class page');
  await page.context().close();
  t.same(errors, []);
});
