import type { Knex } from 'knex';
import type { FastifyBaseLogger } from 'fastify';
import type { EventBus, Profile, RightsService } from '@preau/sdk';
import type { PluginRegistry } from './plugin-registry.js';

/** The rights service with the administrators' side. */
export interface Rights extends RightsService {
  /** The profiles holding `right` of `app` in a school: its own choice, else the plugin's default. */
  profilesFor(schoolId: number, app: string, right: string): readonly Profile[];
  /** True when the school chose for itself. */
  isOverridden(schoolId: number, app: string, right: string): boolean;
  /** Records a school's choice (null: back to the default) and tells every process at once. */
  set(schoolId: number, app: string, right: string, profiles: readonly Profile[] | null, by: number | null): Promise<void>;
  /** Reads every school's choices again (after the plugins' migrations, which may have moved some in). */
  reload(): Promise<void>;
  close(): Promise<void>;
}

const CHANNEL = 'preau_rights_changed';
const key = (schoolId: number, app: string, right: string) => `${schoolId}\u0000${app}\u0000${right}`;

/**
 * Workflow rights: each plugin declares its rights with default profiles, and a school's administrators may
 * change which profiles hold one in their school. Answered from memory (a small table, read on every plugin
 * request); a change reaches every process through the event bus. The registry is read late: plugins receive
 * this service before every plugin is loaded.
 */
export async function createRights(deps: { knex: Knex; events: EventBus; log: FastifyBaseLogger; registry: () => PluginRegistry | undefined }): Promise<Rights> {
  const { knex, events, log } = deps;
  let overrides = new Map<string, readonly Profile[]>();
  const reload = async (): Promise<void> => {
    const rows: { school_id: number; app: string; right: string; profiles: Profile[] }[] = await knex('core.school_rights').select('school_id', 'app', 'right', 'profiles');
    overrides = new Map(rows.map((r) => [key(r.school_id, r.app, r.right), r.profiles]));
  };
  await reload();
  const unsubscribe = await events.subscribe(CHANNEL, () => {
    reload().catch((error: unknown) => log.error({ err: error }, 'could not reload school rights'));
  });

  const declared = (app: string, right: string): readonly Profile[] | undefined => deps.registry()?.get(app)?.manifest?.rights?.[right]?.default;
  const profilesFor = (schoolId: number, app: string, right: string): readonly Profile[] =>
    declared(app, right) === undefined ? [] : (overrides.get(key(schoolId, app, right)) ?? declared(app, right)!);

  return {
    can(user, app, right, schoolIds) {
      if (declared(app, right) === undefined) return false;
      const schools = schoolIds ?? user.schools.map((s) => s.id);
      const mine = new Set(user.schools.map((s) => s.id));
      return schools.some((schoolId) => mine.has(schoolId) && profilesFor(schoolId, app, right).includes(user.profile));
    },
    profilesFor,
    isOverridden: (schoolId, app, right) => overrides.has(key(schoolId, app, right)),
    async set(schoolId, app, right, profiles, by) {
      await knex.transaction(async (trx) => {
        if (profiles === null) await trx('core.school_rights').where({ school_id: schoolId, app, right }).delete();
        else {
          await trx('core.school_rights')
            .insert({ school_id: schoolId, app, right, profiles: [...new Set(profiles)], updated_by: by, updated_at: trx.fn.now() })
            .onConflict(['school_id', 'app', 'right']).merge();
        }
        // Delivered on commit, to every process including this one.
        await trx.raw('select pg_notify(?, ?)', [CHANNEL, JSON.stringify({ schoolId })]);
      });
      await reload();
    },
    reload,
    close: unsubscribe,
  };
}
