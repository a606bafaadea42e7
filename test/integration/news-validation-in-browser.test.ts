import t from 'tap';
import { createTestPlatform } from '@preau/core/testing';
import news from '@preau/plugin-news';
import { launchChromium, signIn } from './browser.js';

// The smallest valid PNG: storage detects its type from the bytes.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

t.test("the director shares a new thread with the staff; a teacher's item waits in the queue until the director validates it", async (t) => {
  const platform = await createTestPlatform({ plugins: [news], buildWeb: true });
  t.teardown(() => platform.close());
  platform.clock.set(new Date());
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }], displayName: 'MARTINEZ Isabelle' });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'BÉRANGER Louis' });
  await platform.createUser({ profile: 'Personnel', schools: [school], displayName: 'FABRE Nadia' });
  await platform.createClass({ school, label: 'CM2', teachers: [teacher], pupils: 1, relativesPerPupil: 1 });
  const groups = await platform.knex('core.groups').where({ school_id: school.id, kind: 'school' }).select('id', 'profile');
  const groupOf = (profile: string) => groups.find((g) => g.profile === profile)!.id as number;
  const life = await platform.as(director).inject({
    method: 'POST', url: '/api/news/threads',
    payload: { schoolId: school.id, title: "Vie de l'école", shares: [{ groupId: groupOf('Relative'), role: 'read' }, { groupId: groupOf('Teacher'), role: 'contribute' }] },
  });
  t.equal(life.statusCode, 201);

  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const errors: string[] = [];

  const directorPage = await signIn(browser, address, director, errors);
  await directorPage.goto(`${address}/apps/news/threads`);
  const form = directorPage.getByRole('form', { name: 'Nouveau fil' });
  await form.getByLabel('Titre', { exact: true }).fill('Restaurant scolaire');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  // The new thread's sharing opens at once, in the shell's share dialog, with the thread's four roles.
  const dialog = directorPage.getByRole('dialog', { name: 'Partager « Restaurant scolaire »' });
  await dialog.waitFor({ timeout: 5000 }).catch(async (error) => {
    await directorPage.screenshot({ path: 'test-artifacts/news-new-thread.png', fullPage: true });
    throw error;
  });
  await directorPage.getByRole('status').filter({ hasText: 'Fil créé.' }).waitFor();
  t.equal(await form.getByLabel('Titre', { exact: true }).inputValue(), '', 'the form is blank again for the next thread');
  const roleMenu = dialog.getByRole('combobox', { name: 'Rôle', exact: true });
  t.same(await roleMenu.locator('option').allTextContents(), ['Lecture', 'Contribution', 'Publication', 'Gestion'], "the dialog offers the thread's roles");
  const people = dialog.getByRole('combobox', { name: 'Avec' });
  const shareWith = async (search: string, group: RegExp, role: string) => {
    await people.fill(search);
    await dialog.getByRole('option', { name: group }).first().waitFor();
    await directorPage.keyboard.press('Enter');
    await roleMenu.selectOption(role);
    await dialog.getByRole('button', { name: 'Partager', exact: true }).click();
    await dialog.getByRole('combobox', { name: new RegExp(`^Rôle de ${group.source}`) }).waitFor();
  };
  await shareWith('Personnels', /Personnels de l.école/, 'publish');
  await shareWith('Parents', /Parents de l.école/, 'read');
  await dialog.getByRole('button', { name: 'Fermer' }).last().click();
  await dialog.waitFor({ state: 'detached' });
  const canteen = await platform.knex('news.threads').where({ school_id: school.id, title: 'Restaurant scolaire' }).first('id');
  const shares = await platform.knex('core.share_grants as s').join('core.shared_resources as r', 'r.id', 's.resource_id')
    .where({ 'r.app': 'news', 'r.type': 'thread', 'r.key': String(canteen.id) }).orderBy('s.group_id').select('s.group_id', 's.role');
  t.same(shares, [{ group_id: groupOf('Relative'), role: 'read' }, { group_id: groupOf('Personnel'), role: 'publish' }].sort((a, b) => a.group_id - b.group_id), 'shared with the parents (read) and the staff (publish)');
  await directorPage.getByRole('form', { name: 'Restaurant scolaire' }).getByText("Parents de l'école (Lecture)").waitFor();
  t.pass('the new thread is listed with its own form');
  // The switch on the app's page is the school's right in the core, the one Administration shows too.
  await directorPage.getByRole('checkbox', { name: "Les enseignants peuvent créer des fils d'info" }).check();
  const teachersMay = async () => ((await platform.as(teacher).inject({ method: 'GET', url: '/api/news/capabilities' })).json().createThreads as number[]).includes(school.id);
  for (let tries = 0; tries < 50 && !(await teachersMay()); tries += 1) await new Promise((resolve) => setTimeout(resolve, 100));
  t.ok(await teachersMay(), "ticked on the app's page, the school's teachers may create threads");

  const teacherPage = await signIn(browser, address, teacher, errors);
  await teacherPage.goto(`${address}/apps/news/write`);
  const editor = teacherPage.getByRole('form', { name: 'Écrire une actualité' });
  await editor.getByLabel("Fil d'info").selectOption({ label: "Vie de l'école" });
  await editor.getByLabel('Titre', { exact: true }).fill('Sortie à la médiathèque');
  await editor.getByRole('textbox', { name: 'Texte' }).fill('Les CM2 iront à la médiathèque jeudi matin.');
  t.equal(await editor.getByRole('button', { name: 'Publier' }).count(), 0, 'a contributor cannot publish');
  await editor.getByLabel('Joindre des fichiers ou des images').setInputFiles({ name: 'plan de la médiathèque.png', mimeType: 'image/png', buffer: PNG });
  await editor.getByRole('button', { name: 'Retirer plan de la médiathèque.png' }).waitFor();
  await editor.getByRole('button', { name: 'Proposer pour validation' }).click();
  await teacherPage.getByRole('heading', { name: 'Sortie à la médiathèque', level: 1 }).waitFor();
  await teacherPage.getByText('En attente de validation').waitFor();
  t.pass('the teacher submits it and sees it waiting for validation');
  const image = teacherPage.getByRole('img', { name: 'plan de la médiathèque.png' });
  await image.waitFor();
  const loaded = await image.evaluate((element) => new Promise<boolean>((resolve) => {
    const img = element as HTMLImageElement;
    if (img.complete) resolve(img.naturalWidth > 0);
    img.addEventListener('load', () => resolve(true));
    img.addEventListener('error', () => resolve(false));
  }));
  t.ok(loaded, 'the attached image is uploaded through storage and shown with the item');

  await directorPage.goto(`${address}/apps/news/queue`);
  const waiting = directorPage.getByRole('listitem').filter({ hasText: 'Sortie à la médiathèque' });
  await waiting.waitFor();
  t.match(await waiting.textContent(), /BÉRANGER Louis/, 'the queue says who wrote it');
  await waiting.getByRole('button', { name: 'Valider et publier' }).click();
  await directorPage.getByRole('status').filter({ hasText: 'Actualité publiée.' }).waitFor();
  await directorPage.getByText('Rien à valider.').waitFor();
  const item = await platform.knex('news.items').where({ title: 'Sortie à la médiathèque' }).first('status', 'published_by');
  t.same(item, { status: 'published', published_by: director.id }, 'published by the director');
  t.same(errors, []);
});
