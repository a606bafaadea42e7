import { join, normalize } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import type { BuiltShell } from './build-shell.js';
import { serveFile } from '../http/serve-file.js';
import type { PreauConfig } from '../config/config-schema.js';
import { webManifest } from './web-manifest.js';

/** Resolves `file` inside `dir`, refusing anything that climbs out of it. */
function inside(dir: string, file: string): string | null {
  const path = normalize(join(dir, file));
  return path.startsWith(`${dir}/`) ? path : null;
}

/** The shell's page, its shared modules, and each active plugin's web bundle under `/apps/<name>/`. */
export async function webRoutes(app: FastifyInstance, opts: { registry: PluginRegistry; shell?: BuiltShell; installable: PreauConfig['app'] }): Promise<void> {
  const { shell, registry } = opts;

  app.get('/shell/*', { schema: { params: { type: 'object', properties: { '*': { type: 'string' } } } } }, async (request, reply) => {
    const file = shell && inside(shell.dir, (request.params as { '*': string })['*']);
    return (file && !file.endsWith('.json') && serveFile(reply, file, { immutable: true })) || reply.callNotFound();
  });

  // The favicon where browsers look for it, and Préau's icons and manifest (not content-hashed: revalidated).
  app.get('/favicon.ico', async (_request, reply) => (shell && serveFile(reply, join(shell.dir, 'icons', 'favicon.ico'), { immutable: false })) || reply.callNotFound());
  // The manifest is made from the configuration (the academy's name and colours), the active apps' shortcuts.
  app.get('/icons/manifest.webmanifest', async (_request, reply) => {
    if (!shell) return reply.callNotFound();
    return reply.header('content-type', 'application/manifest+json').header('cache-control', 'no-cache').send(Buffer.from(JSON.stringify(webManifest(opts.installable, registry))));
  });
  // The service worker at the root, so that its scope is the whole site; revalidated on each check for updates.
  app.get('/sw.js', async (_request, reply) => {
    const sent = shell && serveFile(reply, join(shell.dir, 'sw.js'), { immutable: false });
    return sent ? sent.header('service-worker-allowed', '/') : reply.callNotFound();
  });
  app.get('/offline.html', async (_request, reply) => (shell && serveFile(reply, join(shell.dir, 'offline.html'), { immutable: false })) || reply.callNotFound());
  app.get('/icons/:file', { schema: { params: { type: 'object', properties: { file: { type: 'string', pattern: '^[a-z0-9-]+\\.(svg|png|ico|webmanifest)$' } } } } }, async (request, reply) => {
    const file = shell && inside(join(shell.dir, 'icons'), (request.params as { file: string }).file);
    return (file && serveFile(reply, file, { immutable: false })) || reply.callNotFound();
  });

  app.get('/apps/:name/*', {
    schema: { params: { type: 'object', properties: { name: { type: 'string' }, '*': { type: 'string' } } } },
  }, async (request, reply) => {
    const params = request.params as { name: string; '*': string };
    const record = registry.get(params.name);
    const file = record?.state === 'active' && record.web ? inside(record.web.dir, params['*']) : null;
    // A page of the app (/apps/lunch-menu/week/48) is the shell; only built files are served from here.
    return (file && /\.(js|map|css)$/.test(file) && serveFile(reply, file, { immutable: true })) || reply.callNotFound();
  });
}

/** Sends the shell's index.html, or null when the shell was not built. */
export function shellIndex(shell: BuiltShell | undefined) {
  return (reply: FastifyReply): FastifyReply | null => (shell ? serveFile(reply, join(shell.dir, 'index.html'), { immutable: false }) : null);
}
