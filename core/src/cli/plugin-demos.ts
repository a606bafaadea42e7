import type { DemoContext } from '@preau/sdk';
import { createPlatform } from '../platform.js';
import type { OpenCore } from './open-core.js';

/**
 * Lets each active plugin add its sample content to the demo school (`demo` in its manifest), with the
 * services it gets in production. Returns the names of the apps that added some.
 */
export async function addPluginDemos(core: OpenCore, context: DemoContext): Promise<string[]> {
  // The platform borrows the command's database: closing it is the command's job.
  const platform = await createPlatform({ config: core.config, database: { ...core.database, close: async () => {} }, buildWeb: false, logger: false });
  const added: string[] = [];
  try {
    for (const record of platform.plugins.active()) {
      const demo = record.manifest?.demo;
      if (!demo || !record.services) continue;
      await demo(context, record.services);
      added.push(record.name);
    }
    // Scheduled items of the sample content (a word for tomorrow) wait for the server; those due now go at once.
    await platform.scheduledJobs.runDue();
  } finally {
    await platform.close();
  }
  return added;
}
