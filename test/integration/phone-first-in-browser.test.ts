import t from 'tap';
import type { Browser, Page } from 'playwright-core';
import news from '@preau/plugin-news';
import messaging from '@preau/plugin-messaging';
import lunchMenu from '@preau/example-lunch-menu';
import { createTestPlatform, type TestPlatform, type TestUser } from '@preau/core/testing';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium, signIn } from './browser.js';

// Screenshots for a human to look at (git-ignored test artifacts).
const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/', import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });

// Issue 19, "Phone first" and "One visual language": the pieces, one behaviour each, on a 360 px phone.
let platform: TestPlatform;
let browser: Browser;
let address: string;
let director: TestUser;
let parent: TestUser;
const errors: string[] = [];
const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };

t.before(async () => {
  platform = await createTestPlatform({ plugins: [news, messaging, lunchMenu], buildWeb: true });
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  const cp = await platform.createClass({ school, label: 'CP - M. ROUX', teachers: [director], pupils: 2, relativesPerPupil: 1 });
  parent = cp.relatives[0]![0]!;
  await platform.linkRelative(parent, cp.pupils[1]!);
  const context = { schoolId: school.id, director: director.id, teachers: [{ id: director.id, classId: cp.id }], now: platform.clock.now() };
  for (const record of platform.platform.plugins.active()) {
    if (record.manifest?.demo && record.services) await record.manifest.demo(context, record.services);
  }
  address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});
t.teardown(async () => {
  await browser?.close();
  await platform?.close();
});

async function phone(user: TestUser): Promise<Page> {
  return signIn(await browser.newContext(PHONE), address, user, errors);
}

const top = (page: Page, selector: string) => page.locator(selector).first().evaluate((element) => element.getBoundingClientRect().top);

t.test('the favicon, the SVG icon, the web manifest and theme-color are served with the page', async (t) => {
  for (const [path, type] of [['/favicon.ico', 'image/x-icon'], ['/icons/preau.svg', 'image/svg+xml'], ['/icons/apple-touch-icon.png', 'image/png'], ['/icons/manifest.webmanifest', 'application/manifest+json']]) {
    const response = await fetch(`${address}${path}`);
    t.equal(response.status, 200, `${path} is served`);
    t.equal(response.headers.get('content-type'), type, `${path} is ${type}`);
  }
  const manifest = await (await fetch(`${address}/icons/manifest.webmanifest`)).json() as { name: string; theme_color: string };
  t.equal(manifest.name, 'Préau');
  const page = await (await browser.newContext()).newPage();
  const failed: string[] = [];
  page.on('response', (response) => response.status() >= 400 && failed.push(response.url()));
  await page.goto(address);
  await page.getByLabel('Identifiant').waitFor();
  t.equal(await page.locator('meta[name="theme-color"]').getAttribute('content'), '#1f5fbf');
  t.equal(await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute('href'), '/icons/preau.svg');
  // The browser's own fetch of the favicon (its 404 was a console error on every page).
  const icon = await page.evaluate(async () => (await fetch('/favicon.ico')).status);
  t.equal(icon, 200);
  t.same(failed.filter((url) => !url.endsWith('/api/core/me')), [], 'nothing the page asked for was refused (the CSP lets the icons and manifest load)');
  await page.context().close();
});

t.test('on a phone the header is one row and "Menu" opens the links, the child switcher and sign-out', async (t) => {
  const page = await phone(parent);
  const header = page.locator('preau-header header').first(); // the help dialog has a header too
  t.ok((await header.boundingBox())!.height <= 64, 'one row');
  t.equal(await page.getByRole('link', { name: 'Mon compte' }).count(), 0, 'the links wait in the menu');
  const menu = page.getByRole('button', { name: 'Menu' });
  t.equal(await menu.getAttribute('aria-expanded'), 'false');
  await menu.click();
  t.equal(await menu.getAttribute('aria-expanded'), 'true');
  await page.getByRole('combobox', { name: 'Enfant' }).waitFor();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'Enfant' }).waitFor({ state: 'hidden' });
  t.equal(await menu.getAttribute('aria-expanded'), 'false', 'Escape closes it');
  await menu.click();
  await page.getByRole('link', { name: 'Mon compte' }).click();
  await page.getByRole('heading', { name: 'Mon compte', level: 1 }).waitFor();
  t.equal(await menu.getAttribute('aria-expanded'), 'false', 'following a link closes it');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  t.ok(width <= 360, `the page is no wider than the phone (${width} px)`);
  await page.context().close();
});

t.test('the home page opens with the flash messages, then the apps with SVG icons, then the timeline', async (t) => {
  const page = await phone(parent);
  await page.locator('news-flash-messages article').first().waitFor();
  await page.locator('preau-launcher a').first().waitFor();
  const flash = await top(page, 'news-flash-messages');
  const apps = await top(page, '#apps');
  const timeline = await top(page, '#timeline-title');
  t.ok(flash < apps && apps < timeline, `flash (${flash}) < apps (${apps}) < timeline (${timeline})`);
  t.ok(apps < 740, 'the apps are on the first screen');
  const icons = await page.locator('preau-launcher preau-app-icon').evaluateAll((elements) => elements.map((element) => !!element.shadowRoot?.querySelector('svg')));
  t.ok(icons.length >= 3 && icons.every(Boolean), 'every tile draws an SVG icon, no emoji');
  await page.context().close();
});

t.test('a timeline item is one line with its actions in a small menu', async (t) => {
  for (const subject of ['Cahier de liaison oublié en classe, pouvez-vous le rapporter demain matin ?', 'Sortie au musée']) {
    const sent = await platform.as(director).inject({ method: 'POST', url: '/api/messaging/messages', payload: { to: { users: [parent.id] }, subject, body: '<p>Bonjour,</p>' } });
    t.equal(sent.statusCode, 201);
  }
  const page = await phone(parent);
  const item = page.locator('preau-timeline li').first();
  await item.waitFor();
  const text = (await item.locator('a.text').innerText()).trim();
  await page.screenshot({ path: `${ARTIFACTS}phone-home-timeline.png`, fullPage: true });
  t.ok((await item.boundingBox())!.height <= 50, 'one line');
  const actions = item.getByRole('button', { name: /^Actions : / });
  await actions.click();
  await item.getByRole('button', { name: 'Masquer' }).click();
  await page.locator('preau-timeline li', { hasText: text }).waitFor({ state: 'detached' });
  t.pass('"Masquer" from the menu hides the item');
  await page.context().close();
});

t.test('on a phone the editor shows the essentials in one row and the rest behind "Plus"', async (t) => {
  const page = await phone(director);
  await page.goto(`${address}/apps/news/write`);
  const toolbar = page.getByRole('toolbar', { name: 'Mise en forme' }).first();
  await toolbar.waitFor();
  const height = (await toolbar.boundingBox())!.height;
  t.ok(height <= 56, `one row (${height} px)`);
  await toolbar.getByRole('button', { name: 'Gras' }).waitFor();
  t.equal(await toolbar.getByRole('button', { name: 'Souligné' }).count(), 0, 'underline waits behind "Plus"');
  t.ok((await toolbar.boundingBox())!.width <= 360, 'the toolbar is no wider than the phone');
  const more = toolbar.getByRole('button', { name: 'Plus' });
  await more.click();
  await toolbar.getByRole('button', { name: 'Souligné' }).waitFor();
  await page.screenshot({ path: `${ARTIFACTS}phone-editor-more.png` });
  t.equal(await more.getAttribute('aria-expanded'), 'true');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  t.ok(width <= 360, `still no sideways scroll (${width} px)`);
  await page.context().close();
});

t.test("an app icon is a name of the set, the plugin's own SVG drawn as an image, or an emoji for older plugins", async (t) => {
  const page = await phone(parent);
  const drawn = await page.evaluate(async () => {
    const draw = async (icon: string) => {
      const element = document.createElement('preau-app-icon') as HTMLElement & { icon: string; updateComplete: Promise<unknown> };
      element.icon = icon;
      document.body.append(element);
      await element.updateComplete;
      const root = element.shadowRoot!;
      return root.querySelector('svg') ? 'svg' : root.querySelector('img')?.getAttribute('src')?.startsWith('data:image/svg+xml') ? 'img' : root.querySelector('.emoji')?.textContent;
    };
    return [await draw('agenda'), await draw('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" onload="alert(1)"/></svg>'), await draw('🧩')];
  });
  t.same(drawn, ['svg', 'img', '🧩']);
  await page.context().close();
});

t.test('the style guide shows every shared element, and its toasts and dialog work', async (t) => {
  const page = await phone(director);
  await page.goto(`${address}/styleguide`);
  await page.getByRole('heading', { name: 'Guide de style', level: 1 }).waitFor();
  for (const name of ['Couleurs', 'Boutons', 'Champs', 'Cartes et listes', 'Tableaux', 'Onglets', "Menu d'actions", 'Boîte de dialogue', 'État vide', 'Notifications passagères (toasts)', 'Icônes des applications']) {
    await page.getByRole('heading', { name, level: 2 }).waitFor();
  }
  await page.screenshot({ path: `${ARTIFACTS}phone-styleguide.png`, fullPage: true });
  await page.getByRole('tab', { name: 'Semaine prochaine' }).click();
  t.equal(await page.getByRole('tab', { name: 'Semaine prochaine' }).getAttribute('aria-selected'), 'true', 'tabs select');
  await page.getByRole('button', { name: 'Montrer un succès' }).click();
  await page.getByRole('status').getByText('Message envoyé').waitFor();
  t.pass('a toast is announced in a status region');
  await page.getByRole('button', { name: 'Ouvrir la boîte de dialogue' }).click();
  const dialog = page.getByRole('dialog', { name: 'Supprimer le fil « Sorties » ?' });
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  t.pass('the dialog opens and Escape closes it');
  t.equal(await page.locator('preau-styleguide-page preau-app-icon').count(), 10, 'every app icon of the set');
  await page.context().close();
  t.same(errors, []);
});
