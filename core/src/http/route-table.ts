import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';

/** One route as registered: what generated tests (authorization matrix, robustness) walk. */
export interface RouteEntry {
  method: string;
  /** The full path with its prefix and parameters, e.g. `/api/news/items/:itemId`. */
  url: string;
  /** The route's schemas (params, querystring, body, response), when it declared some. */
  schema: FastifySchema | undefined;
  /** The route's `config` (a plugin's `right`, …). */
  config: unknown;
  /** The workflow right the route's plugin asks for (`config.right`), if any. */
  right: string | undefined;
  /** The plugin whose context registered it (`/api/<name>/…`, `/pub/<name>/…`), or undefined for the core's. */
  plugin: string | undefined;
  /** It answers people who are not signed in (see {@link PUBLIC_ROUTES}). */
  public: boolean;
}

/**
 * The routes that answer people who are not signed in, as `METHOD url`. Every other `/api/` route refuses an
 * anonymous request with a 401, which the generated authorization tests check. A plugin's public pages (its
 * manifest's `publicRoutes`) are marked by their `config: { public: true }`.
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
  // Opened from the link mailed to a new address, signed in or not: the token is the proof.
  'POST /api/core/email/confirm',
  // Reached from a link in an email, by a signed token in the query or the body.
  'GET /api/core/notifications/unsubscribe',
  'POST /api/core/notifications/unsubscribe',
]);

/**
 * Records every route registered on `app` from now on, in the core and in every plugin's context (an `onRoute`
 * hook on the root reaches encapsulated children). Call it before any route is registered. The HEAD twins
 * Fastify adds for each GET are left out: they run the GET's handler and checks.
 */
export function collectRoutes(app: FastifyInstance): () => readonly RouteEntry[] {
  const routes: RouteEntry[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = [route.method].flat();
    for (const method of methods) {
      if (method === 'HEAD' && methods.length === 1 && routes.some((r) => r.method === 'GET' && r.url === route.url)) continue;
      if (method === 'HEAD' && methods.length > 1) continue;
      const plugin = /^\/(?:api|pub)\/([a-z][a-z0-9-]*)\//.exec(route.url)?.[1];
      routes.push({
        method,
        url: route.url,
        schema: route.schema,
        config: route.config,
        right: (route.config as { right?: string } | undefined)?.right,
        plugin: plugin === 'core' ? undefined : plugin,
        // A plugin's public routes (its manifest's `publicRoutes`) each say so; the host refuses the claim elsewhere.
        public: PUBLIC_ROUTES.has(`${method} ${route.url}`) || (route.config as { public?: unknown } | undefined)?.public === true,
      });
    }
  });
  return () => routes;
}
