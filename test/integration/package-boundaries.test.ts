import t from 'tap';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The boundaries `npm run lint` checks (.dependency-cruiser.cjs), proven on planted violations: a small tree laid
// out like the repository, in a temporary folder, whose node_modules is the repository's own.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const depcruise = resolve(dirname(fileURLToPath(import.meta.resolve('dependency-cruiser'))), '../../bin/dependency-cruise.mjs');

async function write(base: string, path: string, text: string): Promise<void> {
  await mkdir(dirname(join(base, path)), { recursive: true });
  await writeFile(join(base, path), text);
}

const pkg = (name: string, dependencies: Record<string, string>, devDependencies: Record<string, string> = {}): string =>
  JSON.stringify({ name, version: '1.0.0', type: 'module', dependencies, devDependencies });

/** Runs the repository's rules on `folder`; returns the exit code and the rule-by-rule report. */
function cruise(folder: string): Promise<{ code: number; report: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [depcruise, '--config', join(root, '.dependency-cruiser.cjs'), '--output-type', 'err', 'core', 'plugins'],
      // Plain text: under Lerna (FORCE_COLOR) the reporter colours its words, which splits "error <rule>:".
      { cwd: folder, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, report: (stdout + stderr).replace(/\u001b\[[0-9;]*m/g, '') }),
    );
  });
}

t.test('imports that cross a package boundary fail the lint, and the allowed ones pass', async (t) => {
  const tree = await mkdtemp(join(tmpdir(), 'preau-boundaries-'));
  t.teardown(() => rm(tree, { recursive: true, force: true }));
  await symlink(join(root, 'node_modules'), join(tree, 'node_modules'), 'dir');

  await write(tree, 'plugins/planted/package.json', pkg('@preau/plugin-planted', { '@preau/sdk': '1.0.0' }, { '@preau/core': '0.1.0', tap: '21.8.0' }));
  await write(tree, 'plugins/planted/src/index.ts', [
    "import { definePlugin } from '@preau/sdk';",
    "import { createPlatform } from '@preau/core';", // a core internal
    "import knex from 'knex';", // installed in the repository, not declared by this plugin
    "import { other } from '../../other/src/index.js';", // another plugin, by a relative path
    "import { PLUGIN_BRAND } from '@preau/sdk/host';", // the host's own, not a plugin's
    'export default definePlugin;',
    'export const planted = [createPlatform, knex, other, PLUGIN_BRAND];',
  ].join('\n'));
  await write(tree, 'plugins/planted/test/planted.test.ts', [
    "import t from 'tap';",
    "import { createTestPlatform } from '@preau/core/testing';", // allowed in tests
    "import { errors } from '@preau/core';", // not even in tests
    'export const used = [t, createTestPlatform, errors];',
  ].join('\n'));
  await write(tree, 'plugins/other/package.json', pkg('@preau/plugin-other', { '@preau/sdk': '1.0.0' }));
  await write(tree, 'plugins/other/src/index.ts', "import { definePlugin } from '@preau/sdk';\nexport const other = definePlugin;\n");
  await write(tree, 'core/package.json', pkg('@preau/core', { '@preau/plugin-news': '1.0.0' }));
  await write(tree, 'core/src/host.ts', "import news from '@preau/plugin-news';\nexport const hosted = news;\n");

  const { code, report } = await cruise(tree);
  t.not(code, 0, 'the lint fails');
  // The reporter wraps its lines at the terminal's width (under CI's pipes too): read the report as one line,
  // one violation per "error <rule>:".
  const violations = report.replace(/\s+/g, ' ').split(/ (?=error [a-z-]+: )/).map((entry) => entry.trim()).filter((entry) => /^error [a-z-]+: /.test(entry));
  const has = (rule: string, from: string, to: string): boolean =>
    violations.some((line) => line.includes(`${rule}: ${from}`) && line.includes(to));
  t.ok(has('plugin-imports-only-the-sdk', 'plugins/planted/src/index.ts', 'node_modules/@preau/core/'), 'a plugin importing @preau/core');
  t.ok(has('declared-dependencies-only', 'plugins/planted/src/index.ts', 'knex'), 'a plugin importing a package it does not declare');
  t.ok(has('plugin-imports-only-the-sdk', 'plugins/planted/src/index.ts', 'host'), "a plugin importing the host's part of the SDK");
  t.ok(has('plugin-stays-in-its-folder', 'plugins/planted/src/index.ts', 'plugins/other/src/index.ts'), 'a plugin importing another one by path');
  t.ok(has('plugin-tests-import-the-sdk-and-the-test-platform', 'plugins/planted/test/planted.test.ts', 'node_modules/@preau/core/src/index.ts'), "a plugin's test importing core's entry point");
  t.ok(has('core-imports-no-plugin', 'core/src/host.ts', 'node_modules/@preau/plugin-news/'), 'the core importing a plugin');
  t.notOk(violations.some((line) => line.includes('core/src/testing/')), 'the test platform is allowed in tests');
  t.ok(has('no-dev-dependency-in-shipped-code', 'plugins/planted/src/index.ts', 'node_modules/@preau/core/'), 'server code importing a devDependency');
  t.notOk(violations.some((line) => line.includes(': plugins/other/')), 'a plugin that imports only the SDK passes');
  t.equal(violations.length, 7, report);
});
