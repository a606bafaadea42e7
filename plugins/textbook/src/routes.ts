import type { PluginApp, PluginServices } from '@preau/sdk';
import { staffRoutes } from './staff-routes.js';
import { familyRoutes } from './family-routes.js';
import { directionRoutes } from './direction-routes.js';
import { printRoutes } from './print-routes.js';
import { subjectRoutes } from './subject-routes.js';
import { workloadRoutes } from './workload-routes.js';
import { announceIfDue } from './announce.js';

/** The cahier's routes, and its job: telling families of homework at its publication time. */
export async function routes(app: PluginApp, services: PluginServices): Promise<void> {
  services.jobs.define('announce', async (payload) => {
    await announceIfDue(services, Number(payload.entryId));
  });
  await staffRoutes(app, services);
  await familyRoutes(app, services);
  await directionRoutes(app, services);
  await printRoutes(app, services);
  await subjectRoutes(app, services);
  await workloadRoutes(app, services);
}
