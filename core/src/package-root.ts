import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the nearest package.json at or above `path` (which need not exist: `dist/web/index.ts`). */
export function packageRootOf(path: string): string {
  for (let dir = path; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json at or above ${path}`);
  }
}

/**
 * The folder of @preau/core (its package.json, templates and sample files), the same whether the core runs
 * from `src/` or from the compiled `dist/src/`.
 */
export const CORE_ROOT = packageRootOf(dirname(fileURLToPath(import.meta.url)));
