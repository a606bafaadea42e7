import t from 'tap';
import { readFile } from 'node:fs/promises';
import lunchMenu from '@preau/example-lunch-menu';
import { createTestPlatform } from '@preau/core/testing';
import { readOndeFiles, runOndeImport } from '@preau/core';
import type { Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { seriousViolations, type Violation } from './axe.js';

const SAMPLE = new URL('../../core/test/fixtures/onde/ecole-jean-moulin/', import.meta.url);

t.test('every main page of the shell passes axe-core with no serious or critical violation', async (t) => {
  const platform = await createTestPlatform({ plugins: [lunchMenu], buildWeb: true });
  t.teardown(() => platform.close());
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  await runOndeImport(platform.knex, {
    schoolId: school.id,
    files: readOndeFiles({ pupils: await readFile(new URL('CSVExtraction-eleves.csv', SAMPLE)), guardians: await readFile(new URL('CSVExtraction-responsables.csv', SAMPLE)) }, { maxBytes: 2e7 }),
    now: platform.clock.now(), activationKey: platform.platform.activationKey, codeDays: 90, actorId: null, dryRun: false,
  });
  await platform.createUser({ profile: 'Teacher', schools: [school], login: 'louis.beranger', functions: [{ function: 'director', schoolId: school.id }] });
  const parent = await platform.createUser({ profile: 'Relative', schools: [school], login: 'emilie.parent' });
  const guardian = await platform.createUser({ profile: 'Relative', schools: [school], login: 'nadia.hamidi', displayName: 'HAMIDI Nadia' });
  const [pupil] = await platform.knex('core.users').where({ profile: 'Student' }).orderBy('id').limit(1).pluck('id');
  await platform.knex('core.relative_links').insert({ relative_id: parent.id, pupil_id: pupil });
  const [classId] = await platform.knex('core.classes').where({ school_id: school.id }).orderBy('label').pluck('id');
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  t.teardown(() => browser.close());

  const found: Record<string, Violation[]> = {};
  const check = async (page: Page, path: string, ready: () => Promise<unknown>, who: string) => {
    await page.goto(`${address}${path}`);
    await ready();
    await page.waitForTimeout(300);
    found[`${who} ${path}`] = await seriousViolations(page);
  };
  const signedIn = async (login: string) => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(address);
    await page.getByLabel('Identifiant').fill(login);
    await page.getByLabel('Mot de passe').fill(parent.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    // The sign-in form has a level-1 heading too: wait for the home page's.
    await page.getByRole('heading', { level: 1, name: 'Accueil' }).waitFor();
    return page;
  };
  const heading = (page: Page) => () => page.getByRole('heading', { level: 1 }).first().waitFor();
  // A signed-in page still showing the sign-in form would be checked for the wrong page.
  const signedInHeading = (page: Page) => async () => {
    await heading(page)();
    t.not(await page.getByRole('heading', { level: 1 }).first().innerText(), 'Se connecter', `${page.url()} is shown signed in`);
  };

  const visitor = await (await browser.newContext()).newPage();
  for (const path of ['/', '/activate', '/password-forgotten', '/login-forgotten']) await check(visitor, path, heading(visitor), 'visitor');

  const family = await signedIn('emilie.parent');
  for (const path of ['/', '/account', '/directory', '/apps/lunch-menu/']) await check(family, path, signedInHeading(family), 'parent');

  const admin = await signedIn('louis.beranger');
  const base = `/admin/schools/${school.id}`;
  for (const path of ['/admin', base, `${base}/users`, `${base}/import`, `${base}/groups`, `${base}/communication`, `${base}/apps`, `${base}/audit`, `${base}/classes/${classId}`]) {
    await check(admin, path, signedInHeading(admin), 'director');
  }

  // The lists load (not only their headings): the school's classes and groups are shown.
  await admin.goto(`${address}${base}`);
  await admin.getByRole('link', { name: 'CP - M. ROUX' }).waitFor();
  await admin.goto(`${address}${base}/groups`);
  await admin.getByRole('rowheader', { name: "Parents de l'école" }).waitFor();

  // From the class page, the director links a guardian ONDE does not know to a pupil, then undoes it.
  await admin.goto(`${address}${base}/classes/${classId}`);
  const linking = admin.getByLabel(/^Rattacher un responsable à /).first();
  // The form is its own element in the pupil's row: the pupil's name is read from its label.
  const pupilName = (await linking.evaluate((select) => (select as HTMLSelectElement).labels![0]!.textContent!)).replace(/^Rattacher un responsable à /, '').trim();
  await linking.selectOption({ label: 'HAMIDI Nadia (nadia.hamidi)' });
  await admin.getByRole('button', { name: 'Rattacher', exact: true }).first().click();
  const unlink = admin.getByRole('button', { name: `Détacher HAMIDI Nadia de ${pupilName}` });
  await unlink.waitFor();
  t.equal((await platform.knex('core.relative_links').where({ relative_id: guardian.id })).length, 1, 'linked to the pupil');
  await unlink.click();
  await unlink.waitFor({ state: 'detached' });
  t.equal((await platform.knex('core.relative_links').where({ relative_id: guardian.id })).length, 0, 'and unlinked');

  for (const [path, violations] of Object.entries(found)) {
    t.same(violations, [], `${path}: ${violations.map((v) => `${v.id} (${v.impact}) ${v.targets.slice(0, 2).join(', ')}`).join('; ') || 'no violation'}`);
  }
  t.equal(Object.keys(found).length, 17, 'every page was checked');

  // The check itself sees problems, inside shadow roots too: an unnamed button in a shadow root is critical.
  await visitor.evaluate(() => {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<button></button>';
    document.body.append(host);
  });
  t.ok((await seriousViolations(visitor)).some((v) => v.id === 'button-name'), 'axe reports a violation planted in a shadow root');
});
