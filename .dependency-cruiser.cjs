// The boundaries of Préau's packages, checked on every import (`npm run lint`, a phase of `.ci/run`):
// the core hosts plugins without importing any, a plugin knows only the SDK, and every package declares what it
// imports. Paths are relative to the repository root. Workspace packages are seen through their node_modules
// link (preserveSymlinks), so `@preau/core` is `node_modules/@preau/core/…` wherever it is imported from, and an
// import of a workspace package counts as a dependency its package.json has to declare like any other.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-no-plugin',
      comment: 'The core loads the plugins, the shell and the bundles that the configuration names; it never imports one.',
      severity: 'error',
      from: { path: '^core/(src|bin)/' },
      to: { path: ['^(plugins|shell|examples)/', 'node_modules/@preau/(shell|plugin-|example-)'] },
    },
    {
      name: 'sdk-imports-no-preau-package',
      comment: 'The SDK is the contract: it depends on no other Préau package.',
      severity: 'error',
      from: { path: '^sdk/' },
      to: { path: ['^(core|shell|plugins|examples)/', 'node_modules/@preau/(?!sdk/)'] },
    },
    {
      name: 'plugin-imports-only-the-sdk',
      comment: 'A plugin (first-party, example or fixture) imports @preau/sdk and @preau/sdk/web, nothing else of Préau (not the host-only @preau/sdk/host).',
      severity: 'error',
      from: { path: '^((plugins|examples)/[^/]+|(core/)?test/fixtures/plugins/[^/]+)/(src|web|migrations|index\\.ts)' },
      to: { path: ['node_modules/@preau/(?!sdk/)', 'node_modules/@preau/sdk/(dist/)?src/host\\.'] },
    },
    {
      name: 'plugin-tests-import-the-sdk-and-the-test-platform',
      comment: "A plugin's tests may also boot the platform through @preau/core/testing, never reach core internals.",
      severity: 'error',
      from: { path: '^(plugins|examples)/[^/]+/test/' },
      to: { path: 'node_modules/@preau/', pathNot: 'node_modules/@preau/(sdk/|core/(src|dist)/testing/)' },
    },
    {
      name: 'plugin-stays-in-its-folder',
      comment: "A relative import never leaves the plugin's own folder (that is how internals would leak in).",
      severity: 'error',
      from: { path: '^(plugins|examples)/([^/]+)/' },
      to: { path: '^(core|sdk|shell|plugins|examples|test)/', pathNot: '^$1/$2/' },
    },
    {
      name: 'declared-dependencies-only',
      comment: "Every package imported is declared in the importing package's own package.json (hoisting hides it otherwise, until the package is installed alone).",
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'no-dev-dependency-in-shipped-code',
      comment:
        'Server code imports only dependencies: a devDependency is not installed with the package. (Web code is ' +
        'bundled at build time, so the shell keeps lit and its editor as devDependencies.)',
      severity: 'error',
      from: { path: '^(core|sdk|(plugins|examples)/[^/]+)/(src|migrations)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'resolvable-imports-only',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Our compiled output is not looked at, and neither are the scaffold's templates: they hold placeholders
    // (__name__) and are checked once written, by the scaffold's own test.
    exclude: { path: '^(core|sdk|shell|test|(plugins|examples)/[^/]+)/dist/|^core/templates/' },
    preserveSymlinks: true,
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      // The workspace's own source, as the tests run it.
      conditionNames: ['@preau/source', 'import', 'types', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.json'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
