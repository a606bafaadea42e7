/**
 * First contentful paint and time to interactive of a parent's home page over a throttled connection (the
 * « Slow 4G » of Chromium's DevTools: 150 ms round trip, 1.6 Mb/s down, 750 kb/s up; CPU slowed 4×), measured by
 * hand the way Lighthouse defines them:
 *  - FCP: the browser's `first-contentful-paint` entry;
 *  - TTI: the end of the last long task (> 50 ms) before a quiet window of 5 s with no long task, counted from
 *    FCP (network quiet is not checked: the live socket stays open by design).
 * Two visits each: the first without the service worker and without the HTTP cache (a first visit), then with
 * the worker's precache (an installed app opened again). Reports; asserts nothing.
 */
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { createTestPlatform } from '@preau/core/testing';
import liaison from '@preau/plugin-liaison';
import news from '@preau/plugin-news';
import messaging from '@preau/plugin-messaging';

const RUNS = Number(process.env.PREAU_BENCH_RUNS ?? 3);
const QUIET_MS = 5_000;
const platform = await createTestPlatform({ plugins: [liaison, news, messaging], buildWeb: true, database: 'pglite' });
const school = await platform.createSchool({ name: 'École du banc d’essai' });
const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
const created = await platform.createClass({ school, label: 'CM2', teachers: [teacher], pupils: 2, relativesPerPupil: 1 });
const parent = created.relatives[0]![0]!;
await platform.linkRelative(parent, created.pupils[1]!);
const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
const browser = await chromium.launch({ executablePath: process.env.PREAU_CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });

async function throttle(cdp: CDPSession): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

async function visit(page: Page): Promise<{ fcp: number; tti: number }> {
  await page.addInitScript(() => {
    const tasks: { start: number; end: number }[] = [];
    (window as unknown as { longTasks: typeof tasks }).longTasks = tasks;
    new PerformanceObserver((list) => { for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, end: entry.startTime + entry.duration }); }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(address);
  await page.getByRole('heading', { name: 'Accueil', level: 1 }).waitFor({ timeout: 60_000 });
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
  // Wait for the quiet window after the last long task (polling the page's record, no fixed sleep).
  for (;;) {
    const { now, last } = await page.evaluate(() => {
      const tasks = (window as unknown as { longTasks: { end: number }[] }).longTasks;
      return { now: performance.now(), last: tasks.at(-1)?.end ?? 0 };
    });
    if (now - Math.max(last, fcp) >= QUIET_MS) {
      const tasks = await page.evaluate(() => (window as unknown as { longTasks: { start: number; end: number }[] }).longTasks);
      return { fcp, tti: Math.max(fcp, ...tasks.filter((task) => task.end >= fcp).map((task) => task.end)) };
    }
    await page.waitForFunction((since) => performance.now() - since >= 250, now);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
try {
  const first: { fcp: number; tti: number }[] = [];
  const again: { fcp: number; tti: number }[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext();
    const session = await platform.platform.sessions.create(parent.id, {});
    await context.addCookies([{ name: 'preau_session', value: session.token, url: address }]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setBypassServiceWorker', { bypass: true });
    await throttle(cdp);
    first.push(await visit(page));
    // The worker installs (unthrottled, as it would over the following minutes), then the app is opened again.
    await cdp.send('Network.setBypassServiceWorker', { bypass: false });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const again0 = await context.newPage();
    const cdp2 = await context.newCDPSession(again0);
    await throttle(cdp2);
    again.push(await visit(again0));
    await context.close();
  }
  const row = (name: string, visits: { fcp: number; tti: number }[]) =>
    `${name.padEnd(44)} FCP ${median(visits.map((v) => v.fcp)).toFixed(0).padStart(5)} ms · TTI ${median(visits.map((v) => v.tti)).toFixed(0).padStart(5)} ms`;
  console.log(`parent's home page, Slow 4G + CPU 4×, median of ${RUNS}`);
  console.log(row('first visit (no worker, empty HTTP cache)', first));
  console.log(row('opened again (service worker precache)', again));
} finally {
  await browser.close();
  await platform.close();
}
