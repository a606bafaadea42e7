import type { PluginApp, PluginServices } from '@preau/sdk';
import { commentRoutes } from './comment-routes.js';
import { flashRoutes } from './flash-routes.js';
import { itemRoutes } from './item-routes.js';
import { defineItemJobs } from './publication.js';
import { threadRoutes } from './thread-routes.js';

/** Every route of the news app, and its jobs (announcing at publication time, expiry, the daily purge). */
export async function routes(app: PluginApp, services: PluginServices): Promise<void> {
  defineItemJobs(services);
  await threadRoutes(app, services);
  await itemRoutes(app, services);
  await commentRoutes(app, services);
  await flashRoutes(app, services);
}
