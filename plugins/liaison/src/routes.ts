import type { PluginApp, PluginServices } from '@preau/sdk';
import { staffRoutes } from './staff-routes.js';
import { familyRoutes } from './family-routes.js';
import { deliver, remindQuestionDeadline } from './delivery.js';
import { purgeOldWords } from './retention.js';

/**
 * The notebook's routes, and its jobs: sending words at their time, reminding before a question's deadline,
 * and the nightly purge of old words.
 */
export async function routes(app: PluginApp, services: PluginServices): Promise<void> {
  services.jobs.define('send-word', async (payload) => {
    await deliver(services, Number(payload.wordId));
  });
  services.jobs.define('question-deadline', async (payload) => {
    await remindQuestionDeadline(services, Number(payload.wordId));
  });
  services.jobs.daily('purge', async (now) => purgeOldWords(services, now));
  await staffRoutes(app, services);
  await familyRoutes(app, services);
}
