import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';

/** One route as registered: what generated tests (authorization matrix, robustness) walk. */
export interface RouteEntry {
  method: string;
  url: string;
  schema: FastifySchema | undefined;
  /** The workflow right the route's plugin asks for (`config.right`), if any. */
  right: string | undefined;
  /** The plugin whose context registered it (`/api/<name>/…`), or undefined for the core's. */
  plugin: string | undefined;
  /** It answers people who are not signed in (see {@link PUBLIC_ROUTES}). */
  public: boolean;
}

/**
 * The routes that answer people who are not signed in, as `METHOD url`. Every other `/api/` route refuses an
 * anonymous request with a 401, which the generated authorization tests check. A public page of a plugin
 * will be declared in its manifest and added here by the host.
 */
export const PUBLIC_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/core/health',
  'GET /api/core/setup',
  'POST /api/core/setup',
  'POST /api/core/session',
  'DELETE /api/core/session',
  'POST /api/core/activation/check',
  'POST /api/core/activation',
  'POST /api/core/password/forgotten',
  'POST /api/core/password/reset',
  'POST /api/core/login/forgotten',
  // Reached from a link in an email, by a signed token in the query.
  'GET /api/core/notifications/unsubscribe',
  'POST /api/core/notifications/unsubscribe',
]);

/**
 * Records every route registered on `app` from now on, in every encapsulated context (plugins included):
 * Fastify calls a root `onRoute` hook for the routes of child contexts too. HEAD routes that Fastify adds
 * for each GET are left out.
 */
export function recordRoutes(app: FastifyInstance): RouteEntry[] {
  const table: RouteEntry[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    for (const method of [route.method].flat()) {
      // Fastify adds a HEAD twin to every GET, with the GET's handler and checks.
      if (method === 'HEAD') continue;
      const url = route.url;
      const plugin = /^\/api\/([a-z][a-z0-9-]*)\//.exec(url)?.[1];
      table.push({
        method,
        url,
        schema: route.schema,
        right: (route.config as { right?: string } | undefined)?.right,
        plugin: plugin === 'core' ? undefined : plugin,
        public: PUBLIC_ROUTES.has(`${method} ${url}`),
      });
    }
  });
  return table;
}
