import t from 'tap';
import { createTestPlatform } from '@preau/core/testing';
import news from '@preau/plugin-news';
import { launchChromium, signIn } from './browser.js';

t.test('the director posts a flash message that parents see on top of their home page until they read it; a published item reaches their headlines', async (t) => {
  const platform = await createTestPlatform({ plugins: [news], buildWeb: true });
  t.teardown(() => platform.close());
  // The compose form starts the message at the browser's now.
  platform.clock.set(new Date());
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }], displayName: 'MARTINEZ Isabelle' });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'BÉRANGER Louis' });
  const cm2 = await platform.createClass({ school, label: 'CM2', teachers: [teacher], pupils: 1, relativesPerPupil: 1 });
  const parent = cm2.relatives[0]![0]!;
  const groups = await platform.knex('core.groups').where({ school_id: school.id }).select('id', 'kind', 'profile', 'class_id');
  const parentsGroup = groups.find((g) => g.kind === 'school' && g.profile === 'Relative')!.id;
  const cm2Teachers = groups.find((g) => g.kind === 'class' && g.class_id === cm2.id && g.profile === 'Teacher')!.id;
  const thread = await platform.as(director).inject({
    method: 'POST', url: '/api/news/threads',
    payload: { schoolId: school.id, title: "Vie de l'école", shares: [{ groupId: parentsGroup, role: 'read' }, { groupId: cm2Teachers, role: 'publish' }] },
  });
  t.equal(thread.statusCode, 201, 'the director shares a thread with parents (read) and the CM2 teachers (publish)');

  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const errors: string[] = [];

  // The parent's home page is open before the message exists: it must arrive live (the page's own look is a minute away).
  const parentPage = await signIn(browser, address, parent, errors);
  await parentPage.locator('news-headlines').getByRole('heading', { name: 'Actualités' }).waitFor();
  const directorPage = await signIn(browser, address, director, errors);
  await directorPage.goto(`${address}/apps/news/flash`);
  const form = directorPage.getByRole('form', { name: 'Nouveau message flash' });
  await form.getByLabel('Titre', { exact: true }).fill('École fermée jeudi (grève)');
  await form.getByRole('combobox', { name: 'Couleur' }).selectOption('urgent');
  // The form starts the message at the browser's current minute: the server's test clock must not lag behind it
  // (set at the test's start, it would when a minute boundary passed meanwhile, and the message would wait).
  platform.clock.set(new Date());
  await form.getByRole('button', { name: 'Publier le message' }).click();
  await directorPage.getByText('0/1 lus').waitFor();
  t.pass('the director posts it for relatives and sees 0/1 read');

  const flash = parentPage.getByRole('alert').filter({ hasText: 'École fermée jeudi (grève)' });
  await flash.waitFor({ timeout: 20_000 }).catch(async (error) => {
    await parentPage.screenshot({ path: 'test-artifacts/news-parent-home.png', fullPage: true });
    throw error;
  });
  // Playwright's locators pierce shadow roots; the layout says what comes first on the page.
  const top = (await parentPage.locator('news-flash-messages').boundingBox())!;
  const widget = (await parentPage.locator('news-headlines').boundingBox())!;
  const timeline = (await parentPage.locator('preau-timeline').boundingBox())!;
  const onTop = top.y < widget.y && top.y < timeline.y;
  t.ok(onTop, 'the flash message arrived live on top of the open home page, above the widgets');
  t.match(await flash.textContent(), /MARTINEZ Isabelle/, 'signed');
  await flash.getByRole('button', { name: "J'ai lu" }).click();
  await flash.waitFor({ state: 'detached' });
  await parentPage.reload();
  await parentPage.getByRole('heading', { name: 'Accueil', level: 1 }).waitFor();
  await parentPage.locator('news-headlines').getByRole('heading', { name: 'Actualités' }).waitFor();
  t.equal(await parentPage.getByRole('alert').filter({ hasText: 'École fermée jeudi (grève)' }).count(), 0, 'gone for good after "J\'ai lu"');
  t.equal(await parentPage.locator('preau-timeline').getByText('École fermée jeudi (grève)').count(), 0, 'and no timeline line: it was a live signal, not a notification');

  await directorPage.reload();
  await directorPage.getByText('1/1 lus').waitFor();
  t.pass('the director sees 1/1 read');

  // A correction keeps who read it: the form shows the message, the list its new title and the same count.
  await directorPage.getByRole('button', { name: 'Corriger École fermée jeudi (grève)' }).click();
  const correcting = directorPage.getByRole('form', { name: 'Corriger le message flash' });
  t.equal(await correcting.getByLabel('Titre', { exact: true }).inputValue(), 'École fermée jeudi (grève)', 'the form holds the message');
  t.equal(await correcting.getByRole('combobox', { name: 'Couleur' }).inputValue(), 'urgent');
  await correcting.getByLabel('Titre', { exact: true }).fill('École fermée jeudi et vendredi (grève)');
  await correcting.getByRole('button', { name: 'Enregistrer la correction' }).click();
  await directorPage.getByRole('listitem').filter({ hasText: 'École fermée jeudi et vendredi (grève)' }).getByText('1/1 lus').waitFor();
  t.equal(await directorPage.getByRole('form', { name: 'Nouveau message flash' }).getByLabel('Titre', { exact: true }).inputValue(), '', 'then the form is blank again');

  const published = await platform.as(teacher).inject({
    method: 'POST', url: `/api/news/threads/${thread.json().id}/items`,
    payload: { title: 'Marché de Noël vendredi', body: '<p>Dans la cour, de 16 h 30 à 19 h.</p>', action: 'publish' },
  });
  t.equal(published.statusCode, 201, 'the CM2 teacher publishes an item');
  await parentPage.locator('news-headlines').getByRole('link', { name: 'Marché de Noël vendredi' }).waitFor({ timeout: 10_000 });
  t.pass("the teacher's item appears in the parent's headlines widget without a reload");
  await parentPage.locator('news-headlines').getByRole('link', { name: 'Marché de Noël vendredi' }).click();
  await parentPage.getByRole('heading', { name: 'Marché de Noël vendredi', level: 1 }).waitFor();
  t.same(errors, []);
});
