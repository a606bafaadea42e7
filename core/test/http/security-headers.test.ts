import t from 'tap';
import { createHash } from 'node:crypto';
import { createTestPlatform, type TestPlatform } from '../../src/testing/index.js';
import { SLIPS_STYLE } from '../../src/structure/activation-slips.js';

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: unknown): Map<string, string[]> {
  const policy = new Map<string, string[]>();
  for (const part of String(header).split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name, sources);
  }
  return policy;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

// One platform served over plain HTTP with its web built, one declared HTTPS (API only).
let platform: TestPlatform;
let secure: TestPlatform;
t.before(async () => {
  platform = await createTestPlatform({ buildWeb: true });
  secure = await createTestPlatform({ config: { server: { publicUrl: 'https://ent.ecole.test' } } });
});
t.teardown(async () => {
  await platform.close();
  await secure.close();
});

t.test('the shell page forbids inline script and framing, and allows exactly its import map and token style', async (t) => {
  const response = await platform.inject('/');
  t.equal(response.statusCode, 200);
  t.match(response.headers['content-type'], /^text\/html/);
  const csp = directives(response.headers['content-security-policy']);
  t.same(csp.get('default-src'), ["'self'"]);
  t.same(csp.get('frame-ancestors'), ["'none'"]);
  t.same(csp.get('object-src'), ["'none'"]);
  t.same(csp.get('base-uri'), ["'none'"]);
  t.same(csp.get('script-src-attr'), ["'none'"]);
  t.notOk(csp.get('script-src')!.some((source) => /unsafe/.test(source)), 'no unsafe-inline nor unsafe-eval for scripts');
  t.notOk(csp.get('style-src')!.includes("'unsafe-inline'"), 'style elements are held to hashes');

  const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(response.body)![1]!;
  const style = /<style>([\s\S]*?)<\/style>/.exec(response.body)![1]!;
  t.same(csp.get('script-src'), ["'self'", sha256(importMap)], 'the import map is allowed by the hash of what is served');
  // The offline page the service worker shows is served under the same policy, with its own style element.
  const offline = await platform.inject('/offline.html');
  const offlineStyle = /<style>([\s\S]*?)<\/style>/.exec(offline.body)![1]!;
  t.same(csp.get('style-src'), ["'self'", sha256(style), sha256(offlineStyle), sha256(SLIPS_STYLE)], 'and the offline page, and the printable slips, which the shell opens in a window under its policy');
  t.notMatch(response.body, /<script(?![^>]*(type="importmap"|src=))/, 'no other inline script');
  t.notMatch(response.body, /\sstyle="/, 'no inline style attribute on the page itself');
  t.same(csp.get('img-src'), ["'self'", 'https:', 'data:', 'blob:']);
  t.same(csp.get('connect-src'), ["'self'"]);
  t.notOk(csp.has('upgrade-insecure-requests'), 'plain HTTP is not upgraded');

  t.equal(response.headers['x-frame-options'], 'DENY');
  t.equal(response.headers['referrer-policy'], 'same-origin');
  t.equal(response.headers['x-content-type-options'], 'nosniff');
  t.equal(response.headers['cross-origin-opener-policy'], 'same-origin');
  t.notOk(response.headers['strict-transport-security'], 'no HSTS when Préau is not served over HTTPS');
});

t.test('a JSON response and a coded error carry the same headers, nosniff included', async (t) => {
  for (const [url, status] of [['/api/core/health', 200], ['/api/core/me', 401], ['/api/core/nothing-here', 404]] as const) {
    const response = await platform.inject(url);
    t.equal(response.statusCode, status, url);
    t.match(response.headers['content-type'], /^application\/json/, url);
    t.equal(response.headers['x-content-type-options'], 'nosniff', url);
    t.equal(response.headers['referrer-policy'], 'same-origin', url);
    t.equal(response.headers['x-frame-options'], 'DENY', url);
    t.same(directives(response.headers['content-security-policy']).get('frame-ancestors'), ["'none'"], url);
  }
});

t.test('HTTPS deployments get HSTS for their own host only, and upgrade stray http: requests', async (t) => {
  const response = await secure.inject('/api/core/health');
  t.equal(response.statusCode, 200);
  t.equal(response.headers['strict-transport-security'], 'max-age=31536000');
  t.ok(directives(response.headers['content-security-policy']).has('upgrade-insecure-requests'));
});
