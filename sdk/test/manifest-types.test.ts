import t from 'tap';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

t.test('a manifest of the wrong shape does not compile, and a right one does', async (t) => {
  const project = fileURLToPath(new URL('./types/tsconfig.json', import.meta.url));
  // tsc fails on any @ts-expect-error that expects nothing: the file compiling proves every bad shape is refused.
  const result = await promisify(execFile)(process.execPath, [tsc, '-p', project]).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
  t.equal(result.code, 0, result.stdout);
});
