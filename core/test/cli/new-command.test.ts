import t from 'tap';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtemp, rm } from 'node:fs/promises';
import { runCli } from './run-cli.js';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const rootPackage = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

/** Runs a node script in `cwd` the way the suite runs (TypeScript source through tsx); resolves with its exit code and output. */
function run(args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: process.env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const SKELETON = [
  '.taprc', 'README.md', 'migrations/001-create-items.ts', 'package.json', 'src/errors.ts', 'src/index.ts', 'src/items.ts',
  'src/routes.ts', 'src/schemas.ts', 'test/items.test.ts', 'tsconfig.json', 'web/cahier-de-textes-app.ts',
  'web/cahier-de-textes-help.ts', 'web/index.ts', 'web/texts.ts',
];

t.test('a new plugin in the repository has the fixed skeleton, type-checks, and its tests pass at once', async (t) => {
  const dir = join(t.testdir(), 'cahier-de-textes');
  const created = await runCli(['new', 'plugin', 'cahier-de-textes', '--dir', dir, '--title', 'Cahier de textes'], { cwd: repo });
  t.equal(created.code, 0, created.stderr);
  for (const file of SKELETON) t.match(created.stdout, file);
  for (const file of SKELETON) t.ok(existsSync(join(dir, file)), file);

  const pkg = json(join(dir, 'package.json'));
  t.match(pkg, {
    name: '@preau/plugin-cahier-de-textes',
    exports: { '.': { '@preau/source': './src/index.ts', default: './dist/src/index.js' } },
    dependencies: { '@preau/sdk': json(join(repo, 'sdk/package.json')).version },
    devDependencies: { '@preau/core': json(join(repo, 'core/package.json')).version },
  });
  for (const tool of ['tap', 'typescript', '@types/node']) t.equal(pkg.devDependencies[tool], rootPackage.devDependencies[tool], `${tool} as the repository uses it`);
  t.match(json(join(dir, 'tsconfig.json')), { extends: /tsconfig\.base\.json$/ });
  const source = readFileSync(join(dir, 'src/index.ts'), 'utf8');
  t.match(source, "name: 'cahier-de-textes'");
  t.match(source, "title: { fr: 'Cahier de textes'");
  t.match(readFileSync(join(dir, 'src/errors.ts'), 'utf8'), "'CAHIER_DE_TEXTES_ERR_SCHOOL'");
  t.match(readFileSync(join(dir, 'web/cahier-de-textes-app.ts'), 'utf8'), "customElements.define('cahier-de-textes-app', CahierDeTextesApp)");

  const tests = await run(['--conditions=@preau/source', '--import', 'tsx', 'test/items.test.ts'], dir);
  t.equal(tests.code, 0, 'the generated tests pass on this run\'s database');
  t.match(tests.output, /^ok 6 - /m, 'its six tests ran');
  t.notMatch(tests.output, /not ok/);

  // Type-checking does not depend on the database: once is enough.
  if (process.env.PREAU_TEST_DATABASE !== 'postgres') {
    const tsc = await run([createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-b', dir], repo);
    t.equal(tsc.code, 0, tsc.output);
  }
});

t.test('a new bundle in the repository boots with Préau at once', async (t) => {
  const dir = join(t.testdir(), 'academie');
  const created = await runCli(['new', 'bundle', 'academie', '--dir', dir], { cwd: repo });
  t.equal(created.code, 0, created.stderr);
  t.match(json(join(dir, 'package.json')), { name: '@preau/bundle-academie', dependencies: { '@preau/sdk': String } });
  t.match(readFileSync(join(dir, 'src/index.ts'), 'utf8'), "name: 'academie'");
  const tests = await run(['--conditions=@preau/source', '--import', 'tsx', 'test/bundle.test.ts'], dir);
  t.equal(tests.code, 0, tests.output);
});

t.test('outside the repository, a new plugin stands alone: its own compiler options and version ranges', async (t) => {
  const outside = await mkdtemp(join(tmpdir(), 'preau-new-'));
  t.teardown(() => rm(outside, { recursive: true, force: true }));
  const created = await runCli(['new', 'plugin', 'hello'], { cwd: outside });
  t.equal(created.code, 0, created.stderr);
  const pkg = json(join(outside, 'hello/package.json'));
  t.match(pkg, { name: 'preau-plugin-hello', dependencies: { '@preau/sdk': /^\^1\./ }, devDependencies: { '@preau/core': /^\^0\./, tap: /^\^21\./ } });
  t.notOk(pkg.exports['.']['@preau/source'], 'no condition of the Préau repository');
  t.equal(pkg.scripts.build, 'tsc && preau build .');
  t.notOk(json(join(outside, 'hello/tsconfig.json')).extends);
  t.ok(existsSync(join(outside, 'hello/.gitignore')));
});

t.test('at the root of the Préau repository, a new plugin goes into plugins/ without --dir', async (t) => {
  // A copy of the root's shape, so the real repository is left alone.
  const root = await mkdtemp(join(tmpdir(), 'preau-root-'));
  t.teardown(() => rm(root, { recursive: true, force: true }));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'preau', private: true, workspaces: ['sdk', 'core', 'plugins/*'] }));
  writeFileSync(join(root, 'tsconfig.base.json'), JSON.stringify({ compilerOptions: { strict: true } }));
  writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ files: [], references: [{ path: 'sdk' }] }));
  const created = await runCli(['new', 'plugin', 'agenda-de-classe'], { cwd: root });
  t.equal(created.code, 0, created.stderr);
  t.match(created.stdout, /écrit dans plugins\/agenda-de-classe/);
  t.ok(existsSync(join(root, 'plugins/agenda-de-classe/src/index.ts')), 'written where the first-party apps live');
  t.notOk(existsSync(join(root, 'agenda-de-classe')), 'not at the root');
  t.same(json(join(root, 'tsconfig.json')).references.map((r: { path: string }) => r.path), ['sdk', 'plugins/agenda-de-classe'], 'and built by tsc -b');
});

t.test('a bad name, an existing folder or a missing name is refused, and nothing is written', async (t) => {
  const dir = t.testdir({ taken: { 'file.txt': 'x' } });
  const bad = await runCli(['new', 'plugin', 'Cahier_Textes', '--dir', join(dir, 'bad')], { cwd: dir });
  t.equal(bad.code, 1);
  t.match(bad.stderr, /nom invalide « Cahier_Textes »/);
  t.notOk(existsSync(join(dir, 'bad')));
  const taken = await runCli(['new', 'plugin', 'taken'], { cwd: dir });
  t.equal(taken.code, 1);
  t.match(taken.stderr, /existe déjà et n'est pas vide/);
  const missing = await runCli(['new', 'plugin'], { cwd: dir });
  t.equal(missing.code, 1);
  t.match(missing.stderr, /Usage: npx preau new plugin <nom>/);
});
