import t from 'tap';
import ICAL from 'ical.js';
import { createTestPlatform } from '@preau/core/testing';
import agenda from '@preau/plugin-agenda';
import textbook from '@preau/plugin-textbook';
import liaison from '@preau/plugin-liaison';
import { launchChromium, signIn } from './browser.js';
import { seriousViolations } from './axe.js';

/** Paris today and a day `days` later, as the form's inputs write them. */
function parisDay(days: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + days * 86_400_000));
}

t.test('a teacher adds a weekly event with the form, a parent sees it in the month and, on a phone, in the upcoming list, and subscribes from the URL', async (t) => {
  const platform = await createTestPlatform({ plugins: [agenda], buildWeb: true });
  t.teardown(() => platform.close());
  platform.clock.set(new Date());
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'BÉRANGER Louis' });
  const cm2 = await platform.createClass({ school, label: 'CM2', teachers: [teacher], pupils: 1, relativesPerPupil: 1 });
  const parent = cm2.relatives[0]![0]!;

  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const errors: string[] = [];

  const teacherPage = await signIn(browser, address, teacher, errors);
  await teacherPage.goto(`${address}/apps/agenda`);
  await teacherPage.getByRole('checkbox', { name: 'CM2' }).waitFor();
  await teacherPage.getByRole('button', { name: 'Nouvel événement' }).click();
  const form = teacherPage.getByRole('form', { name: 'Nouvel événement' });
  const day = parisDay(2);
  await form.getByRole('combobox', { name: 'Agenda' }).selectOption({ label: 'CM2' });
  await form.getByLabel('Titre').fill('Piscine');
  await form.getByLabel('Début').fill(`${day}T08:30`);
  await form.getByLabel('Fin').fill(`${day}T09:30`);
  await form.getByLabel('Lieu').fill('Piscine municipale');
  await form.getByRole('combobox', { name: 'Répétition' }).selectOption('weekly');
  await form.getByRole('combobox', { name: 'Rappel' }).selectOption('1440');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await teacherPage.getByRole('status').filter({ hasText: 'Enregistré.' }).waitFor();
  const [stored] = await platform.knex('agenda.events').select('title', 'rule', 'reminder_minutes', 'place');
  t.match(stored, { title: 'Piscine', rule: /^FREQ=WEEKLY;BYDAY=/, reminder_minutes: 1440, place: 'Piscine municipale' }, 'the series is stored with its rule and reminder');

  const parentPage = await signIn(browser, address, parent, errors);
  await parentPage.setViewportSize({ width: 1200, height: 900 });
  await parentPage.goto(`${address}/apps/agenda?date=${day}`);
  await parentPage.getByRole('button', { name: /^Piscine, 08:30 – 09:30, CM2/ }).first().waitFor().catch(async (error) => {
    await parentPage.screenshot({ path: 'test-artifacts/agenda-parent-day.png', fullPage: true });
    throw error;
  });
  await parentPage.getByRole('button', { name: 'Mois' }).click();
  await parentPage.getByRole('table').waitFor();
  t.ok(await parentPage.getByRole('button', { name: /^Piscine, 08:30/ }).count() >= 1, 'the month shows the class event');
  t.equal(await parentPage.getByRole('button', { name: 'Nouvel événement' }).count(), 0, 'a parent adds nothing');
  await parentPage.getByRole('checkbox', { name: 'CM2' }).uncheck();
  await parentPage.getByRole('button', { name: /^Piscine, 08:30/ }).first().waitFor({ state: 'detached' });
  await parentPage.getByRole('checkbox', { name: 'CM2' }).check();
  await parentPage.getByRole('button', { name: /^Piscine, 08:30/ }).first().click();
  const details = parentPage.getByRole('dialog', { name: 'Piscine' });
  await details.getByText('Piscine municipale').waitFor();
  t.equal(await details.getByRole('button', { name: 'Modifier' }).count(), 0, 'read only for a parent');
  await details.getByRole('button', { name: 'Fermer' }).click();
  t.same(await seriousViolations(parentPage), [], 'no serious accessibility violation in the month view');

  // The search finds the series by its place, accents and case aside, and opens it.
  const search = parentPage.getByRole('search');
  await search.getByRole('searchbox', { name: "Rechercher dans l'agenda" }).fill('MUNICIPALE');
  await search.getByRole('button', { name: 'Rechercher' }).click();
  await parentPage.getByRole('status').filter({ hasText: '1 résultat(s)' }).waitFor();
  await parentPage.getByRole('button', { name: /^Piscine .* · CM2$/ }).click();
  await parentPage.getByRole('dialog', { name: 'Piscine' }).getByRole('button', { name: 'Fermer' }).click();

  // On a phone, the upcoming list comes first.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const phonePage = await signIn(phone, address, parent, errors);
  await phonePage.goto(`${address}/apps/agenda`);
  await phonePage.getByRole('button', { name: 'À venir', pressed: true }).waitFor();
  await phonePage.getByRole('button', { name: /^Piscine, 08:30/ }).first().waitFor();
  const overflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  t.ok(overflow <= 1, `no horizontal scrolling at 360 px (${overflow})`);

  // The subscription address, fetched as a phone's calendar would, read with ical.js.
  await parentPage.getByRole('button', { name: 'Abonnement (téléphone)' }).click();
  await parentPage.getByRole('button', { name: "Créer mon adresse d'abonnement" }).click();
  const url = await parentPage.getByLabel("Adresse d'abonnement").inputValue();
  t.match(url, /\/api\/agenda\/ical\/[A-Za-z0-9_-]{43}\.ics$/);
  const feed = await fetch(url);
  t.equal(feed.status, 200);
  const root = new ICAL.Component(ICAL.parse(await feed.text()) as unknown[]);
  t.same(root.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('summary')), ['Piscine']);

  // Mon compte has the agenda's section: the address is revoked there, and the phone's calendar gets 404 at once.
  await parentPage.goto(`${address}/account`);
  await parentPage.getByRole('heading', { name: 'Agenda sur votre téléphone' }).waitFor();
  await parentPage.getByRole('button', { name: "Révoquer l'adresse" }).click();
  await parentPage.getByRole('button', { name: "Créer mon adresse d'abonnement" }).waitFor();
  t.equal((await fetch(url)).status, 404, 'revoked from Mon compte');
  t.same(errors, [], 'no page error');
});

t.test('a teacher offers meeting slots, a parent books one, another family is told the slot is taken, the teacher reminds the rest; the director picks the holiday zone, families see the holidays and the homework due, and the notebook pauses until the holidays end', async (t) => {
  const platform = await createTestPlatform({ plugins: [agenda, textbook, liaison], buildWeb: true });
  t.teardown(() => platform.close());
  platform.clock.set(new Date());
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'BÉRANGER Louis' });
  const cm2 = await platform.createClass({ school, label: 'CM2', teachers: [teacher], pupils: 3, relativesPerPupil: 1 });
  const [first, second] = cm2.relatives.map((r) => r[0]!);

  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const errors: string[] = [];

  const teacherPage = await signIn(browser, address, teacher, errors);
  await teacherPage.goto(`${address}/apps/agenda`);
  await teacherPage.getByRole('link', { name: 'Rendez-vous parents–enseignant' }).click();
  await teacherPage.getByRole('button', { name: 'Proposer des rendez-vous' }).click();
  const form = teacherPage.getByRole('form', { name: 'Proposer des rendez-vous' });
  await form.getByLabel('Lieu').fill('Salle de CM2');
  await form.getByRole('button', { name: 'Ouvrir les créneaux' }).click();
  await teacherPage.getByRole('heading', { name: 'Planning' }).waitFor();
  const slots = await platform.knex('agenda.meeting_slots').orderBy('start_wall').select('id');
  t.equal(slots.length, 8, "one Tuesday afternoon of 16:30–18:30 in 15 minutes (the form's defaults)");

  // Both families open the round before either books.
  const firstPage = await signIn(browser, address, first!, errors);
  const secondPage = await signIn(browser, address, second!, errors);
  await secondPage.setViewportSize({ width: 360, height: 780 });
  for (const page of [firstPage, secondPage]) {
    await page.goto(`${address}/apps/agenda/rendez-vous`);
    await page.getByRole('button', { name: /^Voir : Rencontre parents–enseignant/ }).click();
  }
  const firstSlot = firstPage.getByRole('button', { name: /^Réserver .*16:30$/ });
  await firstSlot.click();
  await firstPage.getByRole('heading', { name: new RegExp(`^Rendez-vous de ${cm2.pupils[0]!.displayName} : .*16:30$`) }).waitFor();
  await secondPage.getByRole('button', { name: /^Réserver .*16:30$/ }).click();
  await secondPage.getByRole('alert').filter({ hasText: "Ce créneau vient d'être réservé par une autre famille" }).waitFor();
  await secondPage.getByRole('button', { name: /^Réserver .*16:30$/ }).waitFor({ state: 'detached' });
  await secondPage.getByRole('alert').filter({ hasText: "Ce créneau vient d'être réservé par une autre famille" }).waitFor();
  t.pass('the taken slot is no longer offered, and the message stays');
  await secondPage.getByRole('button', { name: /^Réserver .*16:45$/ }).click();
  await secondPage.getByRole('heading', { name: /16:45$/ }).waitFor();
  t.ok(await secondPage.evaluate(() => document.documentElement.scrollWidth <= 360), 'no sideways scroll at 360 px');
  t.same((await seriousViolations(secondPage)).map((v) => v.id), [], 'no serious accessibility violation');

  await teacherPage.reload();
  await teacherPage.getByRole('cell', { name: cm2.pupils[0]!.displayName }).waitFor();
  await teacherPage.getByRole('heading', { name: 'Pas encore inscrits (1)' }).waitFor();
  await teacherPage.getByRole('button', { name: 'Relancer ces familles' }).click();
  await teacherPage.getByText('1 famille(s) relancée(s).').waitFor();

  await firstPage.goto(`${address}/apps/agenda`);
  await firstPage.getByRole('button', { name: 'À venir' }).click();
  await firstPage.getByText(/Rendez-vous : Rencontre parents–enseignant/).first().waitFor();

  // School holidays: the academy imports zone A's calendar, the director picks the zone, the family sees them.
  const academy = await platform.createUser({ profile: 'Personnel', schools: [school], functions: [{ function: 'academy-admin' }] });
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  const compact = (day: string) => day.replaceAll('-', '');
  const holidayFile = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:zone-a-1', `DTSTART;VALUE=DATE:${compact(parisDay(20))}`, `DTEND;VALUE=DATE:${compact(parisDay(30))}`,
    'SUMMARY:Vacances de Noël - Zone A', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
  t.equal((await platform.as(academy).inject({ method: 'PUT', url: '/api/agenda/holiday-zones/A', payload: { content: holidayFile } })).statusCode, 200);
  const directorPage = await signIn(browser, address, director, errors);
  await directorPage.goto(`${address}/apps/agenda`);
  await directorPage.getByRole('button', { name: 'Vacances scolaires' }).click();
  await directorPage.getByRole('combobox', { name: 'Zone de vacances de École Jean Moulin' }).selectOption('A');
  await directorPage.getByText('Zone enregistrée.').waitFor();
  await firstPage.goto(`${address}/apps/agenda?date=${parisDay(22)}`);
  await firstPage.getByText('Vacances de Noël').first().waitFor();
  t.pass("the family's calendar shows the school's holidays");

  // The liaison notebook finds them without knowing the agenda, and pauses the class until they end.
  await teacherPage.goto(`${address}/apps/liaison`);
  const lastDay = new Date(`${parisDay(29)}T12:00:00Z`).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  await teacherPage.getByRole('button', { name: `Vacances de Noël : pause jusqu’au ${lastDay}` }).click();
  await teacherPage.getByText(`Le carnet de la classe est en pause jusqu'au ${lastDay} (Vacances de Noël)`).waitFor();
  t.same(await platform.knex('liaison.pauses').where({ class_id: cm2.id }).select(platform.knex.raw(`to_char(until, 'YYYY-MM-DD') as until`), 'reason'),
    [{ until: parisDay(29), reason: 'Vacances de Noël' }], 'until the last day of the holidays, named after them');

  // Another app's dated things: the homework due shows in the family's upcoming list, under its app's name.
  const homework = await platform.as(teacher).inject({ method: 'POST', url: `/api/textbook/classes/${cm2.id}/entries`, payload: {
    kind: 'homework', subject: 'Mathématiques', title: 'Exercices 3 et 4 page 42', body: '<p>Exercices</p>', day: parisDay(0), dueOn: parisDay(3), minutes: 20,
  } });
  t.equal(homework.statusCode, 201);
  await firstPage.goto(`${address}/apps/agenda`);
  await firstPage.getByRole('button', { name: 'À venir' }).click();
  await firstPage.getByRole('checkbox', { name: 'Cahier de textes' }).waitFor();
  await firstPage.getByText('Mathématiques : Exercices 3 et 4 page 42').first().click();
  await firstPage.getByRole('link', { name: 'Ouvrir dans Cahier de textes' }).waitFor();
  t.same(errors, [], 'no console error');
});
