import t from 'tap';
import { appendFileSync } from 'node:fs';
import { createECDH, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Worker } from 'playwright-core';
import sharp from 'sharp';
import liaison from '@preau/plugin-liaison';
import messaging from '@preau/plugin-messaging';
import textbook from '@preau/plugin-textbook';
import { createTestPlatform, type TestPlatform, type TestUser } from '@preau/core/testing';
import { launchChromium, signIn } from './browser.js';

// Issue 21: Préau installable, its service worker, the offline page and offline reading, notification clicks.
let platform: TestPlatform;
let browser: Browser;
let address: string;
let teacher: TestUser;
let parent: TestUser;
let pupilId: number;
const errors: string[] = [];

t.before(async () => {
  platform = await createTestPlatform({ plugins: [liaison, messaging, textbook], buildWeb: true, config: { app: { name: 'ENT Académie de Test', shortName: 'ENT Test', themeColour: '#8a1538' }, notifications: { push: { endpointOrigins: ['http://127.0.0.1:9'] } } } });
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'DUPONT Marie' });
  const cm2 = await platform.createClass({ school, label: 'CM2', teachers: [teacher], pupils: 1, relativesPerPupil: 1 });
  parent = cm2.relatives[0]![0]!;
  pupilId = cm2.pupils[0]!.id;
  const posted = await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/words', payload: { title: 'Sortie au musée jeudi', body: '<p>Prévoir un pique-nique.</p>', category: 'sortie', requiresAck: true, classIds: [cm2.id] } });
  if (posted.statusCode !== 201) throw new Error(posted.body);
  // Homework for tomorrow (the test clock's today is Thursday 26 November 2026).
  const now = platform.clock.now();
  await platform.knex('textbook.entries').insert({
    school_id: school.id, class_id: cm2.id, kind: 'homework', subject: 'Mathématiques', title: 'Exercices 3 et 4 page 42', body: '<p>Sur le cahier du jour.</p>',
    day: '2026-11-26', due_on: '2026-11-27', minutes: 15, visible_at: now, author_id: teacher.id, author_name: teacher.displayName, created_at: now, updated_at: now,
  });
  address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});
t.teardown(async () => {
  await browser?.close();
  await platform?.close();
});

const workerOf = async (context: BrowserContext, page: Page): Promise<Worker> => {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
};

t.test('the manifest is made from the configuration, Chromium finds no error in it, and every icon is a PNG of its size', async (t) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(address);
  await page.getByLabel('Identifiant').waitFor();
  const cdp = await context.newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  t.same(manifest.errors, [], 'no errors in the app manifest');
  const data = JSON.parse(manifest.data!) as { name: string; short_name: string; theme_color: string; display: string; start_url: string; icons: { src: string; sizes: string; purpose: string }[]; shortcuts: { url: string }[] };
  t.match(data, { name: 'ENT Académie de Test', short_name: 'ENT Test', theme_color: '#8a1538', display: 'standalone', start_url: '/' });
  t.same(data.shortcuts.map((s) => s.url), ['/apps/liaison', '/apps/messaging'], 'shortcuts to the notebook and the messaging');
  for (const icon of data.icons.filter((i) => i.src.endsWith('.png'))) {
    const response = await fetch(`${address}${icon.src}`);
    t.equal(response.status, 200, icon.src);
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    t.equal(`${meta.width}x${meta.height}`, icon.sizes, `${icon.src} is ${icon.sizes}`);
  }
  t.ok(data.icons.some((i) => i.purpose === 'maskable'), 'a maskable icon');
  await context.close();
});

t.test('Chromium finds Préau installable once its worker runs (in a profile of its own: an incognito window never installs)', async (t) => {
  const profile = await mkdtemp(join(tmpdir(), 'preau-install-'));
  t.teardown(() => rm(profile, { recursive: true, force: true }));
  const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.PREAU_CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = await context.newPage();
  await page.goto(address);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  t.same(installabilityErrors, [], 'no installability error');
  await context.close();
});

t.test('the service worker installs; with the network cut a parent reads their child’s last words, and a confirmation waits for the network', async (t) => {
  const context = await browser.newContext();
  const page = await signIn(context, address, parent, errors);
  await workerOf(context, page);
  t.ok(await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active)), 'the worker is active');
  t.ok(await page.evaluate(() => caches.keys().then((keys) => keys.some((key) => key.startsWith('preau-shell-')))), 'the shell is precached');

  // Read once with the network: the worker keeps that answer (and only the documented ones).
  await page.goto(`${address}/apps/liaison`);
  await page.getByText('Sortie au musée jeudi').first().waitFor();
  await page.waitForFunction(async () => (await caches.open('preau-data').then((c) => c.keys())).some((r) => r.url.includes('/api/liaison/children/')));
  await page.goto(`${address}/apps/textbook`);
  await page.getByText('Exercices 3 et 4 page 42').first().waitFor();
  await page.waitForFunction(async () => (await caches.open('preau-data').then((c) => c.keys())).some((r) => r.url.includes('/api/textbook/')));
  const kept = await page.evaluate(async () => (await (await caches.open('preau-data')).keys()).map((r) => new URL(r.url).pathname));
  t.ok(kept.every((path) => /^\/api\/liaison\/children\/\d+\/words$|^\/api\/textbook\/pupils\/\d+\/homework$|^\/__preau\/session$/.test(path)), `only the documented answers are kept: ${kept.join(', ')}`);

  await context.setOffline(true);
  await page.goto(`${address}/apps/liaison`);
  await page.getByRole('heading', { name: 'Vous êtes hors connexion', level: 1 }).waitFor();
  t.ok(await page.getByRole('heading', { name: 'Ce qui manque sans réseau' }).isVisible(), 'the page says what is missing');
  await page.getByRole('heading', { name: 'Sortie au musée jeudi' }).waitFor();
  t.ok(await page.getByText('Prévoir un pique-nique.').isVisible(), 'the word’s text is readable offline');
  t.match(await page.locator('main').innerText(), /Carnet de liaison — /, 'under the child’s name');
  await page.getByRole('heading', { name: /^Pour demain — / }).waitFor();
  t.ok(await page.getByRole('heading', { name: 'Mathématiques : Exercices 3 et 4 page 42' }).isVisible(), 'and the homework for tomorrow');

  await page.getByRole('button', { name: 'Confirmer la lecture' }).click();
  await page.getByText('votre confirmation est gardée sur cet appareil').waitFor();
  const acknowledged = () => platform.knex('liaison.acknowledgements').where({ pupil_id: pupilId }).first('pupil_id');
  t.equal(await acknowledged(), undefined, 'nothing reached the server yet');

  await context.setOffline(false);
  await t.resolves(waitFor(async () => Boolean(await acknowledged())), 'sent once the network is back');
  t.same(errors, []);
  await context.close();
});

t.test('signing out clears what was kept for offline reading', async (t) => {
  const context = await browser.newContext();
  const page = await signIn(context, address, parent, errors);
  await workerOf(context, page);
  await page.goto(`${address}/apps/liaison`);
  await page.getByText('Sortie au musée jeudi').first().waitFor();
  await page.waitForFunction(() => caches.has('preau-data'));
  await page.evaluate(() => document.querySelector('preau-app')!.dispatchEvent(new CustomEvent('preau-sign-out')));
  await page.getByLabel('Identifiant').waitFor();
  await page.waitForFunction(async () => !(await caches.has('preau-data')));
  t.pass('the kept answers are gone');
  await context.close();
});

t.test('a notification click opens its page in the open tab', async (t) => {
  const context = await browser.newContext();
  const page = await signIn(context, address, parent, errors);
  const worker = await workerOf(context, page);
  const word = await platform.knex('liaison.words').first('id');
  await worker.evaluate((url) => (self as unknown as { openNotificationPage(data: unknown): Promise<void> }).openNotificationPage({ url }), `/apps/liaison/words/${word.id}`);
  await page.waitForURL(`${address}/apps/liaison/words/${word.id}`);
  await page.getByRole('heading', { name: 'Sortie au musée jeudi' }).first().waitFor();
  t.pass('the word is shown');
  await context.close();
});

t.test('a new version of the code shows « nouvelle version disponible », and accepting it reloads the page', async (t) => {
  const context = await browser.newContext();
  const page = await signIn(context, address, parent, errors);
  await workerOf(context, page);
  appendFileSync(join(platform.platform.shell!.dir, 'sw.js'), '\n// a new build\n');
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/'))!.update());
  await page.getByText('Une nouvelle version de Préau est disponible.').waitFor();
  const reloaded = page.waitForEvent('load');
  await page.getByRole('button', { name: 'Mettre à jour' }).click();
  await reloaded;
  await page.getByRole('heading', { name: 'Accueil', level: 1 }).waitFor();
  t.equal(await page.getByText('Une nouvelle version de Préau est disponible.').count(), 0, 'the new version runs');
  await context.close();
});

t.test('Mon compte lists the devices with their browser and date, removes one, and offers push per type', async (t) => {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const made = await platform.as(parent).inject({
    method: 'POST', url: '/api/core/me/devices', headers: { 'user-agent': 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36' },
    payload: { endpoint: 'http://127.0.0.1:9/push/phone', keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') } },
  });
  t.equal(made.statusCode, 201, made.body);
  const context = await browser.newContext();
  const page = await signIn(context, address, parent, errors);
  await page.goto(`${address}/account`);
  await page.getByRole('heading', { name: 'Mes appareils' }).waitFor();
  t.ok(await page.getByRole('button', { name: 'Recevoir les notifications sur cet appareil' }).isVisible(), 'this device may subscribe');
  t.match(await page.locator('preau-push-devices li').first().innerText(), /Chrome sur Android — abonné le \d+/, 'the phone, with its browser and date');
  t.ok(await page.getByRole('checkbox', { name: 'Recevoir « Nouveau mot dans le carnet » sur mes appareils' }).isChecked(), 'words are pushed by default');
  await page.getByRole('button', { name: 'Retirer l’appareil Chrome sur Android' }).or(page.getByRole('button', { name: "Retirer l'appareil Chrome sur Android" })).click();
  await page.getByText('Appareil retiré.').waitFor();
  t.equal(await platform.knex('core.push_subscriptions').where({ user_id: parent.id }).first('id'), undefined, 'removed on the server');
  t.same(errors, []);
  await context.close();
});

async function waitFor(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
