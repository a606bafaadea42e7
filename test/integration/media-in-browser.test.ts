import t from 'tap';
import { createTestPlatform } from '@preau/core/testing';
import liaison from '@preau/plugin-liaison';
import media from '@preau/plugin-media';
import { launchChromium, signIn } from './browser.js';

// The scenario with Chromium's fake camera and microphone: a teacher records a 10 s video from the
// editor of a liaison word, trims it, inserts it and sends the word; a parent of the class plays it and seeks
// in it; a parent of another class cannot open it.
const platform = await createTestPlatform({ plugins: [liaison, media], buildWeb: true });
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

/** Runs the conversion job once the recorder has uploaded the recording (the test platform runs no job loop). */
async function convertWhenUploaded(): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const row = await platform.knex('media.recordings').orderBy('id', 'desc').first('status');
    if (row && row.status !== 'uploading') break;
    if (Date.now() > deadline) throw new Error(`the recording was not uploaded within a minute (${row?.status ?? 'none started'})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await platform.runScheduledJobs();
}

t.test('a teacher records a 10 s video, trims it and inserts it in a liaison word; a parent plays it and seeks', { timeout: 300_000 }, async (t) => {
  const errors: string[] = [];
  const desk = await signIn(browser, address, teacher, errors);
  desk.setDefaultTimeout(45_000);
  await desk.getByRole('link', { name: /Carnet de liaison/ }).click();
  await desk.getByRole('link', { name: 'Écrire un mot' }).click();
  await desk.getByLabel('Titre', { exact: true }).fill('La chorale');
  await desk.getByLabel('Catégorie').selectOption('information');
  await desk.getByLabel('CM2 - Mme BÉRANGER — Toute la classe').check();
  const editor = desk.getByRole('textbox', { name: 'Texte du mot' });
  await editor.click();
  await editor.pressSequentially('Voici la chanson de la classe.');
  await desk.getByRole('toolbar', { name: 'Mise en forme' }).getByRole('button', { name: 'Vidéo (enregistrer ou choisir)' }).click();

  const dialog = desk.getByRole('dialog', { name: 'Insérer une vidéo' });
  await dialog.getByRole('button', { name: 'Autoriser la caméra et le micro' }).click();
  await dialog.getByRole('button', { name: '⏺ Enregistrer' }).click();
  await dialog.getByRole('timer').filter({ hasText: /^0:10 \// }).waitFor({ timeout: 30_000 });
  await dialog.getByRole('button', { name: '⏹ Arrêter' }).click();
  await dialog.getByLabel('Début gardé (secondes)').fill('2');
  await dialog.getByLabel('Fin gardée (secondes)').fill('8');
  await dialog.getByRole('button', { name: 'Enregistrer et insérer' }).click();
  await convertWhenUploaded().catch(async (error: Error) => {
    throw new Error(`${error.message}: ${await dialog.innerText().catch(() => '')} ${errors.join(' | ')}`);
  });
  await dialog.waitFor({ state: 'detached', timeout: 60_000 });
  const recording = await platform.knex('media.recordings').orderBy('id', 'desc').first();
  t.equal(recording.status, 'ready', 'converted');
  t.ok(recording.duration_ms >= 5500 && recording.duration_ms <= 6600, `trimmed to about 6 s (${recording.duration_ms} ms)`);
  await editor.locator('video').waitFor();

  await desk.getByRole('button', { name: 'Envoyer le mot' }).click();
  await desk.locator('[data-counts]').waitFor();
  const word = await platform.knex('liaison.words').orderBy('id', 'desc').first('body');
  t.match(word.body, new RegExp(`<video src="/api/core/files/${recording.blob_id}" poster="/api/core/files/${recording.poster_blob_id}" controls preload="metadata"></video>`), 'the word holds the player');

  const home = await signIn(browser, address, parent, errors);
  await home.getByRole('link', { name: /Carnet de liaison/ }).click();
  await home.getByRole('link', { name: 'La chorale' }).click();
  const video = home.locator('video');
  await video.waitFor();
  // The player loads the length only (preload="metadata"), then seeks with range requests.
  const duration = await video.evaluate((element: HTMLVideoElement) => new Promise<number>((resolve, reject) => {
    if (element.readyState >= 1) resolve(element.duration);
    element.addEventListener('loadedmetadata', () => resolve(element.duration), { once: true });
    element.addEventListener('error', () => reject(new Error(`media error ${element.error?.code}`)), { once: true });
    setTimeout(() => reject(new Error(`no metadata (readyState ${element.readyState}, networkState ${element.networkState})`)), 20_000);
  }));
  t.ok(duration > 5 && duration < 7, `the parent's player knows the length (${duration} s)`);
  const seeked = await video.evaluate((element: HTMLVideoElement) => new Promise<number>((resolve, reject) => {
    element.addEventListener('seeked', () => resolve(element.currentTime), { once: true });
    setTimeout(() => reject(new Error('never seeked')), 20_000);
    element.currentTime = 4;
  }));
  t.ok(Math.abs(seeked - 4) < 0.5, `the parent seeks to 4 s (${seeked})`);
  const src = (await video.getAttribute('src'))!;
  const range = await home.request.get(`${address}${src}`, { headers: { range: 'bytes=0-1023' } });
  t.equal(range.status(), 206);
  t.equal(range.headers()['content-type'], 'video/mp4');

  const stranger = await signIn(browser, address, otherParent, errors);
  t.equal((await stranger.request.get(`${address}${src}`)).status(), 404, 'a parent of another class cannot open it');
  t.same(errors, [], 'no page error');
});
