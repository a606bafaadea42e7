import t from 'tap';
import type { DemoContext } from '@preau/sdk';
import { createTestPlatform } from '@preau/core/testing';
import news from '@preau/plugin-news';
import lunchMenu from '@preau/example-lunch-menu';
import agenda from '@preau/plugin-agenda';

t.test("the demo's lunch menus are in the lunch-menu app, and no news thread competes with it", async (t) => {
  const platform = await createTestPlatform({ plugins: [news, lunchMenu] });
  t.teardown(() => platform.close());
  // A Wednesday in Paris: the week is 2026-W48.
  platform.clock.set(new Date('2026-11-25T09:00:00Z'));
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  const cm1 = await platform.createClass({ school, label: 'CM1', teachers: [director], pupils: 1, relativesPerPupil: 1 });
  const context: DemoContext = { schoolId: school.id, director: director.id, teachers: [{ id: director.id, classId: cm1.id }], now: platform.clock.now() };
  for (const name of ['news', 'lunch-menu']) {
    const record = platform.platform.plugins.get(name)!;
    await record.manifest!.demo!(context, record.services!);
  }

  const parent = cm1.relatives[0]![0]!;
  const week = await platform.as(parent).inject('/api/lunch-menu/weeks/2026-W48');
  t.equal(week.statusCode, 200);
  t.match(JSON.stringify(week.json()), /Poulet basquaise/, "this week's menu is published in the lunch-menu app");
  t.equal((await platform.as(parent).inject(`/api/lunch-menu/schools/${school.id}/weeks/2026-W49`)).statusCode, 200, 'and the next one');
  const threads: string[] = await platform.knex('news.threads').where({ school_id: school.id }).pluck('title');
  t.notOk(threads.includes('Restaurant scolaire'), 'no canteen thread in the news');
  const items: string[] = await platform.knex('news.items').where({ school_id: school.id }).pluck('title');
  t.notOk(items.some((title) => /menu/i.test(title)), 'no menu among the news items');

  for (const name of ['news', 'lunch-menu']) {
    const record = platform.platform.plugins.get(name)!;
    await record.manifest!.demo!(context, record.services!);
  }
  t.equal(Number((await platform.knex('lunch_menu.menus').count<{ n: string }[]>('* as n'))[0]!.n), 2, 'run twice, the demo adds nothing more');
});

t.test("the demo's CM2 calendar has the London trip and the pool every Thursday, which the CM2's parents read, and its parent–teacher meetings with two families booked", async (t) => {
  const platform = await createTestPlatform({ plugins: [agenda] });
  t.teardown(() => platform.close());
  platform.clock.set(new Date('2026-11-25T09:00:00Z'));
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const cm1 = await platform.createClass({ school, label: 'CM1', teachers: [director], pupils: 1, relativesPerPupil: 1 });
  const cm2 = await platform.createClass({ school, label: 'CM2', teachers: [teacher], pupils: 3, relativesPerPupil: 1 });
  const context: DemoContext = { schoolId: school.id, director: director.id, teachers: [{ id: director.id, classId: cm1.id }, { id: teacher.id, classId: cm2.id }], now: platform.clock.now() };
  const record = platform.platform.plugins.get('agenda')!;
  await record.manifest!.demo!(context, record.services!);
  await record.manifest!.demo!(context, record.services!);

  const parent = cm2.relatives[0]![0]!;
  const page = (await platform.as(parent).inject('/api/agenda/events?from=2026-11-25T00:00:00Z&to=2027-02-01T00:00:00Z&limit=500')).json() as { occurrences: { title: string; start: string; calendarId: number }[] };
  const pool = page.occurrences.filter((o) => o.title === 'Piscine');
  t.equal(pool.length, 10, 'ten Thursdays of pool');
  t.ok(pool.every((o) => new Date(`${o.start.slice(0, 10)}T12:00:00Z`).getUTCDay() === 4 && o.start.endsWith('T09:00')), 'every Thursday at 09:00');
  t.ok(page.occurrences.some((o) => o.title === 'Voyage à Londres'), 'the London trip');
  t.ok(page.occurrences.some((o) => o.title === "Conseil d'école"), "and the school's council");
  t.equal(page.occurrences.filter((o) => o.title === 'Voyage à Londres').length, 1, 'run twice, the demo adds nothing more');
  const cm1Parent = cm1.relatives[0]![0]!;
  const theirs = (await platform.as(cm1Parent).inject('/api/agenda/events?from=2026-11-25T00:00:00Z&to=2027-02-01T00:00:00Z&limit=500')).json() as { occurrences: { title: string }[] };
  t.notOk(theirs.occurrences.some((o) => o.title === 'Piscine'), "a CM1 parent does not see the CM2's pool");

  const rounds = (await platform.as(teacher).inject('/api/agenda/meetings')).json() as { title: string; slots: number; booked: number; open: boolean; firstSlot: string }[];
  t.match(rounds, [{ title: 'Rencontres parents–enseignant du trimestre', slots: 16, booked: 2, open: true }], "the CM2's teacher offers two Tuesdays of slots, run twice or not");
  t.equal(new Date(`${rounds[0]!.firstSlot.slice(0, 10)}T12:00:00Z`).getUTCDay(), 2, 'on Tuesdays');
  t.match(rounds[0]!.firstSlot, /T16:30$/);
  const family = (await platform.as(parent).inject('/api/agenda/meetings')).json() as { children: { slot: string | null }[] }[];
  t.match(family, [{ children: [{ slot: rounds[0]!.firstSlot }] }], 'the first family has booked the first slot');
  t.same((await platform.as(cm2.relatives[2]![0]!).inject('/api/agenda/meetings')).json()[0].children, [{ id: cm2.pupils[2]!.id, displayName: cm2.pupils[2]!.displayName, slot: null }], 'the third has not');
  t.same((await platform.as(cm1Parent).inject('/api/agenda/meetings')).json(), [], 'a CM1 parent has no CM2 meeting');
});
