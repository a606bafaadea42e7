import t from 'tap';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createTestPlatform } from '@preau/core/testing';
import textbook from '@preau/plugin-textbook';
import type { Page } from 'playwright-core';
import { launchChromium, signIn } from './browser.js';
import { seriousViolations } from './axe.js';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/', import.meta.url));

/** Today and the next school day (four-day week) in Paris, as the browser and the server count them. */
function schoolDays(now: Date): { today: string; next: string } {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(now);
  const next = new Date(`${today}T12:00:00Z`);
  do next.setUTCDate(next.getUTCDate() + 1); while (![1, 2, 4, 5].includes(next.getUTCDay()));
  return { today, next: next.toISOString().slice(0, 10) };
}

/** The first bytes of a file the page downloaded by clicking `link`: a PDF starts with "%PDF-". */
async function downloaded(page: Page, link: string): Promise<{ name: string; head: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
  const bytes = await readFile((await download.path())!);
  return { name: download.suggestedFilename(), head: bytes.subarray(0, 5).toString('latin1') };
}

t.test("the issue’s walk: the director keeps the subjects, a teacher sets homework from them, a parent sees « Pour demain » per child, the pupil ticks « Fait » on a 360 px phone, the teacher sees 1/2 fait, the workload and prints a sheet per pupil, the director signs, prints the week and names a replacement", async (t) => {
  const platform = await createTestPlatform({ plugins: [textbook], buildWeb: true });
  t.teardown(() => platform.close());
  // The browser's dates are the machine's: the server's clock follows them.
  platform.clock.set(new Date());
  const { today, next } = schoolDays(new Date());
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], login: 'louise.beranger', displayName: 'BÉRANGER Louise' });
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], login: 'paul.direction', displayName: 'DIRECTION Paul', functions: [{ function: 'director', schoolId: school.id }] });
  const cpTeacher = await platform.createUser({ profile: 'Teacher', schools: [school], login: 'marc.roux', displayName: 'ROUX Marc' });
  const cm2 = await platform.createClass({ school, label: 'CM2 - Mme BÉRANGER', levels: ['CM2'], teachers: [teacher], pupils: 2, relativesPerPupil: 1 });
  const cp = await platform.createClass({ school, label: 'CP - M. ROUX', levels: ['CP'], teachers: [cpTeacher], pupils: 1 });
  const parent = cm2.relatives[0]![0]!;
  const [pupil] = cm2.pupils;
  // The parent's second child is in CP, with its own homework for tomorrow.
  await platform.linkRelative(parent, cp.pupils[0]!);
  const cpWork = await platform.as(cpTeacher).inject({ method: 'POST', url: `/api/textbook/classes/${cp.id}/entries`, payload: { kind: 'homework', subject: 'Français', title: 'Lire la page 12', body: '<p>Lire à voix haute.</p>', day: today, dueOn: next } });
  t.equal(cpWork.statusCode, 201, 'the CP teacher set homework for tomorrow');
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const errors: string[] = [];
  mkdirSync(ARTIFACTS, { recursive: true });

  // The director's settings tab: English added, « Langues vivantes » hidden.
  const head = await signIn(browser, address, director, errors);
  await head.goto(`${address}/apps/textbook/`);
  await head.getByRole('link', { name: 'Réglages' }).click();
  await head.getByRole('heading', { name: "Matières de l'école" }).waitFor();
  await head.getByLabel('Nouvelle matière').fill('Anglais');
  await head.getByRole('button', { name: 'Ajouter' }).click();
  const languages = head.getByRole('listitem').filter({ has: head.locator('input[type="text"]') }).nth(6);
  t.equal(await languages.getByRole('textbox').inputValue(), 'Langues vivantes');
  await languages.getByRole('checkbox', { name: 'Masquée' }).check();
  await head.getByRole('button', { name: 'Enregistrer' }).click();
  await head.getByText('Enregistré.').waitFor();
  t.same(await platform.knex('textbook.subjects').where({ school_id: school.id, hidden: true }).pluck('name'), ['Langues vivantes'], 'hidden, kept');
  t.ok(await platform.knex('textbook.subjects').where({ school_id: school.id, name: 'Anglais' }).first('id'), 'added');
  await head.screenshot({ path: `${ARTIFACTS}textbook-subjects.png`, fullPage: true });
  t.same(await seriousViolations(head), [], 'no serious accessibility violation on the settings tab');

  const desk = await signIn(browser, address, teacher, errors);
  await desk.getByRole('link', { name: /Cahier de textes/ }).first().click();
  await desk.getByRole('link', { name: 'Donner du travail' }).click();
  const subject = desk.getByLabel('Matière');
  await subject.locator('option', { hasText: 'Anglais' }).waitFor({ state: 'attached' });
  const offered = await subject.locator('option').allTextContents();
  t.ok(offered.includes('Anglais') && !offered.includes('Langues vivantes'), 'the teacher picks from the school’s list');
  await subject.selectOption('Mathématiques');
  await desk.getByLabel('Titre').fill('Exercices 3 et 4 page 42');
  await desk.getByLabel('Date', { exact: true }).fill(today);
  await desk.getByLabel('Pour le').fill(next);
  await desk.getByLabel('Temps estimé (minutes)').fill('20');
  const editor = desk.getByRole('textbox', { name: 'Contenu' });
  await editor.click();
  await editor.pressSequentially('Faire les exercices du fichier.');
  await desk.getByRole('button', { name: 'Enregistrer' }).click();
  await desk.getByRole('heading', { name: 'Exercices 3 et 4 page 42' }).waitFor();
  await desk.getByRole('link', { name: /0\/2 fait/ }).waitFor();
  await desk.screenshot({ path: `${ARTIFACTS}textbook-week.png`, fullPage: true });
  t.pass("the homework is in the class's week, 0/2 fait");

  // The parent, child by child (the header's switcher).
  const home = await signIn(browser, address, parent, errors);
  await home.goto(`${address}/apps/textbook/`);
  const switcher = home.getByRole('combobox', { name: 'Enfant' });
  for (const [child, title] of [[pupil!, 'Exercices 3 et 4 page 42'], [cp.pupils[0]!, 'Lire la page 12']] as const) {
    await switcher.selectOption(String(child.id));
    await home.getByRole('heading', { name: 'Pour demain' }).waitFor();
    await home.getByRole('checkbox', { name: `Fait : ${title}` }).waitFor();
  }
  t.pass('« Pour demain » for each child');

  // The pupil on a phone ticks « Fait » with the keyboard.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const own = await signIn(phone, address, pupil!, errors);
  await own.goto(`${address}/apps/textbook/`);
  await own.getByRole('heading', { name: 'Pour demain' }).waitFor();
  await own.getByText('Faire les exercices du fichier.').waitFor();
  const box = own.getByRole('checkbox', { name: 'Fait : Exercices 3 et 4 page 42' });
  await box.focus();
  await own.keyboard.press('Space');
  // The page reloads the list once the server answered: the item is then drawn as done.
  await own.locator('li.homework.done').waitFor();
  t.ok(await box.isChecked(), 'ticked with the keyboard');
  t.equal((await platform.knex('textbook.ticks').where({ pupil_id: pupil!.id })).length, 1, 'the tick is stored for the pupil');
  await own.screenshot({ path: `${ARTIFACTS}textbook-family-phone.png`, fullPage: true });
  const overflow = await own.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  t.ok(overflow <= 0, `no horizontal scrolling on a 360 px screen (overflow ${overflow}px)`);
  t.same(await seriousViolations(own), [], 'no serious accessibility violation on the homework page');

  await desk.reload();
  await desk.getByRole('link', { name: /1\/2 fait/ }).click();
  await desk.getByText(/Fait, coché par/).waitFor();
  await desk.screenshot({ path: `${ARTIFACTS}textbook-progress.png`, fullPage: true });
  t.pass('the teacher sees who did it');
  t.same(await seriousViolations(desk), [], "no serious accessibility violation on the teacher's page");
  await desk.getByRole('link', { name: /Retour au cahier/ }).click();
  const sheets = await downloaded(desk, 'Fiches par élève (PDF)');
  t.match(sheets, { name: /^travail-a-faire-\d+-\d{4}-\d\d-\d\d\.pdf$/, head: '%PDF-' }, 'the sheets per pupil download as a PDF');

  // The director reads the CM2's week, signs it and prints it.
  await head.getByRole('link', { name: 'Cahier', exact: true }).click();
  await head.getByRole('heading', { name: 'Exercices 3 et 4 page 42' }).waitFor();
  await head.getByLabel('Remarque (facultative)').fill('Cahier bien tenu.');
  await head.getByRole('button', { name: 'Viser le cahier' }).click();
  await head.getByText(/Visé par DIRECTION Paul/).waitFor();
  t.equal((await platform.knex('textbook.visas').where({ class_id: cm2.id })).length, 1, 'the visa is stored');
  const week = await downloaded(head, 'PDF de la semaine');
  t.match(week, { name: /^cahier-de-textes-\d+-\d{4}-\d\d-\d\d\.pdf$/, head: '%PDF-' }, 'the week prints as PDF');

  // The teacher's workload for the week, the director's replacement teachers.
  await desk.getByRole('link', { name: 'Charge de travail' }).click();
  await desk.getByRole('heading', { name: 'Charge de travail de la classe' }).waitFor();
  // The view is by due date: on a Friday or a weekend, tomorrow's work is in the next week.
  const mondayOf = (day: string) => { const d = new Date(`${day}T12:00:00Z`); d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7)); return d.toISOString().slice(0, 10); };
  if (mondayOf(next) !== mondayOf(today)) await desk.getByRole('button', { name: 'Semaine suivante' }).click();
  await desk.getByText('Toute la classe : 20 min (1 travail(s))').waitFor();
  t.same(await seriousViolations(desk), [], 'no serious accessibility violation on the workload');
  await head.getByRole('link', { name: 'Remplaçants' }).click();
  await head.getByRole('heading', { name: 'Enseignants remplaçants' }).waitFor();
  await head.getByLabel('Enseignant', { exact: true }).selectOption({ label: 'ROUX Marc' });
  await head.getByRole('button', { name: 'Nommer' }).click();
  await head.getByText('ROUX Marc peut écrire dans le cahier de CM2 - Mme BÉRANGER.').waitFor();
  t.ok(await platform.knex('textbook.replacements').where({ class_id: cm2.id, teacher_id: cpTeacher.id }).first('class_id'), 'the replacement is named');
  await head.getByRole('button', { name: 'Retirer' }).click();
  await head.getByRole('dialog', { name: /Retirer ROUX Marc du cahier de CM2/ }).waitFor();
  // The dialog's buttons are slotted into <preau-dialog>, after the list's: the last « Retirer » is the dialog's.
  await head.getByRole('button', { name: 'Retirer' }).last().click();
  await head.getByText('Pas de remplaçant pour cette classe.').waitFor();
  t.same(await seriousViolations(head), [], 'no serious accessibility violation on the replacements page');
  t.same(errors, [], 'no script error in any tab');
});
