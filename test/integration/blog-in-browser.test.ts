import t from 'tap';
import { createTestPlatform } from '@preau/core/testing';
import blog from '@preau/plugin-blog';
import { launchChromium, signIn } from './browser.js';
import { seriousViolations } from './axe.js';

t.test("a pupil's post waits, the teacher publishes it, a parent is told and comments (moderated), and a visitor without JavaScript reads the public blog and its feed", async (t) => {
  const platform = await createTestPlatform({ plugins: [blog], buildWeb: true });
  t.teardown(() => platform.close());
  platform.clock.set(new Date());
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }], displayName: 'DURAND Claire' });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'BÉRANGER Louis' });
  const cm2 = await platform.createClass({ school, label: 'CM2', teachers: [teacher], pupils: 1, relativesPerPupil: 1 });
  const pupil = cm2.pupils[0]!;
  const parent = cm2.relatives[0]![0]!;

  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const errors: string[] = [];

  // The teacher creates the class's blog.
  const desk = await signIn(browser, address, teacher, errors);
  await desk.goto(`${address}/apps/blog`);
  await desk.getByRole('button', { name: 'Nouveau blog' }).click();
  await desk.getByLabel('Titre').fill('London, here we come !');
  await desk.getByLabel('Description').fill('Le voyage des CM2');
  await desk.getByRole('button', { name: 'Créer le blog' }).click();
  await desk.getByRole('heading', { name: 'London, here we come !', level: 1 }).waitFor();

  // A pupil writes a post: it waits for the teacher.
  const pupilPage = await signIn(browser, address, pupil, errors);
  await pupilPage.goto(`${address}/apps/blog`);
  await pupilPage.getByRole('link', { name: 'London, here we come !' }).click();
  await pupilPage.getByRole('link', { name: 'Écrire un article' }).click();
  await pupilPage.getByText("Votre article sera publié après validation par l'enseignant.").waitFor();
  await pupilPage.getByLabel("Titre de l'article").fill('Big Ben');
  const editor = pupilPage.getByRole('textbox', { name: 'Texte' });
  await editor.click();
  await editor.pressSequentially('Nous avons vu Big Ben et un bus rouge.');
  await pupilPage.getByRole('button', { name: 'Envoyer pour validation' }).click();
  await pupilPage.getByText('En attente de validation').first().waitFor();
  t.same(await platform.knex('blog.posts').pluck('state'), ['submitted'], 'the post waits');

  // The parent sees nothing yet.
  const home = await signIn(browser, address, parent, errors);
  await home.goto(`${address}/apps/blog`);
  await home.getByRole('link', { name: 'London, here we come !' }).click();
  await home.getByText("Aucun article publié pour l'instant.").waitFor();

  // The teacher publishes it from the queue.
  await desk.goto(`${address}/apps/blog`);
  await desk.getByRole('link', { name: 'London, here we come !' }).click();
  await desk.getByRole('tab', { name: 'À valider (1)' }).click();
  await desk.getByRole('link', { name: 'Big Ben' }).click();
  await desk.getByRole('button', { name: 'Publier' }).click();
  await desk.getByText(/Publié le /).first().waitFor().catch(async (error) => {
    await desk.screenshot({ path: 'test-artifacts/blog-publish.png', fullPage: true });
    throw error;
  });

  // The parent is told in the timeline, reads the post and comments; the comment waits for moderation.
  await home.goto(address);
  await home.getByText(/Nouvel article sur London, here we come ! : Big Ben/).first().waitFor();
  await home.goto(`${address}/apps/blog`);
  await home.getByRole('link', { name: 'London, here we come !' }).click();
  await home.getByRole('link', { name: 'Big Ben' }).click();
  await home.getByText('Nous avons vu Big Ben et un bus rouge.').waitFor();
  await home.getByLabel('Votre commentaire', { exact: true }).fill('Merci les enfants !');
  await home.getByRole('button', { name: 'Commenter' }).click();
  await home.getByText('En attente de modération').waitFor();
  t.same(await seriousViolations(home), [], 'no serious accessibility violation on the post');

  await desk.goto(`${address}/apps/blog`);
  await desk.getByRole('link', { name: 'London, here we come !' }).click();
  await desk.getByRole('tab', { name: 'Commentaires à modérer' }).click();
  await desk.getByText('Merci les enfants !').waitFor();
  t.same(await seriousViolations(desk), [], "no serious accessibility violation on the manager's blog page");
  await desk.getByRole('button', { name: 'Accepter' }).click();
  await desk.getByText('Aucun commentaire à modérer.').waitFor();
  t.same(await platform.knex('blog.comments').pluck('state'), ['published'], 'the comment is published');

  // On a phone, the blog fits 360 px.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const phonePage = await signIn(phone, address, parent, errors);
  await phonePage.goto(`${address}/apps/blog`);
  await phonePage.getByRole('link', { name: 'London, here we come !' }).click();
  await phonePage.getByRole('link', { name: 'Big Ben' }).waitFor();
  const overflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  t.ok(overflow <= 1, `no horizontal scrolling at 360 px (${overflow})`);

  // The director makes the school's blog public; a visitor with JavaScript off reads it and its feed.
  const made = await platform.as(director).inject({ method: 'POST', url: '/api/blog/blogs', payload: { schoolId: school.id, title: "Le blog de l'école", description: 'Les nouvelles de notre école', publication: 'immediate' } });
  const schoolBlog = made.json() as { id: number };
  await platform.as(director).inject({ method: 'POST', url: `/api/blog/blogs/${schoolBlog.id}/posts`, payload: { title: "Fête de l'école", body: '<p>Samedi 20 juin dans la cour.</p>', submit: true } });
  const direction = await signIn(browser, address, director, errors);
  await direction.goto(`${address}/apps/blog/blogs/${schoolBlog.id}`);
  await direction.getByRole('button', { name: 'Paramètres' }).click();
  await direction.getByLabel('Adresse publique (lettres minuscules, chiffres et tirets)').fill('ecole-jean-moulin');
  await direction.getByRole('button', { name: 'Enregistrer' }).click();
  await direction.getByRole('link', { name: /\/pub\/blog\/ecole-jean-moulin$/ }).waitFor();

  const visitor = await browser.newContext({ javaScriptEnabled: false });
  const visit = await visitor.newPage();
  const cspErrors: string[] = [];
  visit.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
  });
  const answer = await visit.goto(`${address}/pub/blog/ecole-jean-moulin`);
  t.equal(answer?.status(), 200);
  await visit.getByRole('heading', { name: "Le blog de l'école", level: 1 }).waitFor();
  await visit.getByText('Samedi 20 juin dans la cour.').waitFor();
  t.match(await visit.title(), /Le blog de l'école — École Jean Moulin/);
  t.equal(await visit.locator('meta[property="og:title"]').getAttribute('content'), "Le blog de l'école — École Jean Moulin");
  const styled = await visit.evaluate(() => getComputedStyle(document.body).maxWidth).catch(() => null);
  t.not(styled, 'none', 'the stylesheet applies under the CSP');
  t.equal(await visit.getByText('Big Ben').count(), 0, "nothing of the class's blog");
  const atomAddress = await visit.getByRole('link', { name: 'flux Atom' }).getAttribute('href');
  const atom = await fetch(`${address}${atomAddress}`);
  t.match(atom.headers.get('content-type'), /application\/atom\+xml/);
  t.match(await atom.text(), /<feed[\s\S]*Fête de l'école/);
  const feed = await fetch(`${address}/pub/blog/ecole-jean-moulin/feed.rss`);
  t.equal(feed.status, 200);
  t.match(await feed.text(), /<rss[\s\S]*Fête de l'école/);
  t.same(cspErrors, [], 'no CSP violation');
  t.same(errors, [], 'no page error');
});
