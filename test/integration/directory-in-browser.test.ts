import t from 'tap';
import type { Page } from 'playwright-core';
import { createTestPlatform, type TestUser } from '@preau/core/testing';
import { launchChromium } from './browser.js';

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

async function signIn(page: Page, address: string, user: TestUser): Promise<void> {
  await page.goto(address);
  await page.getByLabel('Identifiant').fill(user.login);
  await page.getByLabel('Mot de passe').fill(user.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
}

/** Types into the address book's search box and waits for the live region to announce `count`. */
async function search(page: Page, query: string, count: string): Promise<void> {
  await page.getByLabel('Rechercher une personne ou un groupe').fill(query);
  await page.locator('p.count[aria-live="polite"]', { hasText: count }).waitFor();
}

async function openCommunicationTab(page: Page, school: string): Promise<void> {
  await page.getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('link', { name: new RegExp(school) }).click();
  await page.getByRole('heading', { name: school, level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Communication', exact: true }).click();
  await page.getByRole('heading', { name: 'Qui peut écrire à qui', level: 3 }).waitFor();
  await page.getByRole('table', { name: 'Règles de communication de l’école' }).waitFor();
}

t.test('a parent finds the teacher of their child, and a family of another school once a gateway opens', async (t) => {
  const platform = await createTestPlatform({ buildWeb: true });
  t.teardown(() => platform.close());
  const a = await platform.createSchool({ name: 'École Jules Ferry', city: 'Niort' });
  const b = await platform.createSchool({ name: 'École Louise Michel', city: 'Poitiers' });
  const director = await platform.createUser({ profile: 'Teacher', schools: [a], functions: [{ function: 'director', schoolId: a.id }], displayName: 'DUPUIS Hélène' });
  const sabine = await platform.createUser({ profile: 'Teacher', schools: [a], login: 'sabine.martin', displayName: 'MARTIN Sabine' });
  const created = await platform.as(director).inject({ method: 'POST', url: `/api/core/schools/${a.id}/classes`, payload: { label: 'CM2 - Mme MARTIN', levels: ['CM2'] } });
  t.equal(created.statusCode, 201, 'the director creates the class');
  const classId = (created.json() as { id: number }).id;
  const assigned = await platform.as(director).inject({ method: 'PUT', url: `/api/core/schools/${a.id}/classes/${classId}/teachers`, payload: { userIds: [sabine.id] } });
  t.equal(assigned.statusCode, 200, 'and gives it its teacher');
  const pupil = await platform.createUser({ profile: 'Student', schools: [a], displayName: 'BERNARD Léa' });
  await platform.knex('core.class_members').insert({ class_id: classId, user_id: pupil.id });
  const parent = await platform.createUser({ profile: 'Relative', schools: [a], login: 'claire.bernard', displayName: 'BERNARD Claire' });
  await platform.knex('core.relative_links').insert({ relative_id: parent.id, pupil_id: pupil.id });
  await platform.createUser({ profile: 'Relative', schools: [b], displayName: 'DURAND Paul' });
  const directorB = await platform.createUser({ profile: 'Teacher', schools: [b], functions: [{ function: 'director', schoolId: b.id }], displayName: 'PETIT Marc' });
  // Sabine shows her email on her card, not her mobile.
  await platform.knex('core.users').where({ id: sabine.id }).update({ email: 'sabine.martin@ecole.example', mobile: '06 12 34 56 78', show_email: true });

  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const errors: string[] = [];
  const parentPage = await (await browser.newContext()).newPage();
  parentPage.on('pageerror', (error) => errors.push(error.message));

  // The parent opens the address book: their child's teacher first, then the search.
  await signIn(parentPage, address, parent);
  await parentPage.getByRole('link', { name: 'Annuaire', exact: true }).click();
  await parentPage.getByRole('heading', { name: 'Annuaire', level: 1 }).waitFor();
  const teachers = parentPage.getByRole('region', { name: 'Les enseignants de mes enfants' });
  await teachers.getByRole('link', { name: 'MARTIN Sabine' }).waitFor();
  t.match(await teachers.textContent(), /BERNARD Léa, CM2 - Mme MARTIN/, "the child's class is named");
  await parentPage.locator('p.count[aria-live="polite"]', { hasText: '2 personnes et 2 groupes.' }).waitFor();
  const people = parentPage.getByRole('region', { name: 'Personnes' });
  const groups = parentPage.getByRole('region', { name: 'Groupes' });
  t.same(await people.getByRole('link').allTextContents(), ['BERNARD Léa', 'MARTIN Sabine'], 'an empty search lists everyone in reach: the child and the teacher');
  t.match(await groups.textContent(), /Enseignants — CM2 - Mme MARTIN/, 'and the groups of the class');
  t.same(await unlabelledInputs(parentPage), [], 'every field of the address book has a label');

  await search(parentPage, 'sabine', '1 personne et aucun groupe.');
  t.same(await people.getByRole('link').allTextContents(), ['MARTIN Sabine'], '« sabine » finds the teacher');
  t.match(await people.getByRole('listitem').first().textContent(), /Enseignant · École Jules Ferry/, 'with her profile in French and her school');
  await search(parentPage, 'durand', 'Aucun résultat.');
  t.equal(await people.getByRole('link').count(), 0, '« durand » finds nobody: another school');
  await search(parentPage, '', '2 personnes et 2 groupes.');
  await parentPage.getByLabel('Profil', { exact: true }).selectOption({ label: 'Enseignant' });
  await parentPage.locator('p.count[aria-live="polite"]', { hasText: /^1 personne\.$/ }).waitFor();
  t.same(await people.getByRole('link').allTextContents(), ['MARTIN Sabine'], 'the profile filter keeps the teachers');
  t.equal(await groups.count(), 0, 'groups are not listed under a profile filter');

  // Her card: what she chose to show, nothing more.
  await people.getByRole('link', { name: 'MARTIN Sabine' }).click();
  await parentPage.getByRole('heading', { name: 'MARTIN Sabine', level: 1 }).waitFor();
  t.equal(new URL(parentPage.url()).pathname, `/directory/people/${sabine.id}`, 'her card has its own address');
  const card = await parentPage.locator('preau-person-page dl').textContent();
  t.match(card, /Profil\s*Enseignant/, 'her card shows her profile');
  t.match(card, /École Jules Ferry/, 'her school');
  t.match(card, /CM2 - Mme MARTIN/, 'and her class');
  t.ok(await parentPage.getByRole('link', { name: 'sabine.martin@ecole.example' }).isVisible(), 'her email, as she chose');
  t.notMatch(card, /06 12 34 56 78/, 'not her mobile');
  await parentPage.getByRole('link', { name: '← Annuaire' }).click();
  await parentPage.locator('p.count[aria-live="polite"]', { hasText: /^1 personne\.$/ }).waitFor();
  t.equal(await parentPage.getByLabel('Profil', { exact: true }).inputValue(), 'Teacher', 'back from the card, the search is as it was');
  await parentPage.getByLabel('Profil', { exact: true }).selectOption('');

  // The parent chooses to show their email on their own card.
  await parentPage.getByRole('link', { name: 'Mon compte' }).click();
  await parentPage.getByLabel('Afficher mon adresse électronique dans l’annuaire').check();
  t.equal(await parentPage.getByLabel('Afficher mon numéro de mobile dans l’annuaire').isChecked(), false, 'the mobile stays hidden');
  await parentPage.getByRole('button', { name: 'Enregistrer mes choix' }).click();
  await parentPage.locator('preau-directory-visibility').getByText('Modifications enregistrées.').waitFor();
  t.match(await platform.knex('core.users').where({ id: parent.id }).first('show_email', 'show_mobile'), { show_email: true, show_mobile: false }, 'saved');

  // The academy administrator opens a gateway for the parents of both schools, from school A's Communication tab.
  const adminPage = await (await browser.newContext()).newPage();
  adminPage.on('pageerror', (error) => errors.push(error.message));
  await signIn(adminPage, address, platform.admin);
  await openCommunicationTab(adminPage, 'École Jules Ferry');
  await adminPage.getByRole('heading', { name: 'Ouvrir une passerelle' }).waitFor();
  t.same(await unlabelledInputs(adminPage), [], 'every field of the Communication tab has a label');
  await adminPage.getByLabel('Autre école').selectOption({ label: 'École Louise Michel (Poitiers)' });
  await adminPage.getByLabel('Parents', { exact: true }).check();
  await adminPage.getByLabel('Objet (facultatif)').fill('Sortie commune de fin d’année');
  await adminPage.getByRole('button', { name: 'Ouvrir la passerelle' }).click();
  await adminPage.getByText('Passerelle ouverte avec École Louise Michel.').waitFor();
  const gatewayRow = adminPage.getByRole('table', { name: 'Passerelles de l’école' }).getByRole('row').filter({ hasText: 'École Louise Michel' });
  t.match(await gatewayRow.textContent(), /ouverte\s+Parents de l'école \(École Jules Ferry\) ↔ Parents de l'école \(École Louise Michel\)\s+Sortie commune/, 'the gateway is listed, open, each side naming its school');
  t.match(await platform.knex('core.gateways').first('status', 'school_a', 'school_b'), { status: 'open', school_a: a.id, school_b: b.id }, 'open at once for the academy administrator');

  // Back to the parent: the family of school B is now in reach.
  await parentPage.getByRole('link', { name: 'Annuaire', exact: true }).click();
  await search(parentPage, 'durand', '1 personne et aucun groupe.');
  t.same(await people.getByRole('link').allTextContents(), ['DURAND Paul'], '« durand » now finds DURAND Paul');
  t.match(await people.getByRole('listitem').first().textContent(), /Parent · École Louise Michel/, "a parent of another school, with the school's name");

  // The director of A takes a rule away, adds one, and goes back to the defaults.
  await adminPage.getByRole('button', { name: 'Se déconnecter' }).click();
  await signIn(adminPage, address, director);
  await openCommunicationTab(adminPage, 'École Jules Ferry');
  const rules = adminPage.getByRole('table', { name: 'Règles de communication de l’école' }).locator('tbody tr');
  await adminPage.getByText('Cette école suit les règles par défaut.').waitFor();
  const defaults = await rules.count();
  const parentsToParents = adminPage.getByRole('button', { name: 'Retirer la règle Parents — CM2 - Mme MARTIN → Parents — CM2 - Mme MARTIN' });
  t.equal(await parentsToParents.count(), 1, 'by default, the parents of a class write to each other');
  await parentsToParents.click();
  await adminPage.getByText('Règle retirée : Parents — CM2 - Mme MARTIN → Parents — CM2 - Mme MARTIN.').waitFor();
  await adminPage.getByText('Cette école suit ses propres règles.').waitFor();
  t.equal(await rules.count(), defaults - 1, 'one rule fewer');
  t.equal(await parentsToParents.count(), 0, 'the rule is gone');
  t.equal((await platform.knex('core.schools').where({ id: a.id }).first('custom_communication')).custom_communication, true, 'the school has its own rules now');

  await adminPage.getByLabel('Les membres de').selectOption({ label: "Élèves de l'école" });
  await adminPage.getByLabel('peuvent écrire à').selectOption({ label: "Élèves de l'école" });
  await adminPage.getByRole('button', { name: 'Ajouter la règle' }).click();
  await adminPage.getByText("Règle ajoutée : Élèves de l'école → Élèves de l'école.").waitFor();
  t.equal(await rules.count(), defaults, 'a rule added');

  adminPage.once('dialog', (dialog) => void dialog.accept());
  await adminPage.getByRole('button', { name: 'Revenir aux règles par défaut' }).click();
  await adminPage.getByText('L’école suit de nouveau les règles par défaut.').waitFor();
  await adminPage.getByText('Cette école suit les règles par défaut.').waitFor();
  t.equal(await parentsToParents.count(), 1, 'the default rule is back');
  t.equal(await adminPage.getByRole('button', { name: "Retirer la règle Élèves de l'école → Élèves de l'école" }).count(), 0, 'the added rule is gone');
  t.equal(await rules.count(), defaults, 'as many rules as the defaults');

  // A local administrator knows only their own school: they name the other by its UAI code, and B's director accepts.
  const uai = adminPage.getByLabel('Code UAI de l’autre école');
  await uai.fill('0000000Z');
  await adminPage.getByLabel('Enseignants', { exact: true }).check();
  await adminPage.getByRole('button', { name: 'Proposer la passerelle' }).click();
  await adminPage.getByRole('alert').getByText('École introuvable : 0000000Z.').waitFor();
  t.pass('an unknown UAI code is said so');
  await uai.fill(b.uai.toLowerCase());
  await adminPage.getByLabel('Enseignants', { exact: true }).check();
  await adminPage.getByRole('button', { name: 'Proposer la passerelle' }).click();
  await adminPage.getByText('Passerelle proposée à École Louise Michel : un de ses administrateurs doit l’accepter.').waitFor();
  await adminPage.getByText('proposée à École Louise Michel', { exact: true }).waitFor();
  const proposal = adminPage.getByRole('table', { name: 'Passerelles de l’école' }).getByRole('row').filter({ hasText: 'proposée à École Louise Michel' });
  t.match(await proposal.textContent(), /↔ Enseignants \(École Louise Michel\)/, "the proposer sees B's teachers described by their profile, not by the name of B's group");
  t.equal(await adminPage.getByRole('button', { name: 'Retirer la proposition de passerelle à École Louise Michel' }).count(), 1, 'the proposing school may withdraw it');
  await adminPage.getByRole('button', { name: 'Se déconnecter' }).click();
  await signIn(adminPage, address, directorB);
  await openCommunicationTab(adminPage, 'École Louise Michel');
  await adminPage.getByText('proposée par École Jules Ferry', { exact: true }).waitFor();
  t.equal(await adminPage.getByRole('button', { name: 'Fermer la passerelle avec École Jules Ferry' }).count(), 1, 'the open gateway may be closed from B too');
  adminPage.once('dialog', (dialog) => void dialog.accept());
  await adminPage.getByRole('button', { name: 'Accepter la passerelle avec École Jules Ferry' }).click();
  await adminPage.getByText('Passerelle avec École Jules Ferry ouverte.').waitFor();
  t.equal(await adminPage.getByRole('button', { name: 'Fermer la passerelle avec École Jules Ferry' }).count(), 2, 'both gateways are open');
  t.same(await platform.knex('core.gateways').orderBy('id').pluck('status'), ['open', 'open'], 'both open in the database');

  t.same(errors, [], 'no script error on the way');
});
