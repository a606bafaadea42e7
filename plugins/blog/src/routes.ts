import type { PluginApp, PluginServices } from '@preau/sdk';
import { blogRoutes } from './blog-routes.js';
import { commentRoutes } from './comments.js';
import { postRoutes } from './post-routes.js';
import { definePublishJob } from './posts.js';
import { printRoutes } from './public-pages.js';

/** The rights of the manifest (src/index.ts). */
export type Right = 'publishPublic';

/** Every signed-in route of the blog, and the job that publishes planned posts. */
export async function routes(app: PluginApp<Right>, services: PluginServices): Promise<void> {
  definePublishJob(services);
  await blogRoutes(app, services);
  await postRoutes(app, services);
  await commentRoutes(app, services);
  await printRoutes(app, services);
}
