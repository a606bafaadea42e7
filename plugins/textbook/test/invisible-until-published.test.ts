import t from 'tap';
import type { TestPlatform, TestUser } from '@preau/core/testing';
import { pageTexts } from './helpers/pdf-text.js';
import { HOMEWORK, SESSION, textbookPlatform, textbookSchool, type TextbookSchool } from './helpers/school.js';

let platform: TestPlatform;
t.before(async () => {
  platform = await textbookPlatform();
});
t.teardown(() => platform.close());

const write = async (s: TextbookSchool, payload: object) => {
  const response = await platform.as(s.teacher).inject({ method: 'POST', url: `/api/textbook/classes/${s.cm2.id}/entries`, payload });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json() as { id: number };
};

/** Every place a family or the paper could see a homework's title, as one list of what each shows. */
async function everywhere(s: TextbookSchool, user: TestUser, pupil: TestUser) {
  const family = (await platform.as(user).inject('/api/textbook/family/homework')).json() as { pupil: { id: number }; homework: { title: string }[] }[];
  const child = (await platform.as(user).inject(`/api/textbook/pupils/${pupil.id}/homework`)).json() as { homework: { title: string }[] };
  const sessions = (await platform.as(user).inject(`/api/textbook/pupils/${pupil.id}/sessions?from=2026-11-23&to=2026-12-06`)).json() as { title: string }[];
  const badge = (await platform.as(user).inject('/api/core/apps')).json().find((a: { name: string }) => a.name === 'textbook').badge as { count: number };
  const calendar = (await platform.as(user).inject('/api/core/dated-items?from=2026-11-23&to=2026-12-06')).json() as { items: { title: string }[] }[];
  const timeline = ((await platform.as(user).inject('/api/core/timeline?app=textbook')).json().items as { params: { title: string } }[]).map((i) => i.params.title);
  const week = (await pageTexts((await platform.as(s.teacher).inject(`/api/textbook/classes/${s.cm2.id}/textbook.pdf?from=2026-11-23&to=2026-11-29`)).rawPayload)).join('');
  const sheets = await pageTexts((await platform.as(s.teacher).inject(`/api/textbook/classes/${s.cm2.id}/pupil-sheets.pdf?from=2026-11-23&to=2026-12-06`)).rawPayload);
  return {
    family: family.find((c) => c.pupil.id === pupil.id)!.homework.map((h) => h.title),
    child: child.homework.map((h) => h.title),
    sessions: sessions.map((x) => x.title),
    badge: badge.count,
    calendar: calendar.flatMap((app) => app.items.map((i) => i.title)),
    timeline,
    week,
    sheet: sheets.find((page) => page.startsWith(pupil.displayName)) ?? '',
  };
}

t.test('homework and séances published later are invisible everywhere until their time: API, badge, calendar, timeline, ticks, week PDF, sheets', async (t) => {
  platform.clock.set('2026-11-26T09:00:00Z');
  const s = await textbookSchool(platform);
  const [pupil] = s.cm2.pupils;
  const parent = s.cm2.parents[0]!;
  // Prepared on Thursday for Friday, out at 16:30 (15:30 UTC).
  const later = await write(s, { ...HOMEWORK, title: 'Secret de jeudi', publishAt: '2026-11-26T15:30:00Z' });
  await write(s, { ...SESSION, title: 'Séance préparée', publishAt: '2026-11-26T15:30:00Z' });
  for (const user of [parent, pupil!]) {
    const seen = await everywhere(s, user, pupil!);
    t.same(seen.family, [], 'not in the family’s list');
    t.same(seen.child, [], 'not in the child’s page');
    t.same(seen.sessions, [], 'nor the séance');
    t.equal(seen.badge, 0, 'not counted by the badge');
    t.same(seen.calendar, [], 'not in the calendars');
    t.same(seen.timeline, [], 'not announced');
    t.notMatch(seen.week, /Secret de jeudi|Séance préparée/, 'not in the week’s PDF');
    t.notMatch(seen.sheet, /Secret de jeudi/, 'not on the pupil’s sheet');
  }
  t.equal((await platform.as(pupil!).inject({ method: 'PUT', url: `/api/textbook/homework/${later.id}/pupils/${pupil!.id}/done` })).statusCode, 404, 'not ticked');

  platform.clock.set('2026-11-26T15:31:00Z');
  await platform.runScheduledJobs();
  const seen = await everywhere(s, parent, pupil!);
  t.same([seen.family, seen.child, seen.sessions, seen.badge, seen.timeline], [['Secret de jeudi'], ['Secret de jeudi'], ['Séance préparée'], 1, ['Secret de jeudi']], 'then everywhere at its time');
  t.match(seen.calendar, ['Mathématiques : Secret de jeudi']);
  t.match(seen.week, /Secret de jeudi/);
  t.match(seen.sheet, /Secret de jeudi/);
});

t.test('differentiated homework reaches only the chosen pupils and their families: list, badge, calendar, timeline, sheets', async (t) => {
  platform.clock.set('2026-11-26T09:00:00Z');
  const s = await textbookSchool(platform);
  const [chosen, other] = s.cm2.pupils;
  await write(s, { ...HOMEWORK, title: 'Soutien', pupilIds: [chosen!.id] });
  for (const user of [s.cm2.parents[0]!, chosen!]) {
    const seen = await everywhere(s, user, chosen!);
    t.same([seen.family, seen.child, seen.badge, seen.calendar, seen.timeline], [['Soutien'], ['Soutien'], 1, ['Mathématiques : Soutien'], ['Soutien']]);
    t.match(seen.sheet, /Soutien/);
  }
  for (const user of [s.cm2.parents[1]!, other!]) {
    const seen = await everywhere(s, user, other!);
    t.same([seen.family, seen.child, seen.badge, seen.calendar, seen.timeline], [[], [], 0, [], []], 'another pupil of the class sees nothing of it');
    t.notMatch(seen.sheet, /Soutien/);
  }
  t.equal((await platform.as(s.cm2.parents[1]!).inject(`/api/textbook/pupils/${chosen!.id}/homework`)).statusCode, 403, "nor the chosen pupil's page");
});
