import t from 'tap';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import lunchMenu from '@preau/example-lunch-menu';
import { createTestPlatform } from '@preau/core/testing';
import { launchChromium } from './browser.js';

// Screenshots of the main pages are kept as test artifacts (git-ignored), for a human to look at.
const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/', import.meta.url));

t.test('a parent signs in and opens an app with the keyboard alone, and the pages fit a 360 px phone', async (t) => {
  const platform = await createTestPlatform({ plugins: [lunchMenu], buildWeb: true });
  t.teardown(() => platform.close());
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  const parent = await platform.createUser({ profile: 'Relative', schools: [school], login: 'paul.martin' });
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  await mkdir(ARTIFACTS, { recursive: true });

  await page.goto(address);
  await page.getByLabel('Identifiant').waitFor();
  await page.screenshot({ path: `${ARTIFACTS}phone-login.png`, fullPage: true });
  // Keyboard only: focus starts at the top of the page.
  await page.keyboard.press('Tab');
  await page.keyboard.type('paul.martin');
  await page.keyboard.press('Tab');
  await page.keyboard.type(parent.password);
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: /Menu de la cantine/ }).waitFor();
  await page.screenshot({ path: `${ARTIFACTS}phone-home.png`, fullPage: true });

  let reached = false;
  for (let i = 0; i < 30 && !reached; i += 1) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.getAttribute('data-app') === 'lunch-menu';
    });
  }
  t.ok(reached, 'the launcher tile is reached with Tab');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Menu de la cantine' }).waitFor();
  t.equal(new URL(page.url()).pathname, '/apps/lunch-menu/', 'Enter opens the app');
  await page.screenshot({ path: `${ARTIFACTS}phone-app.png`, fullPage: true });

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  t.ok(overflow <= 0, `no horizontal scrolling on a 360 px screen (overflow ${overflow}px)`);
  for (const path of ['/account', '/directory']) {
    await page.goto(`${address}${path}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const wider = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    t.ok(wider <= 0, `${path} fits the phone (overflow ${wider}px)`);
    await page.screenshot({ path: `${ARTIFACTS}phone${path.replace(/\//g, '-')}.png`, fullPage: true });
  }
});
