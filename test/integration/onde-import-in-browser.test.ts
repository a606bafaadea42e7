import t from 'tap';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { createTestPlatform } from '@preau/core/testing';
import { launchChromium, signIn } from './browser.js';

const fixtures = fileURLToPath(new URL('../../core/test/fixtures/onde/ecole-jean-moulin/', import.meta.url));

/** The numbers of one row of the import's counts table ("Élèves" → ['72', '0', …]). */
async function counts(page: Page, row: string): Promise<string[]> {
  const table = page.getByRole('table', { name: 'Nombre de changements' });
  return table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: row, exact: true }) }).getByRole('cell').allTextContents();
}

/** Inputs (in every shadow root) that have no label, aria-label or aria-labelledby: must be none. */
async function unlabelledInputs(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const input of root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select, textarea')) {
        if (input.type === 'hidden' || input.hidden) continue;
        const named = (input.labels?.length ?? 0) > 0 || input.getAttribute('aria-label') || input.getAttribute('aria-labelledby');
        if (!named) found.push(input.name || input.outerHTML);
      }
      for (const element of root.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
    };
    visit(document);
    return found;
  });
}

/** One line of a slip ("Identifiant : …"), without its label. */
async function slipValue(slip: Locator, label: string): Promise<string> {
  const line = await slip.getByText(new RegExp(`^${label} : `)).textContent();
  return line!.replace(new RegExp(`^${label} : `), '').trim();
}

t.test('a director imports ONDE in the browser, prints the slips, and a parent activates their account from one', async (t) => {
  const platform = await createTestPlatform({ buildWeb: true });
  t.teardown(() => platform.close());
  const school = await platform.createSchool({ name: 'École Jean Moulin', city: 'Angoulême' });
  const director = await platform.createUser({
    profile: 'Teacher',
    schools: [school],
    functions: [{ function: 'director', schoolId: school.id }],
    login: 'helene.dupuis',
    displayName: 'DUPUIS Hélène',
  });
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  // The director signs in and reaches the school's import through the menus.
  await page.goto(address);
  await page.getByLabel('Identifiant').fill(director.login);
  await page.getByLabel('Mot de passe').fill(director.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('link', { name: /École Jean Moulin/ }).click();
  await page.getByRole('heading', { name: 'École Jean Moulin', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Import ONDE' }).click();

  await page.getByLabel('Fichier des élèves (CSVExtraction.csv, catégorie Élèves)').setInputFiles(`${fixtures}CSVExtraction-eleves.csv`);
  await page.getByLabel('Fichier des responsables (CSVExtraction.csv, catégorie Responsables)').setInputFiles(`${fixtures}CSVExtraction-responsables.csv`);
  await page.getByRole('button', { name: 'Prévisualiser' }).click();
  await page.getByRole('heading', { name: "Aperçu de l'import" }).waitFor();
  t.equal((await counts(page, 'Élèves'))[0], '72', '72 pupils to create');
  t.equal((await counts(page, 'Responsables'))[0], '108', '108 relatives to create');
  t.equal((await counts(page, 'Liens entre élèves et responsables'))[0], '131', '131 links to create');
  t.equal((await counts(page, 'Classes'))[0], '3', '3 classes to create');
  t.equal(await platform.knex('core.users').where({ profile: 'Student' }).count<{ count: string }[]>('id as count').then((r) => Number(r[0]!.count)), 0, 'nothing written before confirming');

  await page.getByRole('button', { name: "Confirmer l'import" }).click();
  await page.getByRole('heading', { name: 'Import terminé' }).waitFor();
  t.equal((await counts(page, 'Élèves'))[0], '72', 'the result says 72 pupils were created');
  t.ok(await page.getByRole('cell', { name: 'Appliqué' }).isVisible(), 'the history lists the applied import');

  // The class page prints the slips in a new window (the server's HTML page written into it).
  await page.getByRole('link', { name: 'Classes', exact: true }).click();
  await page.getByRole('link', { name: 'CP - M. ROUX' }).click();
  await page.getByRole('heading', { name: 'CP - M. ROUX', level: 1 }).waitFor();
  t.ok(await page.getByText('les fiches déjà distribuées aux mêmes personnes ne fonctionneront plus').isVisible(), 'warned before printing');
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: "Imprimer les fiches d'activation" }).click();
  const popup = await popupOpened;
  const refused: string[] = [];
  popup.on('console', (message) => void (message.type() === 'error' && refused.push(message.text())));
  const slip = popup.locator('section.slip').filter({ hasText: 'Responsable légal' }).first();
  await slip.waitFor();
  // The window keeps the shell's Content-Security-Policy: the page's style must still apply, its button still print.
  t.equal(await slip.evaluate((section) => getComputedStyle(section).borderTopStyle), 'dashed', 'the slips are styled for cutting');
  const printed = popup.waitForEvent('console', (message) => message.text() === 'print asked');
  await popup.evaluate(() => { window.print = () => console.log('print asked'); });
  await popup.getByRole('button', { name: 'Imprimer' }).click();
  await printed;
  t.pass('its button prints');
  t.same(refused, [], 'nothing on the page is refused');
  const parentName = await slipValue(slip, 'Responsable légal');
  const login = await slipValue(slip, 'Identifiant');
  const code = await slipValue(slip, "Code d'activation");
  const child = (await slipValue(slip, 'Responsable de')).split(', ')[0]!;
  t.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/, 'the slip shows a code to copy');
  await popup.close();

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByRole('heading', { name: 'Se connecter' }).waitFor();

  // The parent activates their account with the slip.
  await page.getByRole('link', { name: 'Activer mon compte' }).click();
  await page.getByRole('heading', { name: 'Activer mon compte', level: 1 }).waitFor();
  t.equal(new URL(page.url()).pathname, '/activate');
  await page.getByLabel('Identifiant').fill(login);
  await page.getByLabel("Code d'activation").fill('AAAA-BBBB');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByRole('alert').filter({ hasText: "code d'activation incorrect" }).waitFor();
  await page.getByLabel("Code d'activation").fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByRole('heading', { name: `Bonjour ${parentName}` }).waitFor();
  t.ok(await page.getByRole('region', { name: "Charte d'utilisation" }).isVisible(), 'the charter is shown in its own region');

  await page.getByLabel('Mot de passe', { exact: true }).fill('trousse-verte-2026');
  await page.getByLabel('Confirmation du mot de passe').fill('trousse-verte-2026');
  await page.getByRole('button', { name: 'Activer mon compte' }).click();
  await page.getByRole('alert').filter({ hasText: "J'accepte la charte d'utilisation" }).waitFor();
  await page.getByLabel("J'accepte la charte d'utilisation").check();
  await page.getByRole('button', { name: 'Activer mon compte' }).click();

  const children = page.getByRole('region', { name: 'Mes enfants' });
  await children.getByRole('heading', { name: 'Mes enfants', level: 2 }).waitFor();
  t.equal(new URL(page.url()).pathname, '/', 'signed in, on the home page');
  const card = children.getByRole('listitem').filter({ hasText: child });
  // The heading shows before the children arrive (a loading state, not a false empty one): wait for the card.
  await card.waitFor();
  t.ok(await card.isVisible(), `the home page lists ${child}`);
  t.match(await card.textContent(), /CP - M\. ROUX/, 'with their class');
  t.match(await card.textContent(), /École Jean Moulin/, 'and their school');
  t.equal((await platform.knex('core.users').where({ login }).first('state')).state, 'active');

  // Another school's director imports the same files: nobody enrolled at École Jean Moulin is taken, and
  // the preview names nothing of that school.
  const port = await platform.createSchool({ name: 'École du Port' });
  const portDirector = await platform.createUser({ profile: 'Teacher', schools: [port], functions: [{ function: 'director', schoolId: port.id }] });
  const portPage = await signIn(browser, address, portDirector, errors);
  await portPage.goto(`${address}/admin/schools/${port.id}/import`);
  await portPage.getByLabel('Fichier des élèves (CSVExtraction.csv, catégorie Élèves)').setInputFiles(`${fixtures}CSVExtraction-eleves.csv`);
  await portPage.getByLabel('Fichier des responsables (CSVExtraction.csv, catégorie Responsables)').setInputFiles(`${fixtures}CSVExtraction-responsables.csv`);
  await portPage.getByRole('button', { name: 'Prévisualiser' }).click();
  await portPage.getByRole('heading', { name: "Aperçu de l'import" }).waitFor();
  t.equal((await counts(portPage, 'Élèves'))[0], '0', 'no pupil to create');
  t.ok(await portPage.getByText("cet INE correspond à un élève inscrit dans une autre école").first().isVisible(), 'each pupil is a transfer to validate');
  t.notOk((await portPage.content()).includes('Jean Moulin'), 'the other school is not named');
  await portPage.getByRole('button', { name: "Confirmer l'import" }).click();
  await portPage.getByRole('heading', { name: 'Import terminé' }).waitFor();
  t.equal(await platform.knex('core.memberships').where({ school_id: port.id }).count<{ count: string }[]>('* as count').then((r) => Number(r[0]!.count)), 1, 'only the director is a member of École du Port');

  // The academy administrator finds the requests on the administration page and validates one.
  const adminPage = await signIn(browser, address, platform.admin, errors);
  await adminPage.getByRole('link', { name: 'Administration' }).click();
  const queue = adminPage.getByRole('region', { name: 'Transferts entre écoles à valider' });
  await queue.getByRole('table').waitFor();
  t.equal(await queue.getByRole('row').count(), 73, 'one row per pupil, under the header');
  const first = queue.getByRole('button', { name: /^Valider le transfert de / }).first();
  const name = (await first.getAttribute('aria-label'))!.replace('Valider le transfert de ', '');
  await first.click();
  await queue.getByRole('status').filter({ hasText: `Validé : le prochain import de École du Port accueillera ${name}.` }).waitFor();
  t.equal(await platform.knex('core.transfer_requests').where({ status: 'approved' }).count<{ count: string }[]>('* as count').then((r) => Number(r[0]!.count)), 1);
  t.same(errors, [], 'no script error on the way');
});

t.test('every field of the activation page has an accessible name', async (t) => {
  const platform = await createTestPlatform({ buildWeb: true });
  t.teardown(() => platform.close());
  const school = await platform.createSchool({ name: 'École des Tilleuls' });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  const pupil = await platform.createUser({ profile: 'Student', schools: [school], login: 'lea.martin', displayName: 'MARTIN Léa' });
  const issued = await platform.as(teacher).inject({ method: 'POST', url: `/api/core/schools/${school.id}/users/${pupil.id}/activation-code` });
  t.equal(issued.statusCode, 201);
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto(`${address}/activate`);
  await page.getByRole('heading', { name: 'Activer mon compte', level: 1 }).waitFor();
  for (const label of ['Identifiant', "Code d'activation"]) t.equal(await page.getByLabel(label, { exact: true }).count(), 1, `step 1: « ${label} »`);
  t.same(await unlabelledInputs(page), [], 'no unlabelled field on step 1');

  await page.getByLabel('Identifiant').fill('lea.martin');
  await page.getByLabel("Code d'activation").fill((issued.json() as { code: string }).code);
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByRole('heading', { name: 'Bonjour MARTIN Léa' }).waitFor();
  for (const label of ["J'accepte la charte d'utilisation", 'Mot de passe', 'Confirmation du mot de passe', 'Adresse électronique (facultative)', 'Téléphone portable (facultatif)']) {
    t.equal(await page.getByLabel(label, { exact: true }).count(), 1, `step 2: « ${label} »`);
  }
  t.same(await unlabelledInputs(page), [], 'no unlabelled field on step 2');
  const button = await page.getByRole('button', { name: 'Activer mon compte' }).boundingBox();
  t.ok(button && button.height >= 44, 'the button is at least 44 px high');
  await page.keyboard.press('Tab');
  t.ok(await page.evaluate(() => document.activeElement !== document.body), 'the keyboard reaches the page');
  t.same(errors, []);
});
