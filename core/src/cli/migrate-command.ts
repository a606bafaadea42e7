import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load-config.js';
import { openConfiguredDatabase } from '../db/open-database.js';
import { migrateDown, migrateUp } from '../db/migrator.js';
import { loadPlugins, pluginMigrations } from '../plugins/plugin-host.js';
import { CORE_MIGRATIONS } from '../platform.js';

/** `preau migrate [--down]`: applies (or reverts) the migrations of the core and every loadable plugin. */
export async function migrateCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { down: { type: 'boolean', default: false } } });
  const config = loadConfig();
  const { registry, order } = await loadPlugins(config.plugins, config.bundles, config.baseDir);
  const database = await openConfiguredDatabase(config);
  let failures = 0;
  const say = (line: string): void => void process.stdout.write(`${line}\n`);
  try {
    if (values.down) {
      for (const name of [...order].reverse()) {
        const reverted = await migrateDown(database.knex, pluginMigrations(registry.get(name)!));
        say(`  ${name}: ${reverted.length} migration(s) reverted`);
      }
      say(`  core: ${(await migrateDown(database.knex, CORE_MIGRATIONS)).length} migration(s) reverted`);
    } else {
      say(`  core: ${(await migrateUp(database.knex, CORE_MIGRATIONS)).length} migration(s) applied`);
      for (const name of order) {
        try {
          const applied = await migrateUp(database.knex, pluginMigrations(registry.get(name)!));
          say(`  ${name}: ${applied.length} migration(s) applied`);
        } catch (error) {
          failures += 1;
          say(`  ✗ ${(error as Error).message}`);
        }
      }
    }
    for (const record of registry.all().filter((r) => r.state === 'failed')) {
      failures += 1;
      say(`  ✗ ${record.name}: ${record.error?.message}`);
    }
  } finally {
    await database.close();
  }
  return failures ? 1 : 0;
}
