import t from 'tap';
import type { Browser, Page } from 'playwright-core';
import { createTestPlatform, type TestPlatform, type TestUser } from '@preau/core/testing';
import liaison from '@preau/plugin-liaison';
import { launchChromium, signIn } from './browser.js';

// Everyday use of the liaison notebook (issue 19): one platform and one browser for the file.
let platform: TestPlatform;
let browser: Browser;
let address: string;
let teacher: TestUser;
let teacherPage: Page;
let classId: number;
let cm2: Awaited<ReturnType<TestPlatform['createClass']>>;
const errors: string[] = [];

t.before(async () => {
  platform = await createTestPlatform({ plugins: [liaison], buildWeb: true });
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  teacher = await platform.createUser({ profile: 'Teacher', schools: [school], login: 'louise.beranger', displayName: 'BÉRANGER Louise' });
  cm2 = await platform.createClass({ school, label: 'CM2', levels: ['CM2'], teachers: [teacher], pupils: 3, relativesPerPupil: 1 });
  classId = cm2.id;
  address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  teacherPage = await signIn(browser, address, teacher, errors);
});
t.teardown(async () => {
  await browser?.close();
  await platform?.close();
});

const count = async (table: string): Promise<number> => Number((await platform.knex(table).count<{ n: string }[]>('* as n'))[0]!.n);

t.test('the word form tells a missing title and a choice question with one option in French, before sending', async (t) => {
  const page = teacherPage;
  await page.goto(`${address}/apps/liaison/new`);
  const send = page.getByRole('button', { name: 'Envoyer le mot' });
  await send.click();
  await page.getByRole('alert').getByText('Le champ « Titre » est obligatoire.').waitFor();
  t.equal(await page.getByLabel('Titre', { exact: true }).getAttribute('aria-invalid'), 'true');
  await page.getByLabel('Titre', { exact: true }).fill('Rendez-vous individuels');
  await page.getByLabel('Un choix parmi plusieurs').check();
  await page.getByLabel('Intitulé de la question').fill('Quel créneau vous convient ?');
  await page.getByLabel('Choix proposés (un par ligne)').fill('Lundi 17 h');
  await send.click();
  await page.getByRole('alert').getByText('Le champ « Choix proposés (un par ligne) » doit contenir au moins 2 éléments.').waitFor();
  t.equal(await count('liaison.words'), 0, 'nothing was sent');
  t.same(errors, []);
});

t.test('the print view puts the question on every slip, prints link addresses and leaves out the help button', async (t) => {
  const word = await platform.as(teacher).inject({
    method: 'POST', url: '/api/liaison/words',
    payload: {
      title: 'Sortie à la ferme', category: 'autorisation', classIds: [classId],
      body: '<p>Prévoir des bottes.</p><p>Le programme est sur <a href="https://ferme.example/visite">le site de la ferme</a>.</p>',
      question: { kind: 'yes-no', prompt: 'Autorisez-vous votre enfant à participer ?' },
    },
  });
  t.equal(word.statusCode, 201);
  const page = teacherPage;
  await page.goto(`${address}/apps/liaison/words/${word.json().id}/print`);
  const slips = page.locator('[data-slip]');
  await slips.first().waitFor();
  t.equal(await slips.count(), 3, 'a slip per pupil');
  for (const slip of await slips.all()) {
    t.match(await slip.textContent(), /Autorisez-vous votre enfant à participer \?[\s\S]*☐ Oui[\s\S]*☐ Non/, 'each slip asks the question, with boxes to tick');
  }
  await page.emulateMedia({ media: 'print' });
  t.equal(await page.getByRole('button', { name: /Aide/ }).isVisible(), false, 'the help button is not printed');
  const link = page.locator('[data-print="word"]').getByRole('link', { name: 'le site de la ferme' });
  t.match(await link.evaluate((a) => getComputedStyle(a, '::after').content), /https:\/\/ferme\.example\/visite/, 'a link prints its address');
  await page.emulateMedia({ media: 'screen' });
  t.ok(await page.getByRole('button', { name: /Aide/ }).isVisible(), 'on screen the help is there');
  t.same(errors, []);
});

t.test('the tracking page shows the deadline, who has not answered and every reply open, and its boxes fit a phone', async (t) => {
  const deadline = new Date(platform.clock.now().getTime() + 2 * 86_400_000).toISOString();
  const word = (await platform.as(teacher).inject({
    method: 'POST', url: '/api/liaison/words',
    payload: { title: 'Pique-nique de fin d’année', category: 'sortie', classIds: [classId], body: '<p>Qui vient ?</p>', question: { kind: 'yes-no', prompt: 'Votre enfant participera-t-il ?', deadline } },
  })).json();
  const [first, second, third] = cm2.pupils;
  const parent = cm2.relatives[0]![0]!;
  t.equal((await platform.as(parent).inject({ method: 'PUT', url: `/api/liaison/words/${word.id}/pupils/${first!.id}/answer`, payload: { choice: 0 } })).statusCode, 200);
  t.equal((await platform.as(parent).inject({ method: 'POST', url: `/api/liaison/words/${word.id}/pupils/${first!.id}/replies`, payload: { body: '<p>Attention : allergie aux arachides.</p>' } })).statusCode, 201);

  const page = teacherPage;
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`${address}/apps/liaison/words/${word.id}`);
  await page.locator('[data-deadline]').getByText(/^Répondre avant le /).waitFor();
  const notAnswered = page.locator('[data-list="not-answered"]');
  await notAnswered.getByText(second!.displayName).waitFor();
  t.same((await notAnswered.locator('li').allTextContents()).map((line) => line.replace(/\s+CM2$/, '').trim()), [second!.displayName, third!.displayName], 'the families who have not answered, by name');
  await page.getByText('Attention : allergie aux arachides.').waitFor();
  t.ok(await page.getByText('Attention : allergie aux arachides.').isVisible(), 'a reply is shown without opening anything');

  // The answers' box sat flush on the lists' boxes; each box now stands apart (4 px at least), at any width.
  const apart = async (width: number) => {
    await page.setViewportSize({ width, height: 800 });
    const boxes = await page.locator('section.card[aria-labelledby="answers-title"], .lists > .card').evaluateAll((cards) => cards.map((card) => {
      const r = card.getBoundingClientRect();
      return { top: r.top - 2, bottom: r.bottom + 2, left: r.left - 2, right: r.right + 2 };
    }));
    return boxes.length === 4 && !boxes.some((a, i) => boxes.some((b, j) => i < j && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom))
      && boxes.every((box) => box.right <= width + 2);
  };
  t.ok(await apart(360), 'at 360 px the boxes stand apart and fit the screen');
  t.ok(await apart(1280), 'on a computer too');
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.goto(`${address}/apps/liaison/new`);
  const wholeClass = page.getByLabel('CM2 — Toute la classe');
  await wholeClass.waitFor();
  t.ok(await wholeClass.isChecked(), 'a teacher with one class finds "Toute la classe" ticked');
  t.same(errors, []);
});
