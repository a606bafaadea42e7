import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_ROOT } from './package-root.js';

/** The version of @preau/core, from its package.json. */
export const CORE_VERSION: string = (JSON.parse(readFileSync(join(CORE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
