import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import type { Clock, CommunicationService, DefinedBundle } from '@preau/sdk';
import type { PreauConfig } from './config/config-schema.js';
import { openConfiguredDatabase, type Database } from './db/open-database.js';
import { migrateUp } from './db/migrator.js';
import { createEventBus, type ClosableEventBus } from './events/event-bus.js';
import { createNatsEventBus } from './events/nats-event-bus.js';
import { createAppEnablement, type AppEnablement } from './apps/app-enablement.js';
import { createSessionStore, type SessionStore } from './identity/sessions.js';
import { createSetup, type Setup } from './identity/setup.js';
import { authenticate } from './identity/authenticate.js';
import { signInRoutes } from './identity/sign-in-routes.js';
import { activationRoutes } from './identity/activation-routes.js';
import { recoveryRoutes } from './identity/recovery-routes.js';
import { meRoutes } from './identity/me-routes.js';
import { emailChangeRoutes } from './identity/email-change-routes.js';
import { createSignInThrottle } from './identity/sign-in-throttle.js';
import { instanceSecret } from './identity/instance-secret.js';
import type { IdentityDeps } from './identity/identity-deps.js';
import type { PersonalDataExporter } from './identity/personal-data-export.js';
import { createMailer, type Mailer } from './mail/mailer.js';
import { withoutDemoRecipients } from './mail/demo-guard.js';
import { structureRoutes } from './structure/structure-routes.js';
import { retentionRoutes } from './jobs/retention-routes.js';
import { runRetention } from './jobs/retention.js';
import { scheduleDailyJobs, type DailyJob } from './jobs/daily-jobs.js';
import { createScheduledJobs, type ScheduledJobs } from './jobs/scheduled-jobs.js';
import { createStructureService } from './structure/structure-service.js';
import { createCommunication } from './communication/communication-service.js';
import { sanitizeService } from './sanitize/sanitize-rich-text.js';
import { communicationRoutes } from './communication/communication-routes.js';
import { createNotificationCenter, notificationRoutes, type NotificationCenter } from './notifications/notification-center.js';
import { loadPlugins, mountPlugins } from './plugins/plugin-host.js';
import type { PluginEntry } from './plugins/plugin-source.js';
import type { PluginRegistry } from './plugins/plugin-registry.js';
import { createRights, type Rights } from './plugins/rights.js';
import { preparePluginWeb } from './web/build-plugin-web.js';
import { prepareShell, type BuiltShell } from './web/build-shell.js';
import { RUNNING_FROM_SOURCE } from './running-from-source.js';
import { errorHandler } from './http/error-handler.js';
import { hashSource, securityHeaders } from './http/security-headers.js';
import { SLIPS_STYLE } from './structure/activation-slips.js';
import { createAjv } from './http/ajv.js';
import { notFoundHandler } from './http/not-found.js';
import { collectRoutes, type RouteEntry } from './http/route-table.js';
import { refuseNulCharacters } from './http/refuse-nul.js';
import { coreRoutes } from './core-routes.js';
import { shellIndex, webRoutes } from './web/web-routes.js';
import { systemClock } from './clock.js';
import { configuredQuotas, openStorage } from './storage/open-storage.js';
import { storageRoutes } from './storage/storage-routes.js';
import { quotaRoutes } from './storage/quota-routes.js';
import { textImageRoutes } from './storage/text-image-routes.js';
import { createFfmpegService, locateFfmpeg } from './media/ffmpeg.js';
import { createPersonalFiles } from './storage/personal-files.js';
import { createInsertedFiles, type CoreInsertedFiles } from './storage/inserted-files.js';
import { createAttachmentSets, type CoreAttachmentSets } from './storage/attachment-sets.js';
import { insertedFileRoutes } from './storage/inserted-file-routes.js';
import type { CoreStorage } from './storage/storage-service.js';
import { createSharing, type CoreSharing } from './sharing/sharing-service.js';
import { shareRoutes } from './sharing/share-routes.js';

/** The core's migrations: the `core` schema. */
export const CORE_MIGRATIONS = { owner: 'core', schema: 'core', folder: new URL('../migrations', import.meta.url) };

/** Options to assemble a platform. */
export interface PlatformOptions {
  config: PreauConfig;
  /** Plugins given as objects in addition to the configuration's (tests). */
  extraPlugins?: readonly PluginEntry[];
  clock?: Clock;
  /** An already open database (tests); otherwise opened from the configuration. */
  database?: Database;
  logger?: FastifyServerOptions['logger'];
  /**
   * `true`: bundle the shell and plugins' web entries from source at start (tests); `false`: no web at all.
   * By default, from source when the core itself runs from source (`npm run dev`), else the bundles that
   * `preau build` put in each package, read only.
   */
  buildWeb?: boolean;
}

/** A running Préau, not yet listening: its HTTP app, database, plugins and services. */
export interface Platform {
  app: FastifyInstance;
  database: Database;
  config: PreauConfig;
  plugins: PluginRegistry;
  bundles: DefinedBundle[];
  apps: AppEnablement;
  sessions: SessionStore;
  setup: Setup;
  events: ClosableEventBus;
  clock: Clock;
  mailer: Mailer;
  /** Key of the activation codes' keyed hash. */
  activationKey: Buffer;
  /** Who may write to whom: the resolver every app uses. */
  communication: CommunicationService;
  /** Notifications: `notify.send`, the live sockets of this process, emails and digests. */
  notifications: NotificationCenter;
  /** The once-a-day jobs (retention); any process may run each once a day. */
  dailyJobs: DailyJob[];
  /** Plugins' jobs to run later (scheduled sending); `runDue()` runs those due now. */
  scheduledJobs: ScheduledJobs;
  /** The file store (disk or S3) with per-user quotas. */
  storage: CoreStorage;
  /** Resource sharing: each app's service (`forApp`) and the types apps declare. */
  sharing: CoreSharing;
  /** The apps' workflow rights as each school chose them. */
  rights: Rights;
  /** Files inserted in texts: who may open `/api/core/files/<id>`. */
  insertedFiles: CoreInsertedFiles;
  /** Files attached to apps' things, with names and order (each app's service: `forApp`). */
  attachments: CoreAttachmentSets;
  /** Every route of the core and of the plugins that started, with its schemas (generated tests walk it). */
  routes(): readonly RouteEntry[];
  /** Starts checking for due daily and scheduled jobs (the server does; tests run them by hand). */
  startDailyJobs(): void;
  shell?: BuiltShell;
  /** Closes the HTTP server (letting in-flight requests finish), the event bus and the database. */
  close(): Promise<void>;
}

/**
 * Assembles Préau: opens the database, migrates the core, loads the plugins (each isolated), and registers
 * every route. Nothing listens yet: `app.listen()` or `app.inject()` is the caller's choice.
 */
export async function createPlatform(options: PlatformOptions): Promise<Platform> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const database =
    options.database ??
    (await openConfiguredDatabase(config));
  const ajv = createAjv({ coerceTypes: 'array', useDefaults: true, verbose: true });
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    // Only these proxies' X-Forwarded-For makes `request.ip`; without any, the header is ignored.
    trustProxy: config.server.trustProxy.length ? config.server.trustProxy : false,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    bodyLimit: 1024 * 1024,
    schemaController: { compilersFactory: {} },
  });
  app.setValidatorCompiler(({ schema }) => ajv.compile(schema));
  app.setErrorHandler(errorHandler);
  const refs: Parameters<typeof notFoundHandler>[0] = {};
  app.setNotFoundHandler(notFoundHandler(refs));
  const routes = collectRoutes(app);
  app.addHook('preValidation', refuseNulCharacters);

  try {
    await migrateUp(database.knex, CORE_MIGRATIONS);
    const events =
      config.events.transport === 'nats' ? await createNatsEventBus(config.events.nats, app.log) : createEventBus(database, app.log);
    const rights = await createRights({ knex: database.knex, events, log: app.log, registry: () => refs.registry });
    const defaults = new Set<string>(config.apps.enabledByDefault);
    const apps = await createAppEnablement({
      knex: database.knex,
      events,
      clock,
      log: app.log,
      defaults,
      cacheSeconds: config.apps.cacheSeconds,
    });
    const sessions = await createSessionStore({ knex: database.knex, clock, events, ...config.sessions });
    const setup = createSetup({ knex: database.knex, clock });
    const communication = createCommunication(database.knex, clock);

    const mailer = withoutDemoRecipients(createMailer({ url: config.smtp.url, from: config.smtp.from, log: app.log }), database.knex, app.log);
    const activationKey = await instanceSecret(database.knex, 'activation-codes');
    const throttle = createSignInThrottle(database.knex, clock, config.identity);
    const publicUrl = (config.server.publicUrl ?? `http://${config.server.host}:${config.server.port}`).replace(/\/$/, '');

    let shell: BuiltShell | undefined;
    // The printable slips open in a window that keeps the shell's policy, so their style is allowed with the shell's.
    const slipsStyle = hashSource(SLIPS_STYLE);
    await app.register(securityHeaders, {
      https: publicUrl.startsWith('https://'),
      inline: () => ({ scripts: shell?.inline.scripts ?? [], styles: [...(shell?.inline.styles ?? []), slipsStyle] }),
    });
    await app.register(cookie);
    await app.register(authenticate, { sessions, setup });
    const exporters = (): PersonalDataExporter[] =>
      (refs.registry?.all() ?? []).flatMap((record) => {
        const exportData = record.manifest?.exportPersonalData;
        if (record.state !== 'active' || !exportData || !record.services) return [];
        const services = record.services;
        return [{ plugin: record.name, export: (userId: number) => exportData(userId, services) }];
      });
    const identity: IdentityDeps = {
      knex: database.knex,
      clock,
      sessions,
      setup,
      throttle,
      mailer,
      activationKey,
      identity: config.identity,
      publicUrl,
      secureCookies: publicUrl.startsWith('https://'),
      absoluteHours: config.sessions.absoluteHours,
      exporters,
    };
    for (const routes of [signInRoutes, activationRoutes, recoveryRoutes, meRoutes, emailChangeRoutes]) await app.register(routes, identity);
    await app.register(structureRoutes, { ...identity, config });
    await app.register(retentionRoutes, { knex: database.knex, clock, leaverDays: config.retention.leaverDays });
    // Notifications (timeline, realtime, email): registered here.
    const notifications = await createNotificationCenter({
      knex: database.knex, clock, log: app.log, mailer, events, apps, registry: () => refs.registry, publicUrl, config,
    });
    await app.register(notificationRoutes, { center: notifications, sessions, publicUrl });
    // Communication (rules, gateways, directory).
    await app.register(communicationRoutes, { knex: database.knex, clock, communication, notify: notifications.service });
    const storage = openStorage(config, { knex: database.knex, clock, log: app.log, notify: notifications.service });
    await app.register(storageRoutes, { storage });
    await app.register(quotaRoutes, { knex: database.knex, clock, defaults: configuredQuotas(config) });
    await app.register(textImageRoutes, { storage, knex: database.knex });
    const insertedFiles = createInsertedFiles({ knex: database.knex, storage, apps, log: app.log, registry: () => refs.registry });
    await app.register(insertedFileRoutes, { storage, insertedFiles });
    const attachments = createAttachmentSets({ knex: database.knex, storage });
    const sharing = createSharing({ knex: database.knex, clock, log: app.log, notify: notifications.service, apps, registry: () => refs.registry });
    await app.register(shareRoutes, { sharing, apps, rights });
    const dailyJobs: DailyJob[] = [
      { name: 'storage-orphans', run: (now) => storage.sweepOrphans(now) },
      { name: 'retention', run: (now) => runRetention(database.knex, { now, leaverDays: config.retention.leaverDays, auditDays: config.retention.auditDays, notificationDays: config.retention.notificationDays }) },
    ];
    let stopDailyJobs = (): void => {};

    const { registry, bundles, order } = await loadPlugins(
      [...config.plugins, ...(options.extraPlugins ?? [])],
      config.bundles,
      config.baseDir,
    );
    refs.registry = registry;
    const ffmpeg = createFfmpegService(locateFfmpeg());
    const scheduledJobs = createScheduledJobs(database.knex, clock, app.log, dailyJobs);
    const structure = createStructureService(database.knex, clock);
    const personalFiles = createPersonalFiles({ registry: () => refs.registry, apps, storage, structure, log: app.log });
    await mountPlugins(registry, order, {
      app, knex: database.knex, jobs: scheduledJobs, sharing, insertedFiles, attachments,
      services: { clock, log: app.log, events, rights, apps, communication, sanitize: sanitizeService, notify: notifications.service, structure, storage, ffmpeg, personalFiles },
    });
    // A plugin's migration may have turned its own settings into schools' rights (messaging's pupils' approval).
    await rights.reload();
    for (const bundle of bundles) for (const name of bundle.defaults?.enabledApps ?? []) defaults.add(name);

    if (options.buildWeb !== false) {
      const web = { baseDir: config.baseDir, build: options.buildWeb ?? RUNNING_FROM_SOURCE };
      await preparePluginWeb(registry.all(), web);
      shell = await prepareShell(web);
    }
    refs.shellIndex = shellIndex(shell);
    await app.register(coreRoutes, { registry, apps, rights, knex: database.knex, database, bundles, notify: notifications.service });
    await app.register(webRoutes, { registry, shell, installable: config.app });

    const platform: Platform = {
      app,
      database,
      config,
      plugins: registry,
      bundles,
      apps,
      sessions,
      setup,
      events,
      clock,
      mailer,
      activationKey,
      communication,
      notifications,
      dailyJobs,
      scheduledJobs,
      rights,
      storage,
      sharing,
      insertedFiles,
      attachments,
      routes,
      startDailyJobs() {
        stopDailyJobs = scheduleDailyJobs(database.knex, clock, dailyJobs, app.log);
        scheduledJobs.start();
        notifications.start();
      },
      shell,
      async close() {
        stopDailyJobs();
        scheduledJobs.stop();
        await app.close();
        await sharing.drain();
        await notifications.close().catch(() => {});
        await apps.close().catch(() => {});
        await rights.close().catch(() => {});
        await sessions.close().catch(() => {});
        mailer.close();
        storage.close();
        await events.close();
        await database.close();
      },
    };
    await app.ready();
    return platform;
  } catch (error) {
    await app.close().catch(() => {});
    if (!options.database) await database.close().catch(() => {});
    throw error;
  }
}
