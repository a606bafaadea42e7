import t from 'tap';
import type { Browser, Page } from 'playwright-core';
import lunchMenu from '@preau/example-lunch-menu';
import news from '@preau/plugin-news';
import messaging from '@preau/plugin-messaging';
import liaison from '@preau/plugin-liaison';
import { createTestPlatform, type TestPlatform, type TestUser } from '@preau/core/testing';
import { launchChromium, signIn } from './browser.js';
import { seriousViolations } from './axe.js';

// Issue 19, "Phone first": every page, as each profile, on a 360 px phone, with the demo's sample content of
// every app (words, messages, news, menus): no sideways scroll, no console error, no serious axe violation.
let platform: TestPlatform;
let browser: Browser;
let address: string;
let schoolId: number;
let classId: number;
const people: Record<'director' | 'teacher' | 'parent' | 'pupil', TestUser> = {} as never;

t.before(async () => {
  platform = await createTestPlatform({ plugins: [news, messaging, liaison, lunchMenu], buildWeb: true });
  const school = await platform.createSchool({ name: 'École élémentaire Jean Moulin' });
  schoolId = school.id;
  people.director = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'BÉRANGER Louis', functions: [{ function: 'director', schoolId }] });
  people.teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'ROUX Mathieu' });
  const cm2 = await platform.createClass({ school, label: 'CM2 - M. BÉRANGER', teachers: [people.director], pupils: 2, relativesPerPupil: 1 });
  const cp = await platform.createClass({ school, label: 'CP - M. ROUX', teachers: [people.teacher], pupils: 2, relativesPerPupil: 1 });
  classId = cp.id;
  // A parent of two children (the header's child switcher), each with a long class label.
  people.parent = cp.relatives[0]![0]!;
  await platform.linkRelative(people.parent, cm2.pupils[0]!);
  people.pupil = cp.pupils[0]!;
  for (const pupil of [...cp.pupils, ...cm2.pupils]) {
    const [first] = pupil.displayName.split(' ').slice(-1);
    await platform.knex('core.users').where({ id: pupil.id }).update({ first_name: `Maximilien-${first}`, last_name: 'DE LA FONTAINE-SAINT-GERMAIN' });
  }
  const context = { schoolId, director: people.director.id, teachers: [{ id: people.director.id, classId: cm2.id }, { id: people.teacher.id, classId: cp.id }], now: platform.clock.now() };
  for (const record of platform.platform.plugins.active()) {
    if (record.manifest?.demo && record.services) await record.manifest.demo(context, record.services);
  }
  await platform.runScheduledJobs();
  address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});
t.teardown(async () => {
  await browser?.close();
  await platform?.close();
});

/** The pages each profile can open, apps and their inner pages included. */
function pagesOf(who: keyof typeof people): string[] {
  const apps = ['/apps/news/', '/apps/messaging/', '/apps/liaison/', '/apps/lunch-menu/'];
  const common = ['/', '/account', '/directory', `/directory/people/${people.teacher.id}`, '/styleguide', ...apps];
  const staff = ['/apps/liaison/new', '/apps/news/write', `/admin/schools/${schoolId}/classes/${classId}`];
  const school = `/admin/schools/${schoolId}`;
  switch (who) {
    case 'director':
      return [...common, ...staff, '/apps/news/flash', '/apps/news/threads', '/apps/news/queue', '/admin', school,
        ...['users', 'import', 'groups', 'communication', 'apps', 'audit'].map((tab) => `${school}/${tab}`)];
    case 'teacher':
      return [...common, ...staff];
    default:
      return common;
  }
}

/** How far the page is wider than the screen (0 when it fits), and which elements stick out. */
function overflow(page: Page) {
  return page.evaluate(() => {
    // Not innerWidth: a phone's browser widens its layout viewport to content that is too wide.
    const width = 360;
    const wider: string[] = [];
    // The elements sticking out of the screen, except inside a box that scrolls or clips them (a table's wrap).
    const walk = (element: Element) => {
      const box = element.getBoundingClientRect();
      if (box.right > width + 1 && box.width > 0) wider.push(`${element.localName}.${element.className}`.slice(0, 60));
      if (getComputedStyle(element).overflowX !== 'visible') return;
      for (const child of [...element.children, ...(element.shadowRoot?.children ?? [])]) walk(child);
    };
    walk(document.body);
    return { by: document.documentElement.scrollWidth - width, wider: wider.slice(0, 5) };
  });
}

for (const who of ['director', 'teacher', 'parent', 'pupil'] as const) {
  t.test(`as a ${who}, every page fits a 360 px phone with no console error and no serious axe violation`, async (t) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const errors: string[] = [];
  const page = await signIn(context, address, people[who]);
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  for (const path of pagesOf(who)) {
    await page.goto(`${address}${path}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    // Loading states end before the page is judged.
    await page.waitForFunction(() => !document.body.innerText.includes('Chargement'), undefined, { timeout: 5000 }).catch(() => undefined);
    const { by, wider } = await overflow(page);
    t.ok(by <= 0, `${who} ${path} does not scroll sideways at 360 px (${by} px too wide${wider.length ? `: ${wider.join(', ')}` : ''})`);
    const header = await page.locator('preau-header header').first().boundingBox(); // not the help dialog's header
    t.ok(header && header.height <= 64, `${who} ${path}: the header is one row (${header?.height} px)`);
    const violations = await seriousViolations(page);
    t.same(violations.map((v) => `${v.id}: ${v.targets.slice(0, 3).join(' | ')}`), [], `${who} ${path}: no serious axe violation`);
  }
  t.same(errors, [], `${who}: no console error on any page`);
  await context.close();
  });
}
