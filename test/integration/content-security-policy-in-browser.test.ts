import t from 'tap';
import type { BrowserContext, Locator } from 'playwright-core';
import { createTestPlatform } from '@preau/core/testing';
import liaison from '@preau/plugin-liaison';
import messaging from '@preau/plugin-messaging';
import news from '@preau/plugin-news';
import lunchMenu from '@preau/example-lunch-menu';
import { launchChromium, signIn } from './browser.js';

const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Sends a paste event to the editor's text, as a browser does for Ctrl+V (playwright cannot fill the clipboard). */
async function paste(text: Locator, data: { html?: string; image?: string }): Promise<void> {
  await text.evaluate((element, { html, image }) => {
    const transfer = new DataTransfer();
    if (html) transfer.setData('text/html', html);
    if (image) transfer.items.add(new File([Uint8Array.from(atob(image), (c) => c.charCodeAt(0))], 'capture.png', { type: 'image/png' }));
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true, composed: true }));
  }, data);
}

t.test('the shell, every app and the editor work under the Content-Security-Policy: no violation, no console error', async (t) => {
  const platform = await createTestPlatform({ plugins: [liaison, messaging, news, lunchMenu], buildWeb: true });
  t.teardown(() => platform.close());
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], login: 'louise.beranger', displayName: 'BÉRANGER Louise', functions: [{ function: 'director', schoolId: school.id }] });
  const cm2 = await platform.createClass({ school, label: 'CM2', levels: ['CM2'], teachers: [teacher], pupils: 1, relativesPerPupil: 1 });
  const parent = cm2.relatives[0]![0]!;
  const parentsGroup = await platform.knex('core.groups').where({ school_id: school.id, kind: 'school', profile: 'Relative' }).first('id');
  const thread = await platform.as(teacher).inject({ method: 'POST', url: '/api/news/threads', payload: { schoolId: school.id, title: "Vie de l'école", shares: [{ groupId: parentsGroup.id, role: 'read' }] } });
  t.equal(thread.statusCode, 201);

  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  t.teardown(() => browser.close());

  // What the browser refused (the CSP's report, from any document or shadow root) and what it complained about.
  const problems: string[] = [];
  t.teardown(() => { if (problems.length) console.error(problems); });
  const watched = async (): Promise<BrowserContext> => {
    const context = await browser.newContext();
    await context.exposeBinding('reportViolation', ({ page }, text: string) => void problems.push(`${page.url()}: ${text}`));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { reportViolation(text: string): void }).reportViolation;
        report(`${event.effectiveDirective} refused ${event.blockedURI || 'inline'} (${event.sample})`);
      }, true);
    });
    context.on('console', (message) => {
      // Signed out, the shell asks who is signed in and the browser logs the 401 it gets: an answer, not an error.
      const whoAmI = /^Failed to load resource: .* 401 /.test(message.text()) && new URL(message.location().url).pathname === '/api/core/me';
      if (message.type() === 'error' && !whoAmI) problems.push(`${message.page()?.url()}: console: ${message.text()} (${message.location().url})`);
    });
    context.on('weberror', (error) => void problems.push(`page error: ${error.error().message}`));
    // Pictures and sounds of texts may come from other https sites; here they are answered without the network.
    await context.route('https://images.example/**', (route) => route.fulfill({ contentType: 'image/png', body: Buffer.from(PIXEL, 'base64') }));
    return context;
  };

  const visitor = await (await watched()).newPage();
  const first = await visitor.goto(address);
  t.match(first!.headers()['content-security-policy'], /script-src 'self' 'sha256-/, 'the page is served under the policy');
  await visitor.getByRole('heading', { name: 'Se connecter', level: 1 }).waitFor();
  for (const path of ['/activate', '/password-forgotten']) {
    await visitor.goto(`${address}${path}`);
    await visitor.getByRole('heading', { level: 1 }).first().waitFor();
  }

  // The check sees a violation: an injected inline script is refused and reported, then forgotten.
  const ran = await visitor.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.ranInline = true';
    const reported = new Promise((resolve) => document.addEventListener('securitypolicyviolation', resolve, { once: true }));
    document.head.append(script);
    await reported;
    return (window as unknown as { ranInline?: boolean }).ranInline ?? false;
  });
  t.equal(ran, false, 'an inline script does not run');
  await t.resolves(async () => {
    while (!problems.some((p) => /script-src-elem refused inline/.test(p))) await new Promise((resolve) => setTimeout(resolve, 20));
  }, 'and is reported');
  problems.length = 0;

  // The director signs in: home page, with the live connection to /ws.
  const context = await watched();
  const socket = new Promise<string>((resolve) => context.on('page', (page) => page.on('websocket', (ws) => resolve(ws.url()))));
  const page = await signIn(context, address, teacher);
  t.match(await socket, /\/ws$/, 'the live connection to /ws opens');
  for (const path of ['/account', '/directory', '/admin', `/admin/schools/${school.id}`]) {
    await page.goto(`${address}${path}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
  }

  // Messagerie: a new message written with every kind of content the editor makes.
  await page.goto(address);
  await page.getByRole('link', { name: /Messagerie/ }).first().click();
  await page.getByRole('button', { name: 'Nouveau message' }).click();
  await page.getByRole('combobox', { name: 'À' }).fill('PARENT1');
  await page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option').filter({ hasText: 'PARENT1 CM2 1' }).waitFor();
  await page.keyboard.press('Enter');
  await page.getByLabel('Objet').fill('Sortie au musée');
  const text = page.getByRole('textbox', { name: 'Message' });
  await text.click();
  await page.keyboard.type('Rendez-vous à 8 h.');
  // Pasted styles become style attributes (alignment, colour), which the editor and readers show.
  await paste(text, { html: '<p style="text-align: center"><span style="color: #c62828">Apportez un goûter</span></p>' });
  await paste(text, { html: `<p>Photo</p><img src="data:image/png;base64,${PIXEL}">` });
  await page.getByRole('status').filter({ hasText: 'Image ajoutée.' }).waitFor();
  // Each pasted picture is described by the writer before it goes in.
  const describe = page.getByRole('form', { name: "Décrire l'image ajoutée" });
  const describeAs = async (words: string) => {
    await describe.getByLabel("Description de l'image (pour qui ne la voit pas)").fill(words);
    await describe.getByRole('button', { name: 'Enregistrer la description' }).click();
    await describe.waitFor({ state: 'detached' });
  };
  await describeAs('photo');
  await paste(text, { image: PIXEL });
  await describeAs('capture');
  await page.locator('preau-editor').locator('img[alt="capture"]').waitFor();
  const toolbar = page.getByRole('toolbar', { name: 'Mise en forme' });
  const tool = (name: string) => toolbar.getByRole('button', { name, exact: true });
  await tool('Formule').click();
  await page.getByLabel('Formule LaTeX (par exemple \\frac{1}{2})').fill('\\frac{1}{2}');
  await page.getByRole('button', { name: 'Insérer la formule' }).click();
  await page.locator('[data-type="inline-math"] math').waitFor();
  await tool('Image').click();
  await page.getByLabel('ou son adresse sur le web (https://…)').fill('https://images.example/musee.png');
  await page.getByLabel("Description de l'image (pour qui ne la voit pas)").fill('Le musée');
  await page.getByRole('button', { name: "Insérer l'image" }).click();
  await page.locator('preau-editor').locator('img[alt="Le musée"]').evaluate((img: HTMLImageElement) => img.decode());
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await page.getByRole('status').getByText('Message envoyé').waitFor();

  // The parent reads it: the sanitized text with its styles, pictures and formula.
  const home = await signIn(await watched(), address, parent);
  await home.getByRole('link', { name: /Messagerie/ }).first().click();
  await home.getByRole('button', { name: /Sortie au musée/ }).click();
  const article = home.getByRole('article');
  await article.getByText('Apportez un goûter').waitFor();
  await article.locator('math').first().waitFor();
  await article.locator('img[alt="Le musée"]').evaluate((img: HTMLImageElement) => img.decode());
  t.equal(await article.getByText('Apportez un goûter').evaluate((span) => getComputedStyle(span).color), 'rgb(198, 40, 40)', 'the colour of the text shows');

  // Carnet de liaison: the word form, with its editor.
  await page.goto(address);
  await page.getByRole('link', { name: /Carnet de liaison/ }).click();
  await page.getByRole('link', { name: 'Écrire un mot' }).click();
  const word = page.getByRole('textbox', { name: 'Texte du mot' });
  await word.click();
  await page.keyboard.type('Jeudi, piscine.');

  // Actualités: the item editor; Menu de la cantine.
  await page.goto(`${address}/apps/news/write`);
  await page.getByRole('textbox', { name: 'Texte' }).click();
  await page.keyboard.type('Marché de Noël vendredi.');
  await page.goto(address);
  await page.getByRole('link', { name: /Menu de la cantine/ }).click();
  await page.getByRole('heading', { level: 1, name: /Menu/ }).waitFor();
  // A violation is reported in a task of its own: let the page run those already queued.
  await page.evaluate(() => new Promise(requestAnimationFrame));

  t.same(problems, [], 'no CSP violation and no console error anywhere');
});
