import type { Knex } from 'knex';
import type { FastifyBaseLogger } from 'fastify';
import type { AppEnablementService, Clock, NotifyService, SharedResourceRef, ShareRoleDeclaration, ShareTypeDeclaration, SharingService } from '@preau/sdk';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import { inTransaction, moveResource, registerResource, requireResource, type ResourceKey } from './share-tree.js';
import { listGrants, rankOf, ranksOf, sharedWithMe } from './share-queries.js';
import { roleOfRank, rolesOf } from './share-role-lists.js';
import { deleteGrant, peopleToTell, writeGrants, type Gained } from './share-grants.js';
import { ShareResourceInvalid } from './sharing-errors.js';

/** The core's side of sharing: one service per app, and the types the apps declare. */
export interface CoreSharing {
  /**
   * The sharing service of `app`: it reads and writes only that app's resources. Typed with the default roles
   * (a plugin with its own lists views it through `sharingWithRoles`); it checks every role against its type's list.
   */
  forApp(app: string): SharingService;
  /** The declaration of `type` in the manifest of `app`, when the app is active and declares it. */
  declaration(app: string, type: string): ShareTypeDeclaration | undefined;
  /** The roles of a declared type, weakest first (its own list, or the default one). */
  roles(app: string, type: string): readonly ShareRoleDeclaration[];
  /** Waits for the notifications of shares made in a caller's transaction that has committed (tests, closing). */
  drain(): Promise<void>;
}

const RESOURCE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Resource sharing for every app (see `SharingService` in the SDK and `sharing-sql.ts` for who holds what).
 * Each app's service checks that the types it names are declared in its manifest, so that the core's share
 * routes can serve every resource an app registers.
 */
export function createSharing(deps: {
  knex: Knex;
  clock: Clock;
  log: FastifyBaseLogger;
  notify: NotifyService;
  apps: AppEnablementService;
  registry: () => PluginRegistry | undefined;
}): CoreSharing {
  const { knex, clock, log } = deps;
  const pending = new Set<Promise<void>>();
  const declaration = (app: string, type: string): ShareTypeDeclaration | undefined => {
    const record = deps.registry()?.get(app);
    return record?.state === 'active' ? record.manifest?.sharing?.[type] : undefined;
  };

  /** Tells the people who gained access (if the app is on in one of their schools); never fails the share. */
  const tell = async (resource: ResourceKey, gained: Gained, by: number | null, name: string | undefined): Promise<void> => {
    const declared = declaration(resource.app, resource.type);
    if (!declared || (gained.users.length === 0 && gained.groups.length === 0)) return;
    try {
      const users = (await peopleToTell(knex, gained))
        .filter((person) => person.id !== by && deps.apps.enabledSchools(person.schools, resource.app).length > 0)
        .map((person) => person.id);
      if (users.length === 0) return;
      await deps.notify.send({
        type: 'shared-with-you',
        recipients: { users },
        actor: by,
        resource: { app: 'core', id: `${resource.app}/${resource.type}/${resource.key}`, url: declared.url.replaceAll('{id}', encodeURIComponent(resource.key)) },
        params: {
          whatFr: name ? `${declared.title.fr} « ${name} »` : declared.title.fr,
          whatEn: name ? `${declared.title.en} “${name}”` : declared.title.en,
        },
      });
    } catch (error) {
      log.error({ err: error, resource }, 'sharing: the shared-with-you notification failed');
    }
  };

  const roles = (app: string, type: string) => rolesOf(declaration(app, type));

  const forApp = (app: string): SharingService<string> => {
    const keyOf = (ref: SharedResourceRef): ResourceKey => {
      if (!ref || typeof ref.type !== 'string' || !declaration(app, ref.type)) {
        throw ShareResourceInvalid(`the type "${String(ref?.type)}" is not declared in the sharing of ${app}'s manifest`);
      }
      const key = String(ref.id);
      if (!RESOURCE_ID.test(key)) throw ShareResourceInvalid(`the id "${key.slice(0, 80)}" is not 1 to 64 letters, digits, _ or -`);
      return { app, type: ref.type, key };
    };

    return {
      async register(resource, options) {
        const key = keyOf(resource);
        const parent = options.parent ? keyOf(options.parent) : options.parent;
        if (options.school != null && declaration(app, key.type)?.implicitManagers !== 'school-admins') {
          throw ShareResourceInvalid(`the type "${key.type}" declares no implicitManagers: a resource of it has no school`);
        }
        await inTransaction(knex, options.transaction, (trx) => registerResource(trx, key, { owner: options.owner, parent, school: options.school }));
      },
      async setParent(resource, parent, options = {}) {
        const key = keyOf(resource);
        const parentKey = parent ? keyOf(parent) : null;
        await inTransaction(knex, options.transaction, async (trx) => moveResource(trx, app, await requireResource(trx, key), parentKey));
      },
      async remove(resource, options = {}) {
        const key = keyOf(resource);
        await (options.transaction ?? knex)('core.shared_resources').where(key).delete();
      },
      async grant(resource, input, options) {
        const key = keyOf(resource);
        const now = clock.now();
        const gained = await inTransaction(knex, options.transaction, (trx) => writeGrants(trx, key, input, { by: options.by, schoolId: options.schoolId, now, roles: roles(app, key.type) }));
        if (options.notify === false) return;
        const name = typeof options.notify === 'object' ? options.notify.name : undefined;
        // Told once the share is kept: after the caller's transaction commits, when there is one.
        if (!options.transaction) return tell(key, gained, options.by, name);
        const told: Promise<void> = options.transaction.executionPromise
          .then(() => tell(key, gained, options.by, name), () => {})
          .finally(() => pending.delete(told));
        pending.add(told);
      },
      async revoke(resource, grantee, options) {
        const key = keyOf(resource);
        return inTransaction(knex, options.transaction, (trx) => deleteGrant(trx, key, grantee, options.by, roles(app, key.type)));
      },
      async roleOf(userId, resource, options = {}) {
        const key = keyOf(resource);
        return roleOfRank(await rankOf(options.transaction ?? knex, userId, key), roles(app, key.type));
      },
      async filterReadable(userId, resources, options = {}) {
        const keys = resources.map(keyOf);
        const ranks = await ranksOf(options.transaction ?? knex, userId, app, keys);
        return resources.flatMap((resource, index) => {
          const role = roleOfRank(ranks.get(index) ?? 0, roles(app, resource.type));
          return role ? [{ ...resource, role }] : [];
        });
      },
      listGrants: (resource, options = {}) => listGrants(options.transaction ?? knex, keyOf(resource)),
      async sharedWithMe(userId, options = {}) {
        if (options.type !== undefined) keyOf({ type: options.type, id: '0' });
        return sharedWithMe(knex, userId, app, options, (type) => roles(app, type));
      },
    };
  };

  return {
    forApp: (app) => forApp(app) as unknown as SharingService,
    declaration,
    roles,
    async drain() {
      while (pending.size) await Promise.all([...pending]);
    },
  };
}
