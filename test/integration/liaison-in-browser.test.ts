import t from 'tap';
import { createTestPlatform } from '@preau/core/testing';
import liaison from '@preau/plugin-liaison';
import { launchChromium, signIn } from './browser.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

t.test('the reference scenario: "Sortie à la piscine" to CM2, 0/27 then 7/27 lus · 8 réponses live, a reminder to the 20 others, printed slips', async (t) => {
  const platform = await createTestPlatform({ plugins: [liaison], buildWeb: true });
  t.teardown(() => platform.close());
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], login: 'louise.beranger', displayName: 'BÉRANGER Louise' });
  const cm2 = await platform.createClass({ school, label: 'CM2 - Mme BÉRANGER', levels: ['CM2'], teachers: [teacher], pupils: 27, relativesPerPupil: 2 });
  const [parent] = cm2.relatives[0]!;
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const errors: string[] = [];

  // The teacher writes the word with the common editor.
  const desk = await signIn(browser, address, teacher);
  desk.on('pageerror', (error) => errors.push(error.message));
  await desk.getByRole('link', { name: /Carnet de liaison/ }).click();
  await desk.getByRole('link', { name: 'Écrire un mot' }).click();
  await desk.getByLabel('Titre', { exact: true }).fill('Sortie à la piscine');
  await desk.getByLabel('Catégorie').selectOption('sortie');
  await desk.getByLabel('CM2 - Mme BÉRANGER — Toute la classe').check();
  const editor = desk.getByRole('textbox', { name: 'Texte du mot' });
  await editor.click();
  await editor.pressSequentially('Jeudi, la classe ira à la piscine. Prévoir un maillot.');
  await desk.getByLabel('Ajouter des fichiers').setInputFiles({ name: 'autorisation.png', mimeType: 'image/png', buffer: PNG });
  await desk.getByText('📎 autorisation.png').waitFor();
  await desk.getByRole('button', { name: 'Envoyer le mot' }).click();
  const counts = desk.locator('[data-counts]');
  await counts.getByText('0/27 lus · 0 réponses').waitFor();
  t.pass('the teacher sees 0/27 lus');
  const wordId = Number(/words\/(\d+)/.exec(desk.url())![1]);

  // A parent reads the word in their child's notebook, confirms reading and replies.
  const home = await signIn(browser, address, parent!);
  home.on('pageerror', (error) => errors.push(error.message));
  await home.getByRole('link', { name: /Carnet de liaison\s*, 1 à lire/ }).click();
  await home.getByRole('link', { name: 'Sortie à la piscine' }).click();
  await home.getByText('Jeudi, la classe ira à la piscine.').waitFor();
  const file = await home.getByRole('link', { name: /autorisation\.png/ }).getAttribute('href');
  t.equal((await home.request.get(`${address}${file}`)).status(), 200, 'the parent downloads the attached file');
  await home.getByRole('button', { name: 'Confirmer la lecture' }).click();
  await home.getByText(/Lecture confirmée par/).waitFor();
  await home.getByText('Répondre').click();
  const reply = home.getByRole('textbox', { name: 'Votre réponse' });
  await reply.click();
  await reply.pressSequentially('Nous fournirons le maillot.');
  await home.getByRole('button', { name: 'Envoyer la réponse' }).click();
  await home.getByText('Nous fournirons le maillot.').waitFor();
  await counts.getByText('1/27 lus · 1 réponse').waitFor({ timeout: 10_000 });
  t.pass("the teacher's tracking follows live");

  // Six more families confirm and seven reply, from their own phones.
  for (const [index, family] of cm2.relatives.slice(1, 8).entries()) {
    const pupilId = cm2.pupils[index + 1]!.id;
    if (index < 6) await platform.as(family[1]!).inject({ method: 'POST', url: `/api/liaison/words/${wordId}/pupils/${pupilId}/acknowledgement` });
    await platform.as(family[0]!).inject({ method: 'POST', url: `/api/liaison/words/${wordId}/pupils/${pupilId}/replies`, payload: { body: '<p>Bien reçu.</p>' } });
  }
  await counts.getByText('7/27 lus · 8 réponses').waitFor({ timeout: 10_000 });
  t.pass('7/27 lus · 8 réponses, without reloading');
  t.equal(await desk.locator('[data-list="pending"] li').count(), 20, 'twenty pupils are listed as not read yet');

  await desk.getByRole('button', { name: 'Rappel de lecture' }).click();
  await desk.getByText('Rappel envoyé aux familles de 20 élèves (40 responsables).').waitFor();
  t.pass('the reminder goes to the families of the 20 others');

  await desk.getByRole('link', { name: 'Imprimer' }).click();
  await desk.locator('[data-slip]').first().waitFor();
  t.equal(await desk.locator('[data-slip]').count(), 27, 'one slip per pupil in the print view');
  await desk.emulateMedia({ media: 'print' });
  t.notOk(await desk.locator('preau-header').isVisible(), 'the shell header is not printed');
  const pdf = await desk.request.get(`${address}/api/liaison/words/${wordId}/slips.pdf`);
  t.equal(pdf.headers()['content-type'], 'application/pdf', 'the slips download as a PDF');
  t.same(errors, [], 'no script error in either tab');
});
