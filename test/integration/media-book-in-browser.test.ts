import t from 'tap';
import { createTestPlatform } from '@preau/core/testing';
import media from '@preau/plugin-media';
import { launchChromium, signIn } from './browser.js';
import type { Page } from 'playwright-core';

// The issue's class book with Chromium's fake camera and microphone: a teacher makes the CM2's book of three
// pages (a photo, a photo with a recorded sound, a recorded video), moves a page with the keyboard; a parent of
// the class reads it as a book (buttons, arrows, full screen), plays the page's sound and downloads the ZIP;
// a parent of another class cannot open it.
const platform = await createTestPlatform({ plugins: [media], buildWeb: true });
t.teardown(() => platform.close());
const school = await platform.createSchool({ name: 'École Jean Moulin' });
const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'BÉRANGER Louise' });
const cm2 = await platform.createClass({ school, label: 'CM2 - Mme BÉRANGER', levels: ['CM2'], teachers: [teacher], pupils: 1, relativesPerPupil: 1 });
const ce1 = await platform.createClass({ school, label: 'CE1', levels: ['CE1'], pupils: 1, relativesPerPupil: 1 });
const parent = cm2.relatives[0]![0]!;
const otherParent = ce1.relatives[0]![0]!;
const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
const browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required']);
t.teardown(() => browser.close());

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Runs the conversion job once the recorder has uploaded the recording (the test platform runs no job loop). */
async function convertWhenUploaded(count: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const rows = await platform.knex('media.recordings').whereNot({ status: 'uploading' }).count<{ n: string }[]>('id as n');
    if (Number(rows[0]!.n) >= count) break;
    if (Date.now() > deadline) throw new Error('the recording was not uploaded within a minute');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await platform.runScheduledJobs();
}

/** Records two seconds with the fake devices from the page form's button, and inserts the recording. */
async function recordFromForm(desk: Page, button: string, title: string, allow: string, count: number): Promise<void> {
  await desk.getByRole('button', { name: button }).click();
  const dialog = desk.getByRole('dialog', { name: title });
  await dialog.getByRole('button', { name: allow }).click();
  await dialog.getByRole('button', { name: '⏺ Enregistrer' }).click();
  await dialog.getByRole('timer').filter({ hasText: /^0:02 \// }).waitFor({ timeout: 30_000 });
  await dialog.getByRole('button', { name: '⏹ Arrêter' }).click();
  await dialog.getByRole('button', { name: 'Enregistrer et insérer' }).click();
  await convertWhenUploaded(count);
  await dialog.waitFor({ state: 'detached', timeout: 60_000 });
}

async function addPage(desk: Page, template: string, text: string, fill: () => Promise<void>): Promise<void> {
  await desk.getByRole('link', { name: 'Ajouter une page' }).click();
  await desk.getByRole('radio', { name: template }).check();
  await fill();
  const editor = desk.getByRole('textbox', { name: 'Texte', exact: true });
  await editor.click();
  await editor.pressSequentially(text);
  await desk.getByRole('button', { name: 'Enregistrer la page' }).click();
  await desk.getByRole('heading', { level: 1, name: 'Classe de mer' }).waitFor();
}

t.test('a teacher makes a book of three pages; a parent reads it as a book, plays its sound and downloads it', { timeout: 300_000 }, async (t) => {
  const errors: string[] = [];
  const desk = await signIn(browser, address, teacher, errors);
  desk.setDefaultTimeout(45_000);
  await desk.goto(`${address}/apps/media/books`);
  await desk.getByRole('button', { name: 'Nouveau cahier multimédia' }).click();
  await desk.getByLabel('Pour la classe').selectOption({ label: 'CM2 - Mme BÉRANGER' });
  await desk.getByLabel('Titre du cahier').fill('Classe de mer');
  await desk.getByRole('button', { name: 'Créer le cahier' }).click();
  await desk.getByRole('heading', { level: 1, name: 'Classe de mer' }).waitFor();

  await addPage(desk, 'Une grande image', 'La plage', async () => {
    await desk.getByLabel('Choisir l’image', { exact: true }).setInputFiles({ name: 'plage.png', mimeType: 'image/png', buffer: PNG });
    await desk.getByRole('img', { name: 'Image 1' }).waitFor();
  });
  await addPage(desk, 'Image et texte', 'Léa lit son poème', async () => {
    await desk.getByLabel('Choisir l’image', { exact: true }).setInputFiles({ name: 'poeme.png', mimeType: 'image/png', buffer: PNG });
    await recordFromForm(desk, '🎤 Ajouter un son à la page', 'Insérer un son', 'Autoriser le micro', 1);
    await desk.getByRole('button', { name: 'Retirer le son' }).waitFor();
  });
  await addPage(desk, 'Vidéo et texte', 'Les vagues', async () => {
    await recordFromForm(desk, '🎥 Enregistrer ou choisir une vidéo', 'Insérer une vidéo', 'Autoriser la caméra et le micro', 2);
    await desk.getByRole('button', { name: '🎥 Changer la vidéo' }).waitFor();
  });
  const pages = await platform.knex('media.pages').orderBy('id');
  t.same(pages.map((p: { template: string }) => p.template), ['picture', 'picture-text', 'video-text'], 'three pages in their templates');
  t.ok(pages[1].sound_blob_id && pages[2].video_blob_id && pages[2].poster_blob_id, 'the sound, the video and its poster');

  // The keyboard moves the video page up one place; the focus stays on its button.
  await desk.getByRole('button', { name: 'Monter la page 3' }).click();
  await desk.getByText('Page déplacée en position 2 sur 3.').waitFor();
  const order = await platform.knex('media.pages').orderBy([{ column: 'position' }, { column: 'id' }]).pluck('template');
  t.same(order, ['picture', 'video-text', 'picture-text'], 'moved');
  t.equal(await desk.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.getAttribute('aria-label') ?? '';
  }), 'Monter la page 2', 'the focus follows the page');

  const home = await signIn(browser, address, parent, errors);
  home.setDefaultTimeout(30_000);
  await home.goto(`${address}/apps/media/books`);
  await home.getByRole('link', { name: 'Classe de mer' }).click();
  await home.getByRole('link', { name: 'Lire le cahier' }).click();
  await home.getByText('Page 1 sur 3').waitFor();
  t.equal(await home.getByRole('button', { name: 'Ajouter une page' }).count(), 0, 'a parent reads only');
  await home.getByRole('button', { name: /Page suivante/ }).click();
  await home.getByText('Page 2 sur 3').waitFor();
  await home.locator('media-book-page video').waitFor();
  await home.keyboard.press('ArrowRight');
  await home.getByText('Page 3 sur 3').waitFor();
  const sound = home.getByLabel('Son de la page');
  await sound.waitFor();
  const duration = await sound.evaluate((element: HTMLAudioElement) => new Promise<number>((resolve, reject) => {
    if (element.readyState >= 1) resolve(element.duration);
    element.addEventListener('loadedmetadata', () => resolve(element.duration), { once: true });
    element.addEventListener('error', () => reject(new Error(`media error ${element.error?.code}`)), { once: true });
    setTimeout(() => reject(new Error('no metadata')), 20_000);
  }));
  t.ok(duration > 1 && duration < 4, `the page's sound plays for the parent (${duration} s)`);
  await home.keyboard.press('ArrowLeft');
  await home.getByText('Page 2 sur 3').waitFor();
  // A swipe from right to left turns to the next page (a phone).
  const sheet = home.locator('.sheet');
  const box = (await sheet.boundingBox())!;
  await sheet.dispatchEvent('pointerdown', { pointerType: 'touch', clientX: box.x + box.width - 10, clientY: box.y + 20 });
  await sheet.dispatchEvent('pointerup', { pointerType: 'touch', clientX: box.x + 10, clientY: box.y + 25 });
  await home.getByText('Page 3 sur 3').waitFor();
  await home.getByRole('button', { name: 'Plein écran' }).click();
  await home.getByRole('button', { name: 'Quitter le plein écran' }).waitFor();
  t.ok(await home.locator('media-book-reader .book').evaluate((element) => element.matches(':fullscreen')), 'the book fills the screen');
  await home.getByRole('button', { name: 'Quitter le plein écran' }).click();
  await home.getByRole('button', { name: 'Plein écran' }).waitFor();

  const [download] = await Promise.all([home.waitForEvent('download'), home.getByRole('link', { name: 'Télécharger (ZIP)' }).click()]);
  t.equal(download.suggestedFilename(), 'classe-de-mer.zip');
  const zip = await download.createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  });
  t.equal(zip.subarray(0, 2).toString('latin1'), 'PK', 'a ZIP');
  // In reading order: the photo, the video and its poster, the second photo and its sound.
  for (const name of ['index.html', 'media/001.png', 'media/002.mp4', 'media/003.jpg', 'media/004.png', 'media/005.']) t.ok(zip.includes(Buffer.from(name)), `it holds ${name}`);

  await home.goto(`${address}/apps/media/books/${pages[0].book_id}/print`);
  await home.getByRole('button', { name: 'Imprimer' }).waitFor();
  t.equal(await home.locator('media-book-page').count(), 3, 'the printable version lays out every page');

  const stranger = await signIn(browser, address, otherParent, errors);
  t.equal((await stranger.request.get(`${address}/api/media/books/${pages[0].book_id}`)).status(), 404, 'a parent of another class cannot open it');
  const picture = `/api/core/files/${pages[0].picture_blob_id}`;
  t.equal((await stranger.request.get(`${address}${picture}`)).status(), 404, 'nor its pictures');
  t.equal((await home.request.get(`${address}${picture}`)).status(), 200);
  t.same(errors, [], 'no page error');
});
