import type { Knex } from 'knex';
import type { AppEnablementService, Clock, EventBus } from '@preau/sdk';
import type { FastifyBaseLogger } from 'fastify';
import { parisDay } from '../clock.js';
import { DateRangeInvalid } from '../errors.js';

/** A school's choice for one app. */
export interface SchoolAppSetting {
  app: string;
  enabled: boolean;
  /** First day (Europe/Paris) the app is on, inclusive; null for "already". */
  startsOn: string | null;
  /** Last day the app is on, inclusive; null for "until further notice". */
  endsOn: string | null;
}

/** The enablement service with the administrators' side. */
export interface AppEnablement extends AppEnablementService {
  /** The school's own choices (apps without a row follow the defaults). */
  settingsOf(schoolId: number): SchoolAppSetting[];
  /** True when the app is on by default for schools that have not chosen. */
  enabledByDefault(app: string): boolean;
  /** Records a school's choice and tells every process at once. */
  set(schoolId: number, setting: SchoolAppSetting, by: number | null): Promise<void>;
  /** Reloads the cache from the database. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

const CHANNEL = 'preau_apps_changed';

interface Row {
  school_id: number;
  app: string;
  enabled: boolean;
  starts_on: string | null;
  ends_on: string | null;
}

/**
 * Answers "is this app on for this school today?" from memory: the table is small (schools × apps) and read on
 * every plugin request. Writes go to the database and then to every process through the event bus; a periodic
 * reload covers a notification lost while a listener reconnected.
 */
export async function createAppEnablement(deps: {
  knex: Knex;
  events: EventBus;
  clock: Clock;
  log: FastifyBaseLogger;
  /** Apps on by default; the set is read live (bundles add theirs once loaded). */
  defaults: ReadonlySet<string>;
  cacheSeconds: number;
}): Promise<AppEnablement> {
  const { knex, events, clock, log } = deps;
  const { defaults } = deps;
  let bySchool = new Map<number, Map<string, SchoolAppSetting>>();
  let loadedAt = 0;
  let reloading: Promise<void> | undefined;

  const toSetting = (row: Row): SchoolAppSetting => ({
    app: row.app,
    enabled: row.enabled,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
  });

  const loadSchool = async (schoolId: number): Promise<void> => {
    const rows: Row[] = await knex('core.school_apps').where({ school_id: schoolId });
    bySchool.set(schoolId, new Map(rows.map((row) => [row.app, toSetting(row)])));
  };
  const reload = async (): Promise<void> => {
    const rows: Row[] = await knex('core.school_apps').select('school_id', 'app', 'enabled', 'starts_on', 'ends_on');
    const next = new Map<number, Map<string, SchoolAppSetting>>();
    for (const row of rows) {
      let apps = next.get(row.school_id);
      if (!apps) next.set(row.school_id, (apps = new Map()));
      apps.set(row.app, toSetting(row));
    }
    bySchool = next;
    loadedAt = Date.now();
  };
  const refreshIfStale = (): void => {
    if (reloading || Date.now() - loadedAt < deps.cacheSeconds * 1000) return;
    reloading = reload()
      .catch((error: unknown) => log.error({ err: error }, 'could not reload enabled apps'))
      .finally(() => (reloading = undefined));
  };

  await reload();
  const unsubscribe = await events.subscribe(CHANNEL, (payload) => {
    const schoolId = (payload as { schoolId?: unknown } | null)?.schoolId;
    const task = typeof schoolId === 'number' ? loadSchool(schoolId) : reload();
    task.catch((error: unknown) => log.error({ err: error }, 'could not refresh enabled apps'));
  });

  const isEnabled = (schoolId: number, app: string): boolean => {
    refreshIfStale();
    const setting = bySchool.get(schoolId)?.get(app);
    if (!setting) return defaults.has(app);
    if (!setting.enabled) return false;
    const today = parisDay(clock.now());
    return (setting.startsOn === null || setting.startsOn <= today) && (setting.endsOn === null || today <= setting.endsOn);
  };

  return {
    isEnabled,
    enabledSchools: (schoolIds, app) => schoolIds.filter((id) => isEnabled(id, app)),
    settingsOf: (schoolId) => [...(bySchool.get(schoolId)?.values() ?? [])].sort((a, b) => a.app.localeCompare(b.app)),
    enabledByDefault: (app) => defaults.has(app),
    async set(schoolId, setting, by) {
      if (setting.startsOn && setting.endsOn && setting.endsOn < setting.startsOn) throw DateRangeInvalid();
      await knex.transaction(async (trx) => {
        await trx('core.school_apps')
          .insert({
            school_id: schoolId,
            app: setting.app,
            enabled: setting.enabled,
            starts_on: setting.startsOn,
            ends_on: setting.endsOn,
            updated_by: by,
            updated_at: trx.fn.now(),
          })
          .onConflict(['school_id', 'app'])
          .merge();
        // Delivered on commit, to every process including this one.
        await trx.raw('select pg_notify(?, ?)', [CHANNEL, JSON.stringify({ schoolId })]);
      });
      await loadSchool(schoolId);
    },
    reload,
    close: unsubscribe,
  };
}
