import t from 'tap';
import { createTestPlatform, startSmtpSink } from '@preau/core/testing';
import classNews from '../fixtures/plugins/class-news/index.js';
import { launchChromium } from './browser.js';

t.test('news sent to "Parents — CM2" appears live in each parent\'s open tab and in their email, and reaches nobody else', async (t) => {
  const smtp = await startSmtpSink();
  t.teardown(() => smtp.close());
  const platform = await createTestPlatform({ plugins: [classNews], buildWeb: true, config: { smtp: { url: smtp.url }, server: { publicUrl: 'http://localhost' } } });
  t.teardown(() => platform.close());
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'BÉRANGER Louis' });
  const classFor = async (label: string) => {
    const created = await platform.as(director).inject({ method: 'POST', url: `/api/core/schools/${school.id}/classes`, payload: { label, levels: ['CM2'] } });
    return created.json().id as number;
  };
  const cm2 = await classFor('CM2 - M. BÉRANGER');
  const cp = await classFor('CP - M. ROUX');
  await platform.as(director).inject({ method: 'PUT', url: `/api/core/schools/${school.id}/classes/${cm2}/teachers`, payload: { userIds: [teacher.id] } });
  const family = async (classId: number, login: string, email: string) => {
    const pupil = await platform.createUser({ profile: 'Student', schools: [school] });
    const parent = await platform.createUser({ profile: 'Relative', schools: [school], login });
    await platform.knex('core.class_members').insert({ class_id: classId, user_id: pupil.id });
    await platform.knex('core.relative_links').insert({ relative_id: parent.id, pupil_id: pupil.id });
    await platform.knex('core.users').where({ id: parent.id }).update({ email });
    return parent;
  };
  const parentA = await family(cm2, 'lucie.simon', 'lucie@example.fr');
  await family(cm2, 'marc.leroy', 'marc@example.fr');
  await family(cp, 'nina.roux', 'nina@example.fr');
  const parentsCm2 = await platform.knex('core.groups').where({ class_id: cm2, profile: 'Relative' }).first('id');

  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(address);
  await page.getByLabel('Identifiant').fill('lucie.simon');
  await page.getByLabel('Mot de passe').fill(parentA.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: /Notifications : aucune non lue/ }).or(page.getByRole('link', { name: /Notifications : aucune non lue/ })).waitFor();

  const sent = await platform.as(teacher).inject({ method: 'POST', url: `/api/class-news/groups/${parentsCm2.id}/news`, payload: { title: 'Sortie au musée jeudi' } });
  t.equal(sent.statusCode, 201, sent.body);
  t.equal(sent.json().recipients, 2, 'the two parents of CM2');

  await page.getByText('Sortie au musée jeudi').first().waitFor({ timeout: 10_000 });
  await page.getByRole('button', { name: /Notifications : 1 non lue/ }).or(page.getByRole('link', { name: /Notifications : 1 non lue/ })).waitFor();
  t.pass('the news appears in the open tab without a reload, and the bell counts it');

  const mails = [await smtp.next(), await smtp.next()];
  t.same(mails.flatMap((m) => m.to).sort(), ['lucie@example.fr', 'marc@example.fr'], 'both parents of CM2 get it by email (immediately by default)');
  t.match(mails[0]!.text, /Sortie au musée jeudi/);
  await new Promise((resolve) => setTimeout(resolve, 500));
  t.equal(smtp.mails.length, 2, 'the parent of CP gets nothing');

  const stranger = await platform.as(parentA).inject({ method: 'POST', url: `/api/class-news/groups/${parentsCm2.id}/news`, payload: { title: 'x' } });
  t.equal(stranger.statusCode, 403, 'a parent may not post news (right) to the group');
  t.same(errors, []);
});
