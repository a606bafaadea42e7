import semver from 'semver';
import { registerMultipart } from '../http/multipart.js';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { asValue, createContainer } from 'awilix';
import { SDK_VERSION, isPreauError, type DefinedBundle, type PluginServices, type PreauError } from '@preau/sdk';
import { importDefault, isDefinedPlugin, resolvePluginSources, type PluginEntry, type PluginSource } from './plugin-source.js';
import { nameForReport, validateManifest } from './validate-manifest.js';
import { orderPlugins } from './order-plugins.js';
import { PluginRegistry, type PluginRecord } from './plugin-registry.js';
import { pluginGate } from './plugin-gate.js';
import { migrateUp, MigrationError } from '../db/migrator.js';
import { schemaBoundKnex, schemaOf } from '../db/schema-bound-knex.js';
import { createAjv, describeAjvErrors } from '../http/ajv.js';
import type { ScheduledJobs } from '../jobs/scheduled-jobs.js';
import type { CoreSharing } from '../sharing/sharing-service.js';
import type { CoreInsertedFiles } from '../storage/inserted-files.js';
import type { CoreAttachmentSets } from '../storage/attachment-sets.js';
import {
  PluginDependencyCycle,
  PluginDependencyMissing,
  PluginDuplicate,
  PluginLoadFailed,
  PluginMigrationFailed,
  PluginRoutesFailed,
  PluginSdkMismatch,
  PluginUnavailable,
} from '../errors.js';

/** The core services shared by every plugin (each plugin gets its own `db`, `log`, `settings`, `plugin`, `jobs`, `sharing`, `insertedFiles` and `attachments`). */
export type SharedServices = Omit<PluginServices, 'db' | 'settings' | 'plugin' | 'jobs' | 'sharing' | 'insertedFiles' | 'attachments'>;

/** What mounting the loaded plugins needs. */
export interface MountOptions {
  app: FastifyInstance;
  knex: Knex;
  services: SharedServices;
  jobs: ScheduledJobs;
  sharing: CoreSharing;
  insertedFiles: CoreInsertedFiles;
  attachments: CoreAttachmentSets;
}

const settingsAjv = createAjv({ useDefaults: true });

/** A name to report a plugin under before its manifest is known: its package or folder name. */
function labelName(label: string): string {
  const parts = label.replace(/\/+$/, '').split('/').filter((part) => !/^(index\.[a-z]+|src|dist)$/.test(part));
  const last = parts.pop() ?? label;
  return last.replace(/^plugin-/, '').replace(/\.[a-z]+$/, '').replace(/[^a-z0-9-]/g, '-') || 'unknown';
}

function asPreauError(error: unknown, fallback: () => PreauError): PreauError {
  return isPreauError(error) ? error : fallback();
}

async function loadManifest(source: PluginSource, registry: PluginRegistry): Promise<PluginRecord> {
  const base = {
    source: source.label,
    bundle: source.bundle,
    settings: source.settings,
    version: '0.0.0',
  };
  let manifest: unknown = source.manifest;
  try {
    if (!manifest) manifest = await importDefault(source.url!);
    if (!isDefinedPlugin(manifest)) throw new Error('its default export is not made by definePlugin()');
  } catch (error) {
    const name = nameForReport(manifest, labelName(source.label));
    const record = registry.add({ ...base, name, schema: schemaOf(name), state: 'failed' });
    registry.fail(record, PluginLoadFailed(source.label, (error as Error).message));
    return record;
  }
  const name = nameForReport(manifest, labelName(source.label));
  // Which of two same-named plugins was meant is not ours to guess (the first listed used to win, even over a
  // bundle's): both are refused, each naming both sources.
  const taken = registry.get(name);
  const record = registry.add({ ...base, name, schema: schemaOf(name), state: source.enabled ? 'active' : 'disabled' });
  record.version = typeof manifest.version === 'string' ? manifest.version : '0.0.0';
  try {
    if (taken) {
      // The same module listed twice (by the configuration and by a bundle) is one plugin: only the repeat is
      // refused. Two different modules under one name are both refused.
      if (taken.manifest !== manifest) registry.fail(taken, PluginDuplicate(name, taken.source, source.label));
      throw PluginDuplicate(name, source.label, taken.source);
    }
    validateManifest(manifest, name);
    if (!semver.satisfies(SDK_VERSION, manifest.sdk, { includePrerelease: true })) {
      throw PluginSdkMismatch(name, manifest.sdk, SDK_VERSION);
    }
    if (manifest.settings) {
      const settings = structuredClone(source.settings);
      const validate = settingsAjv.compile(manifest.settings);
      if (!validate(settings)) throw PluginLoadFailed(source.label, `settings: ${describeAjvErrors(validate.errors ?? [], 'settings')}`);
      record.settings = settings;
    }
    record.manifest = manifest;
  } catch (error) {
    registry.fail(record, asPreauError(error, () => PluginLoadFailed(source.label, (error as Error).message)));
  }
  return record;
}

async function mountRoutes(record: PluginRecord, options: MountOptions, services: PluginServices): Promise<void> {
  const { app } = options;
  const manifest = record.manifest!;
  let failure: unknown;
  await app.register(
    async (context) => {
      // Added before the plugin's own routes so that it guards every one of them, even when routes() throws half-way.
      context.addHook('onRequest', pluginGate(record, options.services.apps, options.services.rights));
      context.addHook('onRoute', (route) => {
        if ((route.config as { public?: unknown } | undefined)?.public === true) {
          throw new Error(`route ${String(route.method)} ${route.url} says it is public: declare it in the manifest's publicRoutes`);
        }
      });
      // Uploads stream through `storage.receive(request)`, which enforces the real size limit and quota.
      await registerMultipart(context, { fileSize: options.services.storage.maxUploadBytes + 1, files: 10, fields: 20, parts: 30 });
      try {
        await manifest.routes?.(context as unknown as Parameters<NonNullable<typeof manifest.routes>>[0], services);
      } catch (error) {
        failure = error;
      }
    },
    { prefix: `/api/${record.name}` },
  );
  // Routes for people who are not signed in: `publicRoutes` under /api/<name> (an iCal feed reached by its token),
  // `publicPages` under /pub/<name> (a public blog's HTML). Each in a context of its own, with no sign-in gate,
  // where every route must say `config: { public: true }` so that the route table (and the generated security
  // tests, which call them anonymously) know them.
  for (const [register, prefix] of [[manifest.publicRoutes, `/api/${record.name}`], [manifest.publicPages, `/pub/${record.name}`]] as const) {
    if (failure || !register) continue;
    await app.register(
      async (context) => {
        context.addHook('onRoute', (route) => {
          if ((route.config as { public?: unknown } | undefined)?.public !== true) {
            throw new Error(`public route ${String(route.method)} ${route.url} must declare config: { public: true }`);
          }
        });
        context.addHook('onRequest', async () => {
          if (record.state !== 'active') throw PluginUnavailable(record.name);
        });
        try {
          await register(context as unknown as Parameters<typeof register>[0], services);
        } catch (error) {
          failure = error;
        }
      },
      { prefix },
    );
  }
  if (failure) throw PluginRoutesFailed(record.name, (failure as Error).message ?? String(failure));
}

function servicesFor(record: PluginRecord, options: MountOptions): PluginServices {
  const container = createContainer<PluginServices>({ strict: true });
  container.register({
    ...Object.fromEntries(Object.entries(options.services).map(([key, value]) => [key, asValue(value)])),
    db: asValue(schemaBoundKnex(options.knex, [record.schema, 'core'])),
    log: asValue(options.services.log.child({ plugin: record.name })),
    settings: asValue(record.settings),
    plugin: asValue({ name: record.name, schema: record.schema }),
    jobs: asValue(options.jobs.forPlugin(record.name)),
    sharing: asValue(options.sharing.forApp(record.name)),
    insertedFiles: asValue(options.insertedFiles.forApp(record.name)),
    attachments: asValue(options.attachments.forApp(record.name)),
  });
  return container.cradle;
}

/**
 * Imports, validates and orders the configured plugins without running any of their code but the modules'
 * top level: a broken manifest, an incompatible SDK range, a duplicate, a missing dependency or a cycle marks
 * the plugin failed with a coded reason. The registry lists plugins in load order.
 */
export async function loadPlugins(
  entries: readonly PluginEntry[],
  bundleEntries: readonly (string | DefinedBundle)[],
  baseDir: string,
): Promise<{ registry: PluginRegistry; bundles: DefinedBundle[]; order: string[] }> {
  const registry = new PluginRegistry();
  const resolved = await resolvePluginSources(entries, bundleEntries, baseDir);
  for (const failure of resolved.failures) {
    const name = labelName(failure.label);
    const record = registry.add({ name, version: '0.0.0', state: 'failed', source: failure.label, schema: schemaOf(name), settings: {} });
    registry.fail(record, PluginLoadFailed(failure.label, failure.reason));
  }
  for (const source of resolved.sources) await loadManifest(source, registry);

  const candidates = registry.all().filter((r) => r.state === 'active' && r.manifest);
  const { order, missing, cycles } = orderPlugins(
    candidates.map((r) => ({ name: r.name, dependsOn: r.manifest!.dependsOn ?? [] })),
  );
  for (const { name, cycle } of cycles) registry.fail(registry.get(name)!, PluginDependencyCycle(cycle.join(' → ')));
  for (const { name, dependency } of missing) registry.fail(registry.get(name)!, PluginDependencyMissing(name, dependency));
  return { registry, bundles: resolved.bundles, order };
}

/** The migrations of a plugin. */
export function pluginMigrations(record: PluginRecord) {
  return { owner: record.name, schema: record.schema, alsoOnPath: ['core'], folder: record.manifest?.migrations };
}

/**
 * Mounts and migrates loaded plugins in dependency order. Each plugin that cannot start is marked failed with
 * a coded reason, and nothing of it is kept: its routes are registered before its migrations run (so a
 * throwing `routes()` never leaves tables behind) and its migrations run in one transaction. The others
 * start and serve.
 */
export async function mountPlugins(registry: PluginRegistry, order: readonly string[], options: MountOptions): Promise<void> {
  for (const name of order) {
    const record = registry.get(name)!;
    const manifest = record.manifest!;
    const unavailable = (manifest.dependsOn ?? []).find((dependency) => registry.get(dependency)?.state !== 'active');
    if (unavailable) {
      registry.fail(record, PluginDependencyMissing(name, unavailable));
      continue;
    }
    try {
      record.services = servicesFor(record, options);
      await mountRoutes(record, options, record.services);
      await migrateUp(options.knex, pluginMigrations(record));
    } catch (error) {
      const coded =
        error instanceof MigrationError
          ? PluginMigrationFailed(name, error.migration, error.reason.message)
          : asPreauError(error, () => PluginRoutesFailed(name, (error as Error).message));
      registry.fail(record, coded);
      options.services.log.error({ plugin: name, code: coded.code }, coded.messages.en);
    }
  }
}
