import { Type, type Static } from '@sinclair/typebox';

const PluginEntry = Type.Union([
  Type.String({ minLength: 1, description: 'npm package name, or a path relative to the configuration file; "dir/*" means every folder in dir' }),
  Type.Object(
    {
      package: Type.String({ minLength: 1 }),
      settings: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    },
    { additionalProperties: false },
  ),
]);

/** The schema of `preau.config.json`. Unknown keys are refused, so a typo never goes unnoticed. */
export const ConfigSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    plugins: Type.Array(PluginEntry, { default: [] }),
    bundles: Type.Array(Type.String({ minLength: 1 }), { default: [] }),
    server: Type.Object(
      {
        port: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
        host: Type.String({ default: '127.0.0.1' }),
        /** The address users type; decides the Secure flag of cookies and the links in emails. */
        publicUrl: Type.Optional(Type.String({ pattern: '^https?://' })),
        /**
         * The reverse proxies in front of Préau (addresses or CIDR ranges, or `loopback`, `linklocal`,
         * `uniquelocal`): only a request coming from one of them has its `X-Forwarded-For` believed. Empty, the
         * header is ignored, since anyone could write it to dodge the sign-in throttle.
         */
        trustProxy: Type.Array(Type.String({ minLength: 1 }), { default: [] }),
        /** How long in-flight requests may take to finish on shutdown. */
        shutdownTimeoutMs: Type.Integer({ minimum: 0, default: 10000 }),
      },
      { additionalProperties: false, default: {} },
    ),
    database: Type.Object(
      {
        /** `postgres://…` for PostgreSQL; absent for the embedded PGlite. */
        url: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
        /** Where PGlite keeps its files (and the local file store its blobs). */
        dataDir: Type.String({ default: '.data' }),
        poolSize: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
      },
      { additionalProperties: false, default: {} },
    ),
    events: Type.Object(
      {
        /**
         * How processes tell each other what happened (live notifications, ended sessions, changed settings):
         * `database` (LISTEN/NOTIFY on PostgreSQL, nothing to run besides it) or `nats` (a NATS server or cluster,
         * for processes on several machines or a fan-out that outgrows NOTIFY).
         */
        transport: Type.Union([Type.Literal('database'), Type.Literal('nats')], { default: 'database' }),
        nats: Type.Object(
          {
            servers: Type.String({ pattern: '^nats://', default: 'nats://127.0.0.1:4222' }),
            /** Put before every subject, so that several installations can share one NATS. */
            subjectPrefix: Type.String({ pattern: '^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$', default: 'preau' }),
          },
          { additionalProperties: false, default: {} },
        ),
      },
      { additionalProperties: false, default: {} },
    ),
    smtp: Type.Object(
      {
        url: Type.Optional(Type.String({ pattern: '^smtps?://' })),
        from: Type.String({ default: 'Préau <no-reply@preau.localhost>' }),
      },
      { additionalProperties: false, default: {} },
    ),
    apps: Type.Object(
      {
        /** Apps a school uses until its administrators choose otherwise. */
        enabledByDefault: Type.Array(Type.String(), { default: [] }),
        /** How long a process trusts its cache of enabled apps without a change event. */
        cacheSeconds: Type.Integer({ minimum: 0, default: 60 }),
      },
      { additionalProperties: false, default: {} },
    ),
    sessions: Type.Object(
      {
        idleMinutes: Type.Integer({ minimum: 1, default: 120 }),
        absoluteHours: Type.Integer({ minimum: 1, default: 24 * 7 }),
        /** How long a process reuses a session it has read (ending a session is seen at once everywhere). */
        cacheSeconds: Type.Integer({ minimum: 0, maximum: 300, default: 30 }),
      },
      { additionalProperties: false, default: {} },
    ),
    identity: Type.Object(
      {
        /** How long an activation code stays valid (the codes handed out at the start-of-year meeting). */
        activationCodeDays: Type.Integer({ minimum: 1, maximum: 366, default: 90 }),
        /** Minimum password length per profile (CNIL 2022 with limited attempts: 8); a CP pupil cannot type 12. */
        passwordMinLength: Type.Object(
          {
            Teacher: Type.Integer({ minimum: 6, maximum: 64, default: 8 }),
            Student: Type.Integer({ minimum: 6, maximum: 64, default: 8 }),
            Relative: Type.Integer({ minimum: 6, maximum: 64, default: 8 }),
            Personnel: Type.Integer({ minimum: 6, maximum: 64, default: 8 }),
            Guest: Type.Integer({ minimum: 6, maximum: 64, default: 8 }),
          },
          { additionalProperties: false, default: {} },
        ),
        /** The charter (CGU) a person accepts when activating their account. */
        charter: Type.String({
          default:
            "En activant mon compte, je m'engage à utiliser Préau dans le cadre de la vie de l'école, à respecter les autres membres, à ne pas communiquer mon mot de passe et à ne publier que des contenus dont j'ai le droit. Mes données restent hébergées en France, ne sont ni revendues ni utilisées à des fins publicitaires, et sont supprimées trois mois après mon départ de l'école.",
          minLength: 1,
        }),
        /** How long a password reset link stays valid. */
        resetLinkMinutes: Type.Integer({ minimum: 5, maximum: 24 * 60, default: 60 }),
        /** How long the link confirming a new email address stays valid. */
        emailLinkHours: Type.Integer({ minimum: 1, maximum: 7 * 24, default: 24 }),
        /** Sign-in failures before a temporary lock of an account from one address, then from every address. */
        maxFailuresPerAccountFromIp: Type.Integer({ minimum: 1, default: 5 }),
        maxFailuresPerAccount: Type.Integer({ minimum: 1, default: 10 }),
        /**
         * Failures per hour an address may make before its further failures are answered "wait" (429): it is
         * never locked, since a school or a whole town's schools share one address; right passwords get in.
         */
        maxFailuresPerIp: Type.Integer({ minimum: 1, default: 300 }),
        /** The first lock; each further failure while counting doubles it, up to `maxLockMinutes`. */
        lockMinutes: Type.Integer({ minimum: 1, default: 1 }),
        maxLockMinutes: Type.Integer({ minimum: 1, default: 60 }),
      },
      { additionalProperties: false, default: {} },
    ),
    imports: Type.Object(
      {
        /** Largest accepted ONDE or staff file. */
        maxFileMb: Type.Number({ exclusiveMinimum: 0, maximum: 500, default: 20 }),
      },
      { additionalProperties: false, default: {} },
    ),
    retention: Type.Object(
      {
        /** How long the audit log is kept (CNIL: one year). */
        auditDays: Type.Integer({ minimum: 1, default: 365 }),
        /** Accounts of people who left a school are deleted after this (arrêté du 30 novembre 2006, art. 6). */
        leaverDays: Type.Integer({ minimum: 1, default: 92 }),
        /** Timeline notifications older than this are deleted, read or not (their apps keep the content). */
        notificationDays: Type.Integer({ minimum: 1, default: 365 }),
      },
      { additionalProperties: false, default: {} },
    ),
    notifications: Type.Object(
      {
        /**
         * The academy's quiet hours (droit à la déconnexion): no email and no live alert in this window nor at
         * weekends; what arrives then is emailed when it ends. Each user may choose their own.
         */
        quietHours: Type.Object(
          {
            enabled: Type.Boolean({ default: true }),
            start: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', default: '20:00' }),
            end: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', default: '07:00' }),
            weekends: Type.Boolean({ default: true }),
          },
          { additionalProperties: false, default: {} },
        ),
        timeZone: Type.String({ default: 'Europe/Paris', minLength: 1 }),
        /** When the daily digest goes (local time), and the weekly one (1 = Monday … 5 = Friday). */
        digestTime: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', default: '18:00' }),
        weeklyDigestDay: Type.Integer({ minimum: 1, maximum: 7, default: 5 }),
        /** How often each process looks for emails that are due (after quiet hours) and digests to send. */
        jobIntervalSeconds: Type.Integer({ minimum: 1, default: 60 }),
        /** Digests are claimed, built and handed to SMTP this many recipients at a time. */
        digestBatchSize: Type.Integer({ minimum: 1, maximum: 10000, default: 500 }),
      },
      { additionalProperties: false, default: {} },
    ),
    storage: Type.Object(
      {
        /** Where files go: the local disk under the data folder (default) or S3-compatible object storage. */
        driver: Type.Union([Type.Literal('disk'), Type.Literal('s3')], { default: 'disk' }),
        /** The disk driver's folder (default: `<dataDir>/files`). */
        dir: Type.Optional(Type.String({ minLength: 1 })),
        s3: Type.Optional(
          Type.Object(
            {
              bucket: Type.String({ minLength: 1 }),
              region: Type.String({ default: 'us-east-1' }),
              /** For S3-compatible servers (MinIO, Garage, Scaleway…); path-style addressing is then used. */
              endpoint: Type.Optional(Type.String({ pattern: '^https?://' })),
              accessKeyId: Type.Optional(Type.String()),
              secretAccessKey: Type.Optional(Type.String()),
              /** Prefix of every object key, to share a bucket. */
              prefix: Type.String({ default: '' }),
            },
            { additionalProperties: false },
          ),
        ),
        /** Largest accepted file. */
        maxUploadMb: Type.Number({ exclusiveMinimum: 0, maximum: 5 * 1024, default: 100 }),
        /** What each person may store, per profile (reference ENT: 10 GiB for staff, 1 GiB for pupils and families). */
        quotaMb: Type.Object(
          {
            Teacher: Type.Number({ minimum: 0, default: 10 * 1024 }),
            Personnel: Type.Number({ minimum: 0, default: 10 * 1024 }),
            Student: Type.Number({ minimum: 0, default: 1024 }),
            Relative: Type.Number({ minimum: 0, default: 1024 }),
            Guest: Type.Number({ minimum: 0, default: 1024 }),
          },
          { additionalProperties: false, default: {} },
        ),
      },
      { additionalProperties: false, default: {} },
    ),
    logLevel: Type.Union(
      [Type.Literal('fatal'), Type.Literal('error'), Type.Literal('warn'), Type.Literal('info'), Type.Literal('debug'), Type.Literal('silent')],
      { default: 'info' },
    ),
  },
  { additionalProperties: false },
);

/** A validated configuration, defaults filled in. */
export type PreauConfig = Static<typeof ConfigSchema> & {
  /** The folder relative paths are resolved from (the configuration file's folder). */
  baseDir: string;
};

/** A plugin entry of the configuration. */
export type PluginEntryConfig = Static<typeof PluginEntry>;
