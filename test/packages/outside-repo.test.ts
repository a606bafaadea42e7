// The published packages, used as a third party would: packed with `npm pack`, installed in a folder outside
// the repository (third-party dependencies from the npm cache or registry), a plugin scaffolded with the packed
// `preau` binary, its tests run on the test platform, then a server started from preau.config.json that serves
// it with the first-party plugins. Not part of `npm test`: `npm run test:packages`, and a step of .ci/run.
import t from 'tap';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const PACKAGES = [
  'sdk', 'core', 'shell', 'plugins/liaison', 'plugins/messaging', 'plugins/news', 'plugins/documents', 'plugins/agenda',
  'examples/lunch-menu', 'examples/academy-bundle',
];

// Nothing of the repository leaks into the outside folder: no test loaders, no npm run context, no repository bin.
const env: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(NODE_OPTIONS|TAP|npm_|PREAU_)/i.test(key)),
);
env.PATH = (process.env.PATH ?? '').split(':').filter((dir) => !dir.startsWith(repo)).join(':');

/** Runs a command to completion; rejects with its output when it fails. Returns its output and duration. */
function sh(command: string, args: string[], cwd: string, extra: NodeJS.ProcessEnv = {}): Promise<{ output: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...env, ...extra } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve({ output, ms: Date.now() - started }) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`)),
    );
  });
}

/** Polls the health route until `ready` accepts it (or the process exits, or a minute passes). */
async function health(url: string, server: ChildProcess, ready: (body: Health) => boolean): Promise<Health> {
  const deadline = Date.now() + 60_000;
  let last: Health | undefined;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    last = await fetch(`${url}/api/core/health`).then((r) => r.json() as Promise<Health>).catch(() => undefined);
    if (last && ready(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`not ready: ${JSON.stringify(last)}`);
}
interface Health {
  status: string;
  plugins: { name: string; state: string }[];
}

t.test('the packed packages install outside the repository, scaffold a plugin whose tests pass, and serve it', async (t) => {
  const started = Date.now();
  const times: string[] = [];
  const step = (label: string, ms: number) => times.push(`${label} ${(ms / 1000).toFixed(1)} s`);
  const work = await mkdtemp(join(tmpdir(), 'preau-outside-'));
  t.teardown(() => rm(work, { recursive: true, force: true }));

  step('build', (await sh('npm', ['run', 'build'], repo)).ms);
  const pack = join(work, 'pack');
  await mkdir(pack);
  step('npm pack', (await sh('npm', ['pack', '--pack-destination', pack, ...PACKAGES.flatMap((p) => ['--workspace', p])], repo)).ms);
  const tarballs = Object.fromEntries(
    (await readdir(pack)).map((file) => [`@preau/${/^preau-(.+)-\d+\.\d+\.\d+\.tgz$/.exec(file)![1]}`, `file:${join(pack, file)}`]),
  );
  t.equal(Object.keys(tarballs).length, PACKAGES.length, 'one tarball per package');

  // An installation with a workspace for its own plugins; every @preau package comes from the tarballs.
  const app = join(work, 'ent');
  await mkdir(join(app, 'plugins'), { recursive: true });
  await writeFile(join(app, 'package.json'), JSON.stringify({
    name: 'ent-exemple', private: true, type: 'module', workspaces: ['plugins/*'],
    dependencies: tarballs,
    overrides: Object.fromEntries(Object.keys(tarballs).map((name) => [name, `$${name}`])),
  }, null, 2));
  step('npm install', (await sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], app)).ms);

  const help = await sh('npx', ['preau', '--help'], app);
  t.match(help.output, /new plugin <name>/);
  step('npx preau --help', help.ms);

  const scaffold = await sh('npx', ['preau', 'new', 'plugin', 'hello'], join(app, 'plugins'));
  t.match(scaffold.output, /preau-plugin-hello/);
  step('npm install (the new plugin)', (await sh('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], app)).ms);
  const hello = join(app, 'plugins', 'hello');
  const tests = await sh('npm', ['test'], hello, { PREAU_TEST_DATABASE: 'pglite' });
  t.match(tests.output, /# \{ total: \d+, pass: \d+ \}/, 'its tests pass on the test platform (PGlite)');
  t.notMatch(tests.output, /fail: \d+/);
  step('npm test (the new plugin)', tests.ms);
  step('npm run build (the new plugin)', (await sh('npm', ['run', 'build'], hello)).ms);

  await writeFile(join(app, 'preau.config.json'), JSON.stringify({
    plugins: ['./plugins/hello', '@preau/plugin-liaison', '@preau/plugin-messaging', '@preau/plugin-news', '@preau/plugin-documents', '@preau/plugin-agenda'],
    bundles: ['@preau/example-academy-bundle'],
    apps: { enabledByDefault: ['hello'] },
  }));
  const serving = Date.now();
  const server = spawn(process.execPath, [join(app, 'node_modules', '.bin', 'preau'), 'start'], {
    cwd: app,
    env: { ...env, PORT: '0', PREAU_LOG_LEVEL: 'warn' },
  });
  t.teardown(() => void server.kill('SIGKILL'));
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const found = /(http:\/\/[^/\s]+)\/setup\?token=/.exec(output) ?? /Préau écoute sur (http:\/\/\S+)/.exec(output);
      if (found) {
        clearInterval(timer);
        resolve(found[1]!);
      } else if (server.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`the server exited:\n${output}`));
      }
    }, 100);
  });
  const body = await health(url, server, (b) => b.plugins.some((p) => p.name === 'hello'));
  t.match(body, { status: 'ok' });
  t.same(
    body.plugins.map((p) => `${p.name} ${p.state}`).sort(),
    ['agenda active', 'documents active', 'hello active', 'liaison active', 'lunch-menu active', 'messaging active', 'news active'],
    'the scaffolded plugin and the packed first-party plugins are active',
  );
  const page = await fetch(`${url}/`);
  t.equal(page.status, 200, 'the packed shell is served');
  const shell = /src="(\/shell\/app-[^"]+\.js)"/.exec(await page.text())?.[1];
  t.equal((await fetch(`${url}${shell}`)).status, 200);
  server.kill('SIGTERM');
  await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)));
  t.equal(server.exitCode, 0, 'stops cleanly');
  t.notOk(existsSync(join(app, 'node_modules', '.cache', 'preau', 'web')), 'the server bundled nothing: it served the packages\' bundles');
  step('preau start until healthy, then stop', Date.now() - serving);

  step('in all', Date.now() - started);
  t.comment(`outside-repo timings: ${times.join(', ')}`);
});
