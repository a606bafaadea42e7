import type { PluginApp, PluginServices } from '@preau/sdk';
import { extractRoutes } from './extract-routes.js';
import { fileRoutes } from './file-routes.js';
import { nodeRoutes } from './node-routes.js';
import { sharedRoutes } from './shared-routes.js';
import { trashRoutes } from './trash-routes.js';

/**
 * Every route of Documents. The core's gate has checked that someone is signed in and the app is on in one of
 * their schools; each route then asks the sharing service for the user's role on the node (404 without one).
 */
export async function routes(app: PluginApp, services: PluginServices): Promise<void> {
  await nodeRoutes(app, services);
  await fileRoutes(app, services);
  await trashRoutes(app, services);
  await sharedRoutes(app, services);
  await extractRoutes(app, services);
}
