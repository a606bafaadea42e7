#!/usr/bin/env node
// `npm test` of the cross-package tests: tap with every integration test, unless PREAU_TEST_LONG_SUITES=skip.
//
// CI runs the suite twice, on PGlite and on PostgreSQL. The long suites below (every browser file, the two
// suites generated from the route table, the load harness's tiny morning) prove nothing more on a second engine
// than on the first, so `.ci/run` runs them on PostgreSQL only (the engine of a multi-process academy: real
// concurrent connections, a pool, LISTEN/NOTIFY between processes) and sets PREAU_TEST_LONG_SUITES=skip for its
// PGlite pass. A developer's `npm test` still runs them all, on PGlite by default.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

/** The suites CI runs on one database; relative to this package, as tap's `--exclude` reads them. */
const LONG_SUITES = [
  'integration/*-in-browser.test.ts',
  'integration/authorization-matrix.test.ts',
  'integration/robustness-generated.test.ts',
  // The load harness starts a server process on a database of its own: PostgreSQL only, by design.
  'load/*.test.ts',
];
// tap's own default exclusion, which a command-line --exclude replaces rather than extends.
const TAP_DEFAULT_EXCLUDE = '**/@(fixture*(s)|dist)/**';

/** Whether a pattern of the form `folder/name-with-*` names an existing file (Node 20 has no fs.globSync). */
function matchesAFile(pattern) {
  const slash = pattern.lastIndexOf('/');
  const name = new RegExp(`^${pattern.slice(slash + 1).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`);
  return readdirSync(pattern.slice(0, slash)).some((file) => name.test(file));
}

const args = process.argv.slice(2);
const mode = process.env.PREAU_TEST_LONG_SUITES ?? 'run';
if (mode !== 'run' && mode !== 'skip') {
  process.stderr.write(`PREAU_TEST_LONG_SUITES must be "run" or "skip", not "${mode}"\n`);
  process.exit(2);
}
if (mode === 'skip') {
  for (const pattern of LONG_SUITES) {
    // A pattern that matches nothing would silently stop excluding what it was meant to.
    if (!matchesAFile(pattern)) {
      process.stderr.write(`run-tests: "${pattern}" matches no file: update LONG_SUITES\n`);
      process.exit(2);
    }
  }
  process.stdout.write(`Long suites left out of this run (PREAU_TEST_LONG_SUITES=skip): ${LONG_SUITES.join(', ')}\n`);
  args.unshift(`--exclude=${TAP_DEFAULT_EXCLUDE}`, ...LONG_SUITES.map((pattern) => `--exclude=${pattern}`));
}
// npm puts this package's node_modules/.bin (tap) on the PATH of its scripts.
const result = spawnSync('tap', args, { stdio: 'inherit' });
if (result.error) throw result.error;
process.exit(result.status ?? 1);
