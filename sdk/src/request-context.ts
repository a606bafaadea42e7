import type { CurrentUser, SchoolRef } from './services.js';

/** What the host adds to each request before a plugin's handler runs. */
export interface RequestContext {
  /** The signed-in user; plugin routes never run without one. */
  currentUser: CurrentUser;
  /**
   * The user's schools where this app is enabled today and, on a route that asks for a right, where the user
   * holds it: a handler must scope its reads and writes to them.
   */
  currentSchools: SchoolRef[];
}

/** What a route may ask of the host in its `config`. */
export interface PreauRouteConfig {
  /** A right declared in the manifest that the user must hold in one of their schools; `currentSchools` is then narrowed to those. */
  right?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null on the core's public routes (plugin routes always have one). */
    currentUser: CurrentUser | null;
    /** See {@link RequestContext.currentSchools}. */
    currentSchools: SchoolRef[];
  }
  interface FastifyContextConfig extends PreauRouteConfig {}
}
