import { loadConfig } from '../config/load-config.js';
import { loadPlugins } from '../plugins/plugin-host.js';
import { buildPluginWeb } from '../web/build-plugin-web.js';
import { buildShell } from '../web/build-shell.js';

/** `preau build`: builds the shell and every loadable plugin's web entry; a no-op when nothing changed. */
export async function buildCommand(): Promise<number> {
  const config = loadConfig();
  const started = Date.now();
  const { registry } = await loadPlugins(config.plugins, config.bundles, config.baseDir);
  await buildPluginWeb(registry.all(), config.baseDir);
  const shell = await buildShell(config.baseDir);
  const failed = registry.all().filter((r) => r.state === 'failed');
  for (const record of failed) process.stderr.write(`  ✗ ${record.name}: ${record.error?.message}\n`);
  process.stdout.write(`preau build: shell ${shell.app}, ${registry.all().filter((r) => r.web).length} app bundle(s) in ${Date.now() - started} ms\n`);
  return 0;
}
