import t from 'tap';
import { loadConfig, parseConfig } from '../../src/config/load-config.js';

t.test('an unknown configuration key stops the start with a message naming it', async (t) => {
  t.throws(() => parseConfig({ server: { prot: 3000 } }, '/'), {
    code: 'PREAU_ERR_CONFIG_INVALID',
    message: /config\.server\.prot is not a known key/,
  });
  t.throws(() => parseConfig({ plugns: [] }, '/'), { message: /config\.plugns is not a known key/ });
});

t.test('a value of the wrong type is refused with its key', async (t) => {
  t.throws(() => parseConfig({ server: { port: 'three thousand' } }, '/'), { message: /config\.server\.port must be integer/ });
});

t.test('defaults fill what the file leaves out', async (t) => {
  const config = parseConfig({}, '/srv/preau');
  t.equal(config.server.port, 3000);
  t.equal(config.database.dataDir, '.data');
  t.equal(config.database.url, undefined, 'PGlite unless a PostgreSQL URL is given');
  t.equal(config.baseDir, '/srv/preau');
});

t.test('the environment overrides the file', async (t) => {
  const dir = t.testdir({ 'preau.config.json': JSON.stringify({ server: { port: 4000 } }) });
  const config = loadConfig({
    cwd: dir,
    env: { PORT: '3999', HOST: '0.0.0.0', DATABASE_URL: 'postgres://db/preau', PREAU_DATA_DIR: '/var/lib/preau' },
  });
  t.equal(config.server.port, 3999);
  t.equal(config.server.host, '0.0.0.0');
  t.equal(config.database.url, 'postgres://db/preau');
  t.equal(config.database.dataDir, '/var/lib/preau');
});

t.test('PREAU_CONFIG names another file, and a missing one is an error', async (t) => {
  const dir = t.testdir({ 'academie.json': JSON.stringify({ apps: { enabledByDefault: ['lunch-menu'] } }) });
  t.same(loadConfig({ cwd: dir, env: { PREAU_CONFIG: 'academie.json' } }).apps.enabledByDefault, ['lunch-menu']);
  t.throws(() => loadConfig({ cwd: dir, env: { PREAU_CONFIG: 'absent.json' } }), { message: /file not found/ });
});

t.test('a file that is not JSON is refused with the parser message', async (t) => {
  const dir = t.testdir({ 'preau.config.json': '{ "plugins": [ ' });
  t.throws(() => loadConfig({ cwd: dir, env: {} }), { code: 'PREAU_ERR_CONFIG_INVALID', message: /preau\.config\.json/ });
});

t.test('trustProxy names the reverse proxies by address or range; trusting every sender is refused', async (t) => {
  t.same(parseConfig({}, '/').server.trustProxy, [], 'no proxy is trusted by default');
  t.same(parseConfig({ server: { trustProxy: ['10.0.0.0/8', '::1', 'loopback'] } }, '/').server.trustProxy, ['10.0.0.0/8', '::1', 'loopback']);
  t.throws(() => parseConfig({ server: { trustProxy: true } }, '/'), { message: /config\.server\.trustProxy must be array/ });
  t.throws(() => parseConfig({ server: { trustProxy: ['10.0.0.0/33'] } }, '/'), { message: /config\.server\.trustProxy\[0\] "10\.0\.0\.0\/33" is not an IP address/ });
  t.throws(() => parseConfig({ server: { trustProxy: ['127.0.0.1', 'proxy.example'] } }, '/'), { message: /trustProxy\[1\]/ });
  const dir = t.testdir({});
  t.same(loadConfig({ cwd: dir, env: { PREAU_TRUST_PROXY: '192.0.2.10, 192.0.2.11' } }).server.trustProxy, ['192.0.2.10', '192.0.2.11'], 'PREAU_TRUST_PROXY lists them too');
});
