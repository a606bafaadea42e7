import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { SESSION_COOKIE, type ResolvedSession, type SessionStore } from './sessions.js';
import type { Setup } from './setup.js';
import { CsrfRejected, SetupRequired } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The resolved session, when the request carries a valid session cookie. */
    session: ResolvedSession | null;
  }
}

/** The header a cookie-authenticated write must carry, holding the session's CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Open before the first administrator exists.
const OPEN_BEFORE_SETUP = ['/api/core/health', '/api/core/setup'];

function isOpenBeforeSetup(request: FastifyRequest): boolean {
  const path = request.url.split('?', 1)[0]!;
  return OPEN_BEFORE_SETUP.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * Resolves the session of every API request (one indexed read) and refuses cookie-authenticated writes that
 * lack the session's CSRF token. A synchronizer token rather than an Origin check: it does not depend on what
 * a reverse proxy forwards, and it costs nothing since the session row is read anyway.
 */
export const authenticate = fp(
  async (app: FastifyInstance, opts: { sessions: SessionStore; setup: Setup }) => {
    app.decorateRequest('currentUser', null);
    // Fastify wants reference-type decorations to start as null; the hook below sets them on every request.
    app.decorateRequest('currentSchools', null as unknown as []);
    app.decorateRequest('session', null);
    app.addHook('onRequest', async (request) => {
      request.currentSchools = [];
      if (!request.url.startsWith('/api/')) return;
      if (!(await opts.setup.isDone()) && !isOpenBeforeSetup(request)) throw SetupRequired();
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return;
      const session = await opts.sessions.resolve(token);
      if (!session) return;
      if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) throw CsrfRejected();
      request.session = session;
      request.currentUser = session.user;
      request.currentSchools = session.user.schools;
    });
  },
  { name: 'preau-authenticate', dependencies: ['@fastify/cookie'] },
);
