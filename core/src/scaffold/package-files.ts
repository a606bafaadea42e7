import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { CORE_ROOT } from '../package-root.js';
import type { PreauWorkspace } from './preau-workspace.js';

/** What a new package is: a plugin (server, migrations, web) or a bundle (a named list of plugins). */
export type ScaffoldKind = 'plugin' | 'bundle';

interface PackageJson {
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const readJson = (file: string): PackageJson => JSON.parse(readFileSync(file, 'utf8')) as PackageJson;

/**
 * The versions a new package depends on, read from the installed packages rather than written here: the SDK
 * and the core it is tested with, the shell's Lit, and the tools the core itself is built with.
 */
function versions(exact: boolean) {
  const require = createRequire(import.meta.url);
  const sdk = readJson(require.resolve('@preau/sdk/package.json'));
  const shell = readJson(require.resolve('@preau/shell/package.json'));
  const core = readJson(join(CORE_ROOT, 'package.json'));
  const range = (version: string) => (exact || /^[\^~<>=]/.test(version) ? version : `^${version}`);
  const tool = (name: string) => range(core.devDependencies?.[name] ?? 'latest');
  return {
    sdk: range(sdk.version),
    core: range(core.version),
    // The Lit the shell is built with, which it lends every app through its import map.
    lit: range(shell.devDependencies?.lit ?? sdk.peerDependencies?.lit ?? '^3.0.0'),
    litContext: range(shell.devDependencies?.['@lit/context'] ?? sdk.peerDependencies?.['@lit/context'] ?? '^1.1.0'),
    tap: tool('tap'),
    typescript: tool('typescript'),
    typesNode: tool('@types/node'),
  };
}

/** The compiler options of a package outside the Préau repository (inside, it extends tsconfig.base.json). */
const STANDALONE_COMPILER_OPTIONS = {
  target: 'ES2022',
  lib: ['ES2023', 'DOM', 'DOM.Iterable'],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  // Lit's reactive properties are accessors: class fields with define semantics would shadow them.
  useDefineForClassFields: false,
  esModuleInterop: true,
  skipLibCheck: true,
  isolatedModules: true,
  declaration: true,
  types: ['node'],
  rootDir: '.',
  outDir: 'dist',
};

/** package.json, tsconfig.json, .taprc (and .gitignore outside the repository) of a new package, by file name. */
export function packageFiles(kind: ScaffoldKind, options: { dir: string; packageName: string; title: string; workspace: PreauWorkspace | null }): Record<string, string> {
  const { workspace } = options;
  const v = versions(workspace !== null);
  const plugin = kind === 'plugin';
  const folders = plugin ? ['src', 'migrations', 'web', 'test'] : ['src', 'test'];
  // In the repository, packages resolve each other to their TypeScript source under this condition (tests, `npm run dev`).
  const entry = (source: string, compiled: string) => ({
    ...(workspace ? { '@preau/source': source } : {}),
    types: compiled.replace(/\.js$/, '.d.ts'),
    default: compiled,
  });
  const pkg = {
    name: options.packageName,
    version: '0.1.0',
    description: `${options.title}: a Préau ${kind}.`,
    type: 'module',
    ...(workspace ? { license: 'AGPL-3.0-or-later' } : {}),
    engines: { node: '>=20.19' },
    exports: { '.': entry('./src/index.ts', './dist/src/index.js'), './package.json': './package.json' },
    files: plugin ? ['dist/src', 'dist/migrations', 'dist/web-bundle'] : ['dist/src'],
    scripts: {
      build: `${workspace ? 'tsc -b' : 'tsc'}${plugin ? ' && preau build .' : ''}`,
      test: 'tap',
    },
    dependencies: plugin ? { '@lit/context': v.litContext, '@preau/sdk': v.sdk, lit: v.lit } : { '@preau/sdk': v.sdk },
    devDependencies: { '@preau/core': v.core, '@types/node': v.typesNode, tap: v.tap, typescript: v.typescript },
  };
  const up = workspace ? relative(options.dir, workspace.root).split(sep).join('/') : '';
  const tsconfig = workspace
    ? {
        extends: `${up}/tsconfig.base.json`,
        compilerOptions: { rootDir: '.', outDir: 'dist' },
        include: folders,
        exclude: ['dist', 'node_modules'],
        references: [{ path: `${up}/sdk` }, { path: `${up}/core` }],
      }
    : { compilerOptions: STANDALONE_COMPILER_OPTIONS, include: folders, exclude: ['dist', 'node_modules'] };
  const taprc = [
    '# Coverage is not a gate: the tests are judged by the behaviour they prove on PGlite and on PostgreSQL.',
    'disable-coverage: true',
    'include:',
    '  - "test/**/*.test.ts"',
    'timeout: 180',
    ...(workspace ? ['# Tests run the workspace\'s TypeScript source: the "@preau/source" export condition of every @preau package.', 'node-arg:', '  - "--conditions=@preau/source"'] : []),
    '',
  ].join('\n');
  return {
    'package.json': `${JSON.stringify(pkg, null, 2)}\n`,
    'tsconfig.json': `${JSON.stringify(tsconfig, null, 2)}\n`,
    '.taprc': taprc,
    ...(workspace ? {} : { '.gitignore': 'node_modules/\ndist/\n.tap/\n*.tsbuildinfo\n' }),
  };
}
