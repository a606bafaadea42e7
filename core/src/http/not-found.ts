import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import { PluginUnavailable, RouteNotFound } from '../errors.js';
import { sendError } from './error-handler.js';

/**
 * Unknown API routes get a coded 404, except under a plugin that did not start, which answers 503 (the app
 * exists but is unavailable). Any other GET is a page of the single-page shell.
 */
export function notFoundHandler(refs: { registry?: PluginRegistry; shellIndex?: (reply: FastifyReply) => FastifyReply | null }) {
  return (request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const path = request.url.split('?', 1)[0]!;
    const apiPlugin = /^\/api\/([a-z][a-z0-9-]*)(\/|$)/.exec(path)?.[1];
    if (apiPlugin && apiPlugin !== 'core') {
      const record = refs.registry?.get(apiPlugin);
      if (record && record.state !== 'active') return sendError(request, reply, PluginUnavailable(apiPlugin));
    }
    // A missing script or stylesheet is a 404, not the page: HTML served as JavaScript only confuses the browser.
    const isAsset = path.startsWith('/shell/') || /\.(js|mjs|css|map|json|png|svg|ico|woff2?)$/.test(path);
    if (!path.startsWith('/api/') && !isAsset && request.method === 'GET' && refs.shellIndex) {
      const sent = refs.shellIndex(reply);
      if (sent) return sent;
    }
    return sendError(request, reply, RouteNotFound(request.method, path));
  };
}
