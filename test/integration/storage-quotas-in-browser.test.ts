import t from 'tap';
import { createTestPlatform } from '@preau/core/testing';
import { launchChromium, signIn } from './browser.js';
import { seriousViolations } from './axe.js';

// Quotas from the pages: the academy sets the teachers' quota, a director raises a parent's, and each person
// sees what they use in "Mon compte".
const GIB = 1024 ** 3;
const platform = await createTestPlatform({ buildWeb: true });
t.teardown(() => platform.close());
const school = await platform.createSchool({ name: 'École Victor Hugo' });
const director = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'MOREAU Claire', functions: [{ function: 'director', schoolId: school.id }] });
const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'MARTIN Sophie' });
const parent = await platform.createUser({ profile: 'Relative', schools: [school], displayName: 'PETIT Inès' });
const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
const browser = await launchChromium();
t.teardown(() => browser.close());

t.test('the academy administrator sets the teachers’ quota from the administration page', async (t) => {
  const page = await signIn(browser, address, platform.admin);
  t.teardown(() => page.context().close());
  await page.goto(`${address}/admin`);
  const section = page.getByRole('region', { name: 'Espace de stockage par profil' });
  const teachers = section.getByLabel('Enseignant (Go)');
  t.equal(await teachers.inputValue(), '10', 'the default: 10 GiB for staff');
  t.equal(await section.getByLabel('Responsable légal (Go)').inputValue(), '1');
  await teachers.fill('25');
  await section.getByRole('button', { name: 'Enregistrer les quotas' }).click();
  await section.getByRole('alert').getByText('Un espace de stockage ne peut pas dépasser 20 Go.').waitFor();
  await teachers.fill('12');
  await section.getByRole('button', { name: 'Enregistrer les quotas' }).click();
  await section.getByText('Quotas enregistrés : ils s’appliquent dès le prochain dépôt.').waitFor();
  t.same(await platform.knex('core.storage_profile_quotas').orderBy('profile').select('profile', 'bytes').then((rows) => rows.map((r) => [r.profile, Number(r.bytes)])),
    [['Guest', GIB], ['Personnel', 10 * GIB], ['Relative', GIB], ['Student', GIB], ['Teacher', 12 * GIB]]);
});

t.test('a director raises a parent’s quota from the school’s people, within the maximum', async (t) => {
  const page = await signIn(browser, address, director);
  t.teardown(() => page.context().close());
  await page.goto(`${address}/admin/schools/${school.id}/users`);
  // The row's actions are in its menu.
  await page.getByRole('button', { name: 'Actions pour PETIT Inès' }).click();
  await page.getByRole('menuitem', { name: 'Espace de stockage de PETIT Inès' }).click();
  const panel = page.getByRole('region', { name: 'Espace de stockage de PETIT Inès' });
  await panel.getByText('0 octets utilisés sur 1 Go (quota de son profil : 1 Go).').waitFor();
  const field = panel.getByLabel('Nouveau quota, en Go (au plus 20 Go)');
  await field.fill('30');
  await panel.getByRole('button', { name: 'Augmenter' }).click();
  await panel.getByRole('alert').getByText('Un espace de stockage ne peut pas dépasser 20 Go.').waitFor();
  await field.fill('3');
  await panel.getByRole('button', { name: 'Augmenter' }).click();
  await panel.getByText('Quota enregistré : 3 Go.').waitFor();
  t.match(await platform.knex('core.storage_usage').where({ user_id: parent.id }).first(), { quota_bytes: 3 * GIB, quota_set_by: director.id });
  t.same(await seriousViolations(page), []);
  await panel.getByRole('button', { name: 'Fermer' }).click();
  await panel.waitFor({ state: 'detached' });
});

t.test('each person sees what they use in “Mon compte”, with a warning from 80 %', async (t) => {
  await platform.knex('core.storage_usage').insert({ user_id: teacher.id, used: 11 * GIB }).onConflict('user_id').merge(['used']);
  const page = await signIn(browser, address, teacher);
  t.teardown(() => page.context().close());
  await page.goto(`${address}/account`);
  const bar = page.getByRole('progressbar', { name: 'Espace de stockage' });
  await bar.waitFor();
  t.equal(await bar.getAttribute('aria-valuenow'), '91');
  t.equal(await bar.getAttribute('aria-valuemax'), '100');
  t.equal(await bar.getAttribute('aria-valuetext'), '11 Go utilisés sur 12 Go (91 %)');
  await page.getByText('Votre espace est presque plein').waitFor();

  const family = await signIn(browser, address, parent);
  t.teardown(() => family.context().close());
  await family.goto(`${address}/account`);
  await family.getByText('0 octets utilisés sur 3 Go (0 %)').waitFor();
  t.equal(await family.getByRole('progressbar', { name: 'Espace de stockage' }).getAttribute('aria-valuenow'), '0');
});
