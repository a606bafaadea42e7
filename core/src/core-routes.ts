import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import type { DefinedBundle, NotifyService } from '@preau/sdk';
import type { PluginRegistry } from './plugins/plugin-registry.js';
import type { AppEnablement } from './apps/app-enablement.js';
import type { Database } from './db/open-database.js';
import { healthRoutes } from './health-routes.js';
import { appRoutes } from './apps/app-routes.js';
import { datedItemsRoutes } from './apps/dated-items-routes.js';
import { schoolRoutes } from './structure/school-routes.js';
import { rightRoutes } from './apps/right-routes.js';
import type { Rights } from './plugins/rights.js';

/** Everything under `/api/core` besides identity. */
export async function coreRoutes(
  app: FastifyInstance,
  deps: { registry: PluginRegistry; apps: AppEnablement; rights: Rights; knex: Knex; database: Database; bundles: DefinedBundle[]; notify: NotifyService },
): Promise<void> {
  await app.register(healthRoutes, deps);
  await app.register(appRoutes, deps);
  await app.register(datedItemsRoutes, deps);
  await app.register(rightRoutes, deps);
  await app.register(schoolRoutes, deps);
}
