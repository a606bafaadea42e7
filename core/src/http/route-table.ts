import type { FastifyInstance, FastifySchema } from 'fastify';

/** One route as it was registered: what generated tests walk (robustness, authorization). */
export interface RouteEntry {
  method: string;
  /** The full path with its prefix and parameters, e.g. `/api/news/items/:itemId`. */
  url: string;
  /** The route's schemas (params, querystring, body, response), when it declared some. */
  schema?: FastifySchema;
  /** The route's `config` (a plugin's `right`, …). */
  config?: unknown;
}

/**
 * Records every route registered on `app` from now on, in the core and in every plugin's context (an `onRoute`
 * hook on the root reaches encapsulated children). Call it before any route is registered.
 * The HEAD routes Fastify adds for each GET are left out: they run the GET's handler.
 */
export function collectRoutes(app: FastifyInstance): () => readonly RouteEntry[] {
  const routes: RouteEntry[] = [];
  app.addHook('onRoute', (options) => {
    for (const method of [options.method].flat()) {
      if (method === 'HEAD' && [options.method].flat().length === 1 && routes.some((r) => r.method === 'GET' && r.url === options.url)) continue;
      routes.push({ method, url: options.url, schema: options.schema, config: options.config });
    }
  });
  return () => routes;
}
