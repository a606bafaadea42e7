import t from 'tap';
import { createTestPlatform } from '@preau/core/testing';
import media from '@preau/plugin-media';
import { launchChromium, signIn } from './browser.js';

// A teacher records their screen with their voice (getDisplayMedia); refused, the recorder says so in French.
// Pupils are not offered it.
const platform = await createTestPlatform({ plugins: [media], buildWeb: true });
t.teardown(() => platform.close());
const school = await platform.createSchool({ name: 'École Jean Moulin' });
const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'BÉRANGER Louise' });
const cm2 = await platform.createClass({ school, label: 'CM2', teachers: [teacher], pupils: 1, relativesPerPupil: 0 });
const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });

t.test('a teacher records the screen with the fake capture; a refusal gets the French message; a pupil is not offered it', { timeout: 180_000 }, async (t) => {
  const accepting = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--auto-accept-this-tab-capture', '--auto-select-desktop-capture-source=Entire screen']);
  t.teardown(() => accepting.close());
  const errors: string[] = [];
  const desk = await signIn(accepting, address, teacher, errors);
  desk.setDefaultTimeout(30_000);
  await desk.goto(`${address}/apps/media`);
  await desk.getByRole('button', { name: '🖥 Enregistrer l’écran' }).click();
  const dialog = desk.getByRole('dialog', { name: 'Enregistrer l’écran' });
  await dialog.getByRole('button', { name: 'Choisir ce que vous partagez' }).click();
  await dialog.getByRole('button', { name: '⏺ Enregistrer' }).or(dialog.getByRole('alert')).first().waitFor();
  const alert = await dialog.getByRole('alert').count() ? await dialog.getByRole('alert').innerText() : '';
  t.equal(alert, '', 'the capture was accepted');
  await dialog.getByRole('button', { name: '⏺ Enregistrer' }).click();
  await dialog.getByRole('timer').filter({ hasText: /^0:02 \// }).waitFor();
  await dialog.getByRole('button', { name: '⏹ Arrêter' }).click();
  await dialog.getByLabel('Nom').fill('Explication de l’exercice 3');
  await dialog.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  const deadline = Date.now() + 60_000;
  while (!(await platform.knex('media.recordings').whereNot({ status: 'uploading' }).first('id'))) {
    if (Date.now() > deadline) throw new Error('not uploaded');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await platform.runScheduledJobs();
  const recording = await platform.knex('media.recordings').first();
  t.match(recording, { kind: 'video', status: 'ready', name: 'Explication de l’exercice 3', media_type: 'video/mp4' }, 'a video of the screen, converted');

  // Headless Chromium has no picker to press « Annuler » in (and --deny-permission-prompts leaves the call
  // pending): this context answers getDisplayMedia as Chromium does when the picker is cancelled.
  const refusing = await accepting.newContext();
  await refusing.addInitScript(() => {
    navigator.mediaDevices.getDisplayMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
  });
  const other = await signIn(refusing, address, teacher, errors);
  other.setDefaultTimeout(30_000);
  await other.goto(`${address}/apps/media`);
  // The video recorder offers the screen too, from its first step.
  await other.getByRole('button', { name: '🎥 Enregistrer une vidéo' }).click();
  const refused = other.getByRole('dialog', { name: 'Enregistrer une vidéo' });
  await refused.getByRole('button', { name: '🖥 Enregistrer l’écran' }).click();
  // Its title follows: it records the screen now.
  const screen = other.getByRole('dialog', { name: 'Enregistrer l’écran' });
  await screen.getByRole('alert').waitFor();
  t.match(await screen.getByRole('alert').innerText(), /Le partage de l’écran a été refusé/, 'the French message');

  const pupil = await signIn(accepting, address, cm2.pupils[0]!, errors);
  await pupil.goto(`${address}/apps/media`);
  await pupil.getByRole('button', { name: '🎥 Enregistrer une vidéo' }).waitFor();
  t.equal(await pupil.getByRole('button', { name: /Enregistrer l’écran/ }).count(), 0, 'a pupil is not offered the screen');
  t.same(errors, [], 'no page error');
});
