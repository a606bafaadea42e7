import { resolve } from 'node:path';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { loadConfig } from '../config/load-config.js';
import { openConfiguredDatabase } from '../db/open-database.js';
import { pendingMigrations } from '../db/migrator.js';
import { loadPlugins, pluginMigrations } from '../plugins/plugin-host.js';
import { CORE_MIGRATIONS } from '../platform.js';
import type { PreauConfig } from '../config/config-schema.js';
import { locateFfmpeg } from '../media/ffmpeg.js';
import { runningServerHealth, serverUrl, type ServerHealth } from './running-server.js';

type Check = { ok: boolean; label: string; detail: string };

/** Reads the SMTP server's greeting: a 220 line means something that speaks SMTP is there. */
function smtpGreeting(url: string): Promise<string> {
  const { hostname, port, protocol } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) || (protocol === 'smtps:' ? 465 : 25), timeout: 3000 });
    socket.once('data', (data) => {
      socket.end();
      resolve(data.toString().trim());
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new Error('no answer within 3 s'));
    });
    socket.once('error', reject);
  });
}

/**
 * While a server runs, its own report is the truth about plugins and migrations: it applied the migrations at
 * its start, and it knows which plugins it refused and why. (An embedded database is locked by it anyway.)
 */
async function checkRunningServer(config: PreauConfig, health: ServerHealth, checks: Check[]): Promise<void> {
  const label = health.database === 'postgres' ? 'PostgreSQL' : 'PGlite';
  if (health.database === 'postgres') {
    try {
      const database = await openConfiguredDatabase(config);
      try {
        const version = (await database.knex.raw('show server_version')).rows[0].server_version as string;
        checks.push({ ok: true, label: `database (${label})`, detail: `PostgreSQL ${version}` });
      } finally {
        await database.close();
      }
    } catch (error) {
      checks.push({ ok: false, label: `database (${label})`, detail: (error as Error).message });
    }
  } else {
    checks.push({ ok: true, label: `database (${label})`, detail: 'in use by the running server (fine)' });
  }
  checks.push({ ok: true, label: 'server', detail: `Préau ${health.version} answers at ${serverUrl(config)}` });
  checks.push({ ok: true, label: 'core migrations', detail: 'applied by the running server at its start' });
  for (const plugin of health.plugins) {
    if (plugin.state === 'failed') {
      checks.push({ ok: false, label: `plugin ${plugin.name}`, detail: `${plugin.error?.code}: ${plugin.error?.message} (running server)` });
    } else {
      checks.push({ ok: true, label: `plugin ${plugin.name}@${plugin.version}`, detail: `${plugin.state} (running server, migrations applied)` });
    }
  }
}

async function checkDatabase(config: PreauConfig, checks: Check[]): Promise<void> {
  const label = config.database.url ? 'PostgreSQL' : 'PGlite';
  try {
    const database = await openConfiguredDatabase(config);
    try {
      const version = (await database.knex.raw('show server_version')).rows[0].server_version as string;
      checks.push({ ok: true, label: `database (${label})`, detail: `PostgreSQL ${version}` });
      const pending = await pendingMigrations(database.knex, CORE_MIGRATIONS);
      checks.push({ ok: true, label: 'core migrations', detail: pending.length ? `${pending.length} pending (applied at start)` : 'up to date' });
      const { registry } = await loadPlugins(config.plugins, config.bundles, config.baseDir);
      for (const record of registry.all()) {
        if (record.state === 'failed') {
          checks.push({ ok: false, label: `plugin ${record.name}`, detail: `${record.error?.code}: ${record.error?.message}` });
        } else {
          const waiting = record.manifest ? (await pendingMigrations(database.knex, pluginMigrations(record))).length : 0;
          checks.push({ ok: true, label: `plugin ${record.name}@${record.version}`, detail: `${record.state}${waiting ? `, ${waiting} migration(s) pending` : ''}` });
        }
      }
    } finally {
      await database.close();
    }
  } catch (error) {
    const inUse = /in use by process/.test((error as Error).message);
    checks.push({ ok: inUse, label: `database (${label})`, detail: inUse ? 'in use by the running server (fine)' : (error as Error).message });
  }
}

/** `preau doctor`: checks what Préau needs and prints each problem with what to do. */
/** The bus processes tell each other things on: NATS must answer; the database's needs nothing more. */
async function checkEventBus(config: PreauConfig): Promise<Check> {
  if (config.events.transport !== 'nats') return { ok: true, label: 'event bus', detail: "the database's LISTEN/NOTIFY (events.transport: database)" };
  try {
    const { createNatsEventBus } = await import('../events/nats-event-bus.js');
    const quiet = { warn() {}, info() {}, error() {} } as unknown as Parameters<typeof createNatsEventBus>[1];
    await (await createNatsEventBus(config.events.nats, quiet)).close();
    return { ok: true, label: 'event bus (NATS)', detail: `${config.events.nats.servers}, subjects ${config.events.nats.subjectPrefix}.*` };
  } catch (error) {
    return { ok: false, label: 'event bus (NATS)', detail: (error as Error).message };
  }
}

export async function doctorCommand(): Promise<number> {
  const checks: Check[] = [];
  let config: PreauConfig;
  try {
    config = loadConfig();
    checks.push({ ok: true, label: 'configuration', detail: `${config.plugins.length} plugin entr(y/ies), ${config.bundles.length} bundle(s)` });
  } catch (error) {
    process.stdout.write(`✗ configuration: ${(error as Error).message}\n`);
    return 1;
  }
  const health = await runningServerHealth(config);
  if (health) await checkRunningServer(config, health, checks);
  else await checkDatabase(config, checks);
  if (config.smtp.url) {
    try {
      const greeting = await smtpGreeting(config.smtp.url);
      checks.push({ ok: greeting.startsWith('220'), label: 'SMTP', detail: greeting });
    } catch (error) {
      checks.push({ ok: false, label: 'SMTP', detail: `${config.smtp.url}: ${(error as Error).message}` });
    }
  } else {
    checks.push({ ok: true, label: 'SMTP', detail: 'not configured: emails are not sent (set SMTP_URL)' });
  }
  checks.push(await checkEventBus(config));
  const files = resolve(config.baseDir, config.database.dataDir, 'files');
  try {
    mkdirSync(files, { recursive: true });
    accessSync(files, constants.W_OK);
    checks.push({ ok: true, label: 'storage (local disk)', detail: files });
  } catch (error) {
    checks.push({ ok: false, label: 'storage (local disk)', detail: (error as Error).message });
  }
  // Without ffmpeg Préau still runs: recordings are served as the browser made them, and the media app says so.
  const ffmpeg = locateFfmpeg();
  checks.push({
    ok: true,
    label: 'ffmpeg',
    detail: ffmpeg
      ? `${ffmpeg.source === 'package' ? 'from @ffmpeg-installer/ffmpeg' : 'found on the machine'} (${ffmpeg.path}): ${ffmpeg.version}`
      : 'none: recordings are not converted and are served as recorded (install ffmpeg or set PREAU_FFMPEG)',
  });
  for (const check of checks) process.stdout.write(`${check.ok ? '✓' : '✗'} ${check.label}: ${check.detail}\n`);
  return checks.every((c) => c.ok) ? 0 : 1;
}
