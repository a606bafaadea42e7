import t from 'tap';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../fixtures/scripts/test-platform-500.ts', import.meta.url));

/** Runs the miniature test in its own process (the test platform writes to file descriptor 2). */
function run(env: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--conditions=@preau/source', '--import', 'tsx', script], { env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      error ? reject(Object.assign(error, { stderr })) : resolve({ stdout, stderr }),
    );
  });
}

t.test("a 500 in a plugin's test prints its error and stack, unless the test expects it; PREAU_LOG_LEVEL is honoured", async (t) => {
  const [byDefault, verbose] = await Promise.all([run({ PREAU_LOG_LEVEL: '' }), run({ PREAU_LOG_LEVEL: 'info' })]);

  t.match(byDefault.stdout, /unexpected 500\nexpected 500/);
  const [unexpected, expected] = byDefault.stderr.split('--- quietly');
  t.match(unexpected, /the menu table is missing a column/, 'the error message');
  t.match(unexpected, /at .*test-platform-500\.ts/, 'and where it was thrown');
  t.notMatch(unexpected, /"level"/, 'written for a person, not as JSON');
  t.notMatch(unexpected, /incoming request/, 'only errors by default');
  t.notMatch(expected, /missing a column/, 'nothing when the test wraps the call in quietly()');

  t.match(verbose.stderr, /incoming request/, 'PREAU_LOG_LEVEL=info shows the requests too');
});
