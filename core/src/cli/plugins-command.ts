import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load-config.js';
import type { PreauConfig } from '../config/config-schema.js';
import { runningServerHealth } from './running-server.js';

interface Row {
  name: string;
  version: string;
  state: string;
  error?: { code: string; message: string };
  pendingMigrations?: number;
}

/** Loads the plugins here, with their pending migrations: only when no server answers (the database and plugin host are not loaded otherwise). */
async function fromConfiguration(config: PreauConfig): Promise<Row[]> {
  const [{ openConfiguredDatabase }, { pendingMigrations }, { loadPlugins, pluginMigrations }] = await Promise.all([
    import('../db/open-database.js'),
    import('../db/migrator.js'),
    import('../plugins/plugin-host.js'),
  ]);
  const { registry } = await loadPlugins(config.plugins, config.bundles, config.baseDir);
  const database = await openConfiguredDatabase(config).catch(() => null);
  const rows: Row[] = [];
  try {
    for (const record of registry.all()) {
      const pending = database && record.manifest ? (await pendingMigrations(database.knex, pluginMigrations(record))).length : undefined;
      rows.push({ name: record.name, version: record.version, state: record.state, ...(record.error ? { error: record.error } : {}), ...(pending !== undefined ? { pendingMigrations: pending } : {}) });
    }
  } finally {
    await database?.close();
  }
  return rows;
}

/**
 * `preau plugins [--json]`: the state of each plugin as the running server reports it, or, when no server
 * answers, as loading them here finds it (with their pending migrations).
 */
export async function pluginsCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
  const config = loadConfig();
  const served = (await runningServerHealth(config))?.plugins as Row[] | undefined;
  const source = served ? 'running server' : 'configuration';
  const rows = served ?? (await fromConfiguration(config));
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ source, plugins: rows }, null, 2)}\n`);
  } else {
    process.stdout.write(`Plugins (${source}):\n`);
    for (const row of rows) {
      const pending = row.pendingMigrations ? `, ${row.pendingMigrations} pending migration(s)` : '';
      process.stdout.write(`  ${row.state === 'failed' ? '✗' : row.state === 'active' ? '✓' : '–'} ${row.name}@${row.version} ${row.state}${pending}\n`);
      if (row.error) process.stdout.write(`      ${row.error.code}: ${row.error.message}\n`);
    }
  }
  return rows.some((r) => r.state === 'failed') ? 1 : 0;
}
