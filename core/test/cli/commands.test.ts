import t from 'tap';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './run-cli.js';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
// Every migration of the core, whatever their number today.
const coreMigrations = readdirSync(join(repo, 'core/migrations')).filter((name) => /^\d+-.*\.ts$/.test(name)).length;
const broken = fileURLToPath(new URL('../fixtures/plugins/half-way-migration/index.ts', import.meta.url));

t.test('migrate, plugins and doctor tell the state of an installation', async (t) => {
  const dir = t.testdir({
    'preau.config.json': JSON.stringify({ plugins: [join(repo, 'examples/lunch-menu'), broken] }),
  });
  const env = process.env.PREAU_TEST_DATABASE === 'postgres' ? {} : { DATABASE_URL: '' };

  const before = await runCli(['plugins', '--json'], { cwd: dir, env });
  const listed = JSON.parse(before.stdout) as { source: string; plugins: { name: string; state: string; pendingMigrations?: number }[] };
  t.equal(listed.source, 'configuration', 'no server runs: the CLI loads the plugins itself');
  t.match(listed.plugins, [{ name: 'lunch-menu', state: 'active', pendingMigrations: 1 }, { name: 'half-way', state: 'active', pendingMigrations: 2 }]);

  const migrate = await runCli(['migrate'], { cwd: dir, env });
  t.equal(migrate.code, 1, 'a failed migration makes the command fail');
  t.match(migrate.stdout, new RegExp(`core: ${coreMigrations} migration\\(s\\) applied`));
  t.match(migrate.stdout, /lunch-menu: 1 migration\(s\) applied/);
  t.match(migrate.stdout, /✗ half-way: migration 002-breaks\.ts failed: .*division by zero/);

  const doctor = await runCli(['doctor'], { cwd: dir, env });
  t.match(doctor.stdout, /✓ configuration/);
  t.match(doctor.stdout, /✓ database \(PGlite\): PostgreSQL \d+/);
  t.match(doctor.stdout, /✓ plugin half-way@1\.0\.0: active, 2 migration\(s\) pending/);
  t.match(doctor.stdout, /✓ SMTP: not configured/);
  t.match(doctor.stdout, /✓ storage \(local disk\)/);
  t.match(doctor.stdout, /✓ ffmpeg: from @ffmpeg-installer\/ffmpeg \(.*ffmpeg\): ffmpeg version/, 'the ffmpeg installed with Préau');
  t.equal(doctor.code, 0);
  const withoutFfmpeg = await runCli(['doctor'], { cwd: dir, env: { ...env, PREAU_FFMPEG: 'none' } });
  t.match(withoutFfmpeg.stdout, /✓ ffmpeg: none: recordings are not converted/, 'none is not a failure: recordings are served as recorded');

  const down = await runCli(['migrate', '--down'], { cwd: dir, env });
  t.match(down.stdout, /lunch-menu: 1 migration\(s\) reverted/);
  t.match(down.stdout, new RegExp(`core: ${coreMigrations} migration\\(s\\) reverted`));
});

t.test('doctor names an SMTP server that does not answer', async (t) => {
  const dir = t.testdir({ 'preau.config.json': JSON.stringify({ plugins: [], smtp: { url: 'smtp://127.0.0.1:9' } }) });
  const doctor = await runCli(['doctor'], { cwd: dir });
  t.equal(doctor.code, 1);
  t.match(doctor.stdout, /✗ SMTP: smtp:\/\/127\.0\.0\.1:9: connect ECONNREFUSED/);
});

t.test('an unknown command prints the help and fails', async (t) => {
  const result = await runCli(['frobnicate'], { cwd: repo });
  t.equal(result.code, 1);
  t.match(result.stderr, /Unknown command "frobnicate"/);
  t.match(result.stderr, /migrate \[--down\]/);
});
