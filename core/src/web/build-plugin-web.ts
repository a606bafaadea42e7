import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PluginRecord } from '../plugins/plugin-registry.js';
import { buildOnce } from './build-once.js';
import { PluginWebBuildFailed } from '../errors.js';

/** What the shell provides through its import map: plugin bundles leave these out and share one copy. */
export const SHARED_MODULES = ['lit', 'lit/*', '@lit/context', '@preau/sdk/web'];

/** Where built web assets go: the build cache, not the data folder (they are derived, not user data). */
export function webCacheDir(baseDir: string): string {
  return join(baseDir, 'node_modules', '.cache', 'preau', 'web');
}

/**
 * Builds each active plugin's web entry (content-hashed, shared modules external) and records where it is;
 * a plugin whose entry does not build is marked failed like any other start failure.
 */
export async function buildPluginWeb(records: readonly PluginRecord[], baseDir: string): Promise<void> {
  for (const record of records) {
    const entry = record.manifest?.web?.entry;
    if (record.state !== 'active' || !entry) continue;
    const source = entry instanceof URL || entry.startsWith('file:') ? fileURLToPath(entry) : entry;
    const dir = join(webCacheDir(baseDir), record.name);
    try {
      const stamp = await buildOnce(dir, {
        entryPoints: { index: source },
        external: SHARED_MODULES,
      });
      record.web = { dir, file: stamp.entries.index! };
    } catch (error) {
      const coded = PluginWebBuildFailed(record.name, (error as Error).message.split('\n')[0]!);
      record.state = 'failed';
      record.error = { code: coded.code, message: coded.messages.en };
    }
  }
}
