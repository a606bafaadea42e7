import t from 'tap';
import { sanitizeRichText } from '@preau/core';
import { PEER_XSS_CORPUS, XSS_PAYLOADS } from '@preau/core/testing';
import { launchChromium } from './browser.js';

// Each payload calls alert(1) when it runs. The page counts the calls instead of showing dialogs, and waits for
// the events that trigger handlers (load, error, focus, animations, toggles) to have had their chance.
async function alertsWhenShown(html: string): Promise<number> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    page.on('dialog', (dialog) => void dialog.dismiss());
    // Nothing leaves the page: no request reaches the network, and a link followed would end the count.
    await page.route('**/*', (route) => route.abort());
    const counter = '<script>window.__alerts = 0; window.alert = () => { window.__alerts += 1; };</script>';
    await page.setContent(`<!doctype html><html lang="fr"><head>${counter}</head><body>${html}</body></html>`, { waitUntil: 'load' });
    await page.mouse.move(10, 10);
    await page.mouse.move(200, 300);
    await page.keyboard.press('Tab');
    await page.waitForTimeout(500);
    return await page.evaluate(() => (window as unknown as { __alerts: number }).__alerts);
  } finally {
    await browser.close();
  }
}

const CORPORA = { 'our payloads': XSS_PAYLOADS, 'the peer corpus': PEER_XSS_CORPUS.map((c) => c.html) };

for (const [name, payloads] of Object.entries(CORPORA)) {
  t.test(`${name}: the raw payloads do run in Chromium (the check can see them)`, async (t) => {
    const ran = await alertsWhenShown(payloads.join('\n<hr>\n'));
    t.ok(ran > 0, `${ran} alert(s) from the raw payloads`);
  });

  t.test(`${name}: none of the ${payloads.length} payloads runs once sanitized and shown in Chromium`, async (t) => {
    const ran = await alertsWhenShown(payloads.map((payload) => sanitizeRichText(payload)).join('\n<hr>\n'));
    t.equal(ran, 0);
  });
}
