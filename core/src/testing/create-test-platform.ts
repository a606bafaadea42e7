import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Knex } from 'knex';
import { derivedGroupId, movePupil, sentNotifications, storedBlobCount, type SentNotification } from './test-queries.js';
import type { Profile, UserFunction } from '@preau/sdk';
import { createPlatform, type Platform } from '../platform.js';
import { parseConfig } from '../config/load-config.js';
import type { PluginEntry } from '../plugins/plugin-source.js';
import { createSchool, type School } from '../structure/schools.js';
import { ensureClassGroups } from '../structure/groups.js';
import { currentStartYear } from '../structure/school-years.js';
import { hashPassword } from '../identity/password.js';
import { SESSION_COOKIE } from '../identity/sessions.js';
import { CSRF_HEADER } from '../identity/authenticate.js';
import { createTestDatabase, defaultTestDatabase, type TestDatabaseKind } from './test-database.js';
import { createTestClock, type TestClock } from './test-clock.js';
import { createTestLogger } from './test-logger.js';

/** The password of every user the factories create. */
export const TEST_PASSWORD = 'cartable-bleu-2026';

/** A user made by the factories. */
export interface TestUser {
  id: number;
  login: string;
  displayName: string;
  profile: Profile;
  password: string;
}

/** Sends requests as one user: the session cookie and CSRF token are added for you. */
export interface RequestsAs {
  inject(options: InjectOptions | string): Promise<LightMyRequestResponse>;
}

/** A class made by `createClass`. */
export interface TestClass {
  id: number;
  label: string;
  pupils: TestUser[];
  /** The relatives of each pupil, in the order of `pupils`. */
  relatives: TestUser[][];
}

/** A booted Préau for tests. */
export interface TestPlatform {
  platform: Platform;
  app: FastifyInstance;
  /** The core's knex (schema-qualified queries: `core.users`, `lunch_menu.menus`). */
  knex: Knex;
  clock: TestClock;
  database: TestDatabaseKind;
  /** The academy administrator created at boot (setup is done). */
  admin: TestUser;
  createSchool(input?: Partial<{ uai: string; name: string; city: string; academy: string }>): Promise<School>;
  createUser(input: {
    profile: Profile;
    schools?: readonly (School | number)[];
    functions?: readonly UserFunction[];
    login?: string;
    displayName?: string;
    language?: 'fr' | 'en';
  }): Promise<TestUser>;
  /**
   * A class of this school year with its teachers, `pupils` new pupils and `relativesPerPupil` new relatives
   * each (pupil i's relatives are `relatives[i]`), derived groups included.
   */
  /** A class of this school year, or of a past one with `startYear` (an archive: `2025` for 2025-2026). */
  createClass(input: { school: School; label: string; levels?: string[]; teachers?: readonly TestUser[]; pupils?: number; relativesPerPupil?: number; startYear?: number }): Promise<TestClass>;
  /** Makes `relative` a relative of `pupil` (siblings: one parent linked to two pupils). */
  linkRelative(relative: TestUser, pupil: TestUser): Promise<void>;
  /** Runs the plugins' scheduled jobs that are due at the clock's time; returns how many ran. */
  runScheduledJobs(): Promise<number>;
  /** The notifications an app sent, newest first (of one type, reaching one user), without reading core tables. */
  sentNotifications(filter: { app: string; type?: string; recipient?: number }): Promise<SentNotification[]>;
  /** The id of a school's derived group of one profile (« Parents de l'école ») or a class's (« Parents — CM2 »). */
  derivedGroupId(of: { schoolId: number } | { classId: number }, profile: Profile): Promise<number>;
  /** Moves a pupil to another class of the school, as the evening's ONDE import does. */
  movePupil(pupil: TestUser, move: { from: number; to: number }): Promise<void>;
  /** How many blobs the file store holds (to check that something was not stored twice). */
  storedBlobCount(): Promise<number>;
  as(user: TestUser): RequestsAs;
  /**
   * Runs `work` with the platform's log muted. Errors are printed with their stack by default, so that an
   * unexpected 500 says why; a test that provokes one on purpose wraps it: `await t.quietly(() => ...inject(...))`.
   */
  quietly<T>(work: () => Promise<T>): Promise<T>;
  /** Anonymous requests. */
  inject(options: InjectOptions | string): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** Options of `createTestPlatform`. */
export interface TestPlatformOptions {
  /** Plugins under test: manifests (`import plugin from '../src/index.js'`), paths or package names. */
  plugins?: readonly PluginEntry[];
  /** `PREAU_TEST_DATABASE` by default, else PGlite. */
  database?: TestDatabaseKind;
  /** Extra configuration (same keys as `preau.config.json`). */
  config?: Record<string, unknown>;
  clock?: TestClock;
  /** Build web bundles (off by default: API tests do not need them). */
  buildWeb?: boolean;
  /**
   * The least severe log lines printed (on standard error, readable): `PREAU_LOG_LEVEL` by default, else
   * `error`, so that an unexpected 500 prints its error and stack. `silent` prints nothing.
   */
  logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
}

let passwordHash: Promise<string> | undefined;
let counter = 0;

/**
 * Boots the real Préau in-process on a fresh database (PGlite in memory, or a PostgreSQL database created
 * for this platform and dropped by `close()`), with the given plugins enabled by default for every school.
 *
 * @example
 * const t = await createTestPlatform({ plugins: [lunchMenu] });
 * const school = await t.createSchool();
 * const parent = await t.createUser({ profile: 'Relative', schools: [school] });
 * const response = await t.as(parent).inject({ method: 'GET', url: '/api/lunch-menu/weeks/2026-W48' });
 */
export async function createTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const kind = options.database ?? defaultTestDatabase();
  const database = await createTestDatabase(kind);
  const clock = options.clock ?? createTestClock();
  // Files of a test platform live in a folder of their own, removed by close(), never in the working tree.
  const storage = (options.config?.storage ?? {}) as Record<string, unknown>;
  const filesDir = storage.dir ? null : await mkdtemp(join(tmpdir(), 'preau-test-files-'));
  const pluginNames = (options.plugins ?? []).flatMap((p) => (typeof p === 'object' && 'name' in p ? [p.name] : []));
  const logLevel = options.logLevel ?? (options.config?.logLevel as string | undefined) ?? (process.env.PREAU_LOG_LEVEL || 'error');
  const logger = createTestLogger(logLevel);
  const config = parseConfig(
    {
      logLevel,
      ...options.config,
      storage: { ...storage, ...(filesDir ? { dir: filesDir } : {}) },
      apps: { enabledByDefault: pluginNames, cacheSeconds: 3600, ...(options.config?.apps as object | undefined) },
    },
    process.cwd(),
  );
  let platform: Platform;
  try {
    platform = await createPlatform({
      config,
      database,
      clock,
      extraPlugins: options.plugins ?? [],
      buildWeb: options.buildWeb ?? false,
      logger: logger.options,
    });
  } catch (error) {
    await database.close();
    throw error;
  }
  const { knex } = database;
  const sessions = new Map<number, { token: string; csrfToken: string; openedAt: number }>();

  const createUser: TestPlatform['createUser'] = async (input) => {
    counter += 1;
    passwordHash ??= hashPassword(TEST_PASSWORD);
    const login = input.login ?? `${input.profile.toLowerCase()}.${counter}`;
    const displayName = input.displayName ?? `${input.profile.toUpperCase()} Utilisateur ${counter}`;
    const id = await knex.transaction(async (trx) => {
      const [row] = await trx('core.users')
        .insert({ login, display_name: displayName, profile: input.profile, language: input.language ?? 'fr', password_hash: await passwordHash, state: 'active' })
        .returning('id');
      const schoolIds = (input.schools ?? []).map((s) => (typeof s === 'number' ? s : s.id));
      if (schoolIds.length) await trx('core.memberships').insert(schoolIds.map((school_id) => ({ user_id: row.id, school_id })));
      if (input.functions?.length) {
        await trx('core.user_functions').insert(input.functions.map((f) => ({ user_id: row.id, function: f.function, school_id: f.schoolId ?? null })));
      }
      return row.id as number;
    });
    return { id, login, displayName, profile: input.profile, password: TEST_PASSWORD };
  };

  const createClass: TestPlatform['createClass'] = async (input) => {
    const startYear = input.startYear ?? (await currentStartYear(knex, clock.now()));
    const [row] = await knex('core.classes').insert({ school_id: input.school.id, start_year: startYear, label: input.label, levels: input.levels ?? [] }).returning('id');
    const id = row.id as number;
    const pupils: TestUser[] = [];
    const relatives: TestUser[][] = [];
    for (let i = 0; i < (input.pupils ?? 0); i += 1) {
      const pupil = await createUser({ profile: 'Student', schools: [input.school], displayName: `ÉLÈVE ${input.label} ${i + 1}` });
      pupils.push(pupil);
      const family: TestUser[] = [];
      for (let j = 0; j < (input.relativesPerPupil ?? 0); j += 1) {
        const relative = await createUser({ profile: 'Relative', schools: [input.school], displayName: `PARENT${j + 1} ${input.label} ${i + 1}` });
        await knex('core.relative_links').insert({ relative_id: relative.id, pupil_id: pupil.id });
        family.push(relative);
      }
      relatives.push(family);
    }
    const members = [...(input.teachers ?? []), ...pupils].map((user) => ({ class_id: id, user_id: user.id }));
    if (members.length) await knex('core.class_members').insert(members);
    await ensureClassGroups(knex, input.school.id, [{ id, label: input.label }]);
    return { id, label: input.label, pupils, relatives };
  };

  const admin = await createUser({ profile: 'Personnel', login: 'admin.academie', displayName: 'ADMIN Académie', functions: [{ function: 'academy-admin' }] });

  const as = (user: TestUser): RequestsAs => ({
    async inject(injectOptions) {
      // A test that moves the clock by days would see its sessions expire: open a new one when time moved.
      const now = clock.now().getTime();
      let session = sessions.get(user.id);
      if (!session || now < session.openedAt || now - session.openedAt > 3_600_000) {
        session = { ...(await platform.sessions.create(user.id, { ip: '127.0.0.1', userAgent: 'test' })), openedAt: now };
        sessions.set(user.id, session);
      }
      const opts: InjectOptions = typeof injectOptions === 'string' ? { method: 'GET', url: injectOptions } : injectOptions;
      const response = await platform.app.inject({
        ...opts,
        cookies: { ...(opts.cookies ?? {}), [SESSION_COOKIE]: session.token },
        headers: { [CSRF_HEADER]: session.csrfToken, ...(opts.headers ?? {}) },
      });
      // A request that closed this session (signing out, changing the password) leaves the next one a new session.
      if (response.statusCode === 401) sessions.delete(user.id);
      return response;
    },
  });

  return {
    platform,
    app: platform.app,
    knex,
    clock,
    database: kind,
    admin,
    createSchool: async (input = {}) => {
      counter += 1;
      const uai = input.uai ?? `${String(9_000_000 + counter).slice(0, 7)}${String.fromCharCode(65 + (counter % 26))}`;
      return createSchool(knex, { name: input.name ?? `École test ${counter}`, ...input, uai });
    },
    createUser,
    createClass,
    linkRelative: async (relative, pupil) => {
      await knex('core.relative_links').insert({ relative_id: relative.id, pupil_id: pupil.id }).onConflict(['relative_id', 'pupil_id']).ignore();
    },
    runScheduledJobs: () => platform.scheduledJobs.runDue(),
    sentNotifications: (filter) => sentNotifications(knex, filter),
    derivedGroupId: (of, profile) => derivedGroupId(knex, of, profile),
    movePupil: (pupil, move) => movePupil(knex, pupil.id, move),
    storedBlobCount: () => storedBlobCount(knex),
    as,
    quietly: logger.quietly,
    inject: (injectOptions) => platform.app.inject(injectOptions),
    close: async () => {
      await platform.close();
      if (filesDir) await rm(filesDir, { recursive: true, force: true });
    },
  };
}
