import type { PluginApp, PluginServices } from '@preau/sdk';
import { staffRoutes } from './staff-routes.js';
import { familyRoutes } from './family-routes.js';
import { deliver, remindQuestionDeadline } from './delivery.js';

/** The notebook's routes, and the jobs that send words at their time and remind before a question's deadline. */
export async function routes(app: PluginApp, services: PluginServices): Promise<void> {
  services.jobs.define('send-word', async (payload) => {
    await deliver(services, Number(payload.wordId));
  });
  services.jobs.define('question-deadline', async (payload) => {
    await remindQuestionDeadline(services, Number(payload.wordId));
  });
  await staffRoutes(app, services);
  await familyRoutes(app, services);
}
