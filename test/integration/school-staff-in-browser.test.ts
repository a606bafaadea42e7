import t from 'tap';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createTestPlatform } from '@preau/core/testing';
import { launchChromium, signIn } from './browser.js';
import { seriousViolations } from './axe.js';

// One platform and one browser for the whole file: a director runs the school's start of year.
const platform = await createTestPlatform({ buildWeb: true });
t.teardown(() => platform.close());
const school = await platform.createSchool({ name: 'École des Lilas', city: 'Tulle' });
const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }], displayName: 'ROUX Anne' });
const cp = await platform.createClass({ school, label: 'CP A', levels: ['CP'], pupils: 3, relativesPerPupil: 1 });
await platform.knex('core.users').whereIn('id', cp.relatives.flat().map((r) => r.id)).update({ state: 'pending', password_hash: null });
const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
const browser = await launchChromium();
t.teardown(() => browser.close());
const errors: string[] = [];
const page = await signIn(browser, address, director, errors);
page.on('dialog', (dialog) => void dialog.accept());

async function openTab(page: Page, tab: string): Promise<void> {
  await page.goto(`${address}/admin/schools/${school.id}/${tab}`);
  await page.getByRole('heading', { name: 'École des Lilas', level: 1 }).waitFor();
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

t.test('a director creates a teacher in a class and sees the first code, then finds them by class', async (t) => {
  await openTab(page, 'users');
  await page.getByRole('button', { name: 'Créer un compte' }).click();
  const form = page.locator('preau-person-form');
  await form.getByLabel('Profil').selectOption('Teacher');
  await page.getByLabel('Prénom').fill('Frédéric');
  await page.getByLabel('Nom de famille').fill('Simon');
  await page.getByLabel('Adresse électronique (facultative)').fill('f.simon@ecole.fr');
  await page.getByRole('checkbox', { name: 'CP A' }).check();
  t.ok(await page.getByRole('checkbox', { name: 'Administrateur local' }).isDisabled(), 'a local administrator is named by the academy');
  await page.getByRole('button', { name: 'Créer un compte' }).last().click();
  await page.getByText("Nouveau code d'activation pour SIMON Frédéric").waitFor();
  t.ok(await page.getByText('Compte de SIMON Frédéric créé.').isVisible());
  await page.locator('form.filters select[name=classId]').selectOption({ label: 'CP A' });
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'SIMON Frédéric' }) });
  // The filtered page has come once the director, in no class, has left the table.
  await page.getByRole('rowheader', { name: /^ROUX Anne/ }).waitFor({ state: 'detached' });
  await row.waitFor();
  t.equal(await page.getByRole('rowheader').count(), 1 + 3 + 0, 'the teacher and the three pupils of CP A (their parents are in no class)');

  // The row's menu: edit, a new code, block; no "Lever le verrouillage" while nothing is locked.
  await row.getByRole('button', { name: 'Actions pour SIMON Frédéric' }).click();
  const items = await page.getByRole('menuitem').allTextContents();
  t.same(items, ['Modifier', 'Espace de stockage de SIMON Frédéric', 'Nouveau code pour SIMON Frédéric', 'Bloquer le compte de SIMON Frédéric']);
  await page.keyboard.press('Escape');
  t.equal(await page.getByRole('menuitem').count(), 0, 'Escape closes the menu');

  // Named director from the edit form.
  await row.getByRole('button', { name: 'Actions pour SIMON Frédéric' }).click();
  await page.getByRole('menuitem', { name: 'Modifier' }).click();
  await page.getByRole('checkbox', { name: 'Direction de l’école' }).check();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByText('Modifications de SIMON Frédéric enregistrées.').waitFor();
  t.ok(await row.getByText('Direction de l’école').isVisible(), 'the row says the function');
  const simon = await platform.knex('core.users').where({ login: 'frederic.simon' }).first('id');
  t.ok(await platform.knex('core.user_functions').where({ user_id: simon.id, function: 'director' }).first('user_id'));
  t.same(await seriousViolations(page), [], 'no serious accessibility violation on the users tab');
});

t.test('blocking is confirmed, and a locked account offers to lift the lock', async (t) => {
  const parent = cp.relatives[0]![0]!;
  await platform.knex('core.users').where({ id: parent.id }).update({ state: 'active' });
  for (let i = 0; i < 6; i += 1) await platform.inject({ method: 'POST', url: '/api/core/session', payload: { login: parent.login, password: 'not-the-password' } });
  await openTab(page, 'users');
  await page.getByLabel('Rechercher (nom ou identifiant)').fill(parent.login);
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: parent.login });
  await row.getByText('Connexion verrouillée').waitFor();
  await row.getByRole('button', { name: /^Actions pour/ }).click();
  await page.getByRole('menuitem', { name: 'Lever le verrouillage' }).click();
  await page.getByText('peut de nouveau se connecter').waitFor();
  t.equal(await row.getByText('Connexion verrouillée').count(), 0, 'the lock is gone');
  await row.getByRole('button', { name: /^Actions pour/ }).click();
  await page.getByRole('menuitem', { name: /^Bloquer le compte/ }).click();
  await row.getByText('Bloqué').waitFor();
  t.equal((await platform.knex('core.users').where({ id: parent.id }).first('state')).state, 'blocked');
});

t.test('the staff CSV is previewed then confirmed, and an unconfirmed preview shows as such in the history', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'preau-staff-'));
  const file = join(dir, 'enseignants.csv');
  writeFileSync(file, 'civilité;nom;prénom;courriel;classes;directeur\nMme;LEROY;Julie;;CP A;non\n');
  await openTab(page, 'import');
  await page.getByLabel('Fichier des enseignants (CSV)').setInputFiles(file);
  await page.getByRole('button', { name: 'Vérifier le fichier des enseignants' }).click();
  await page.getByRole('heading', { name: 'Aperçu de l’import des enseignants' }).waitFor();
  t.ok(await page.getByRole('rowheader', { name: 'LEROY Julie' }).isVisible());
  t.notOk(await platform.knex('core.users').where({ last_name: 'LEROY' }).first('id'), 'nothing written yet');
  await page.getByRole('cell', { name: "aperçu non confirmé : rien n'a été créé" }).waitFor();
  await page.getByRole('button', { name: 'Enregistrer les enseignants du fichier' }).click();
  await page.getByRole('heading', { name: 'Import des enseignants terminé' }).waitFor();
  t.equal(await page.getByRole('table', { name: "Codes d'activation des comptes créés (affichés une seule fois)" }).getByRole('row').count(), 2, 'one code, shown once');
  await page.getByRole('cell', { name: 'Enseignants : 1 créé(s), 1 affectation(s)' }).waitFor();
});

t.test('a class page sets its teachers, and one batch of slips prints as a page and a PDF with the same codes', async (t) => {
  await page.goto(`${address}/admin/schools/${school.id}/classes/${cp.id}`);
  await page.getByRole('heading', { name: 'CP A', level: 1 }).waitFor();
  const teachers = page.getByRole('region', { name: 'Enseignants et personnels de la classe' });
  await teachers.getByRole('checkbox', { name: 'ROUX Anne' }).check();
  await teachers.getByRole('button', { name: 'Enregistrer les enseignants' }).click();
  await page.getByText('Enseignants de la classe enregistrés.').waitFor();
  t.ok(await page.getByText(/Enseignants : .*ROUX Anne/).isVisible(), 'the class names its teachers');

  const codesIssued = async () => Number((await platform.knex('core.audit_log').where({ action: 'codes-issued', school_id: school.id }).count<{ count: string }[]>('* as count'))[0]!.count);
  const before = await codesIssued();
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: "Imprimer les fiches d'activation" }).click()]);
  await popup.getByRole('button', { name: 'Imprimer' }).waitFor();
  const codeOnPage = (await popup.getByText(/^Code d'activation : /).first().textContent())!.replace("Code d'activation : ", '');
  const loginOnPage = (await popup.getByText(/^Identifiant : /).first().textContent())!.replace('Identifiant : ', '');
  await popup.close();
  await page.getByText(/^Lot de 2 fiche\(s\) émis/).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger en PDF' }).click()]);
  t.match(download.suggestedFilename(), /^fiches-activation-cp-a\.pdf$/);
  t.equal(await codesIssued(), before + 1, 'one batch of codes for the page and the PDF');
  const check = await platform.inject({ method: 'POST', url: '/api/core/activation/check', payload: { login: loginOnPage, code: codeOnPage } });
  t.equal(check.statusCode, 200, 'the code printed first still works after the PDF');
  t.same(errors, [], 'no page error');
});

t.test('the users tab fits a 360 px phone', async (t) => {
  const phone = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const cookies = await page.context().cookies();
  await phone.context().addCookies(cookies);
  await phone.goto(`${address}/admin/schools/${school.id}/users`);
  await phone.getByRole('columnheader', { name: 'Nom' }).waitFor();
  t.ok((await overflow(phone)) <= 0, `no sideways scroll at 360 px (overflow ${await overflow(phone)}px)`);
  await phone.close();
});
