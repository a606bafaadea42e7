import type { FastifyRequest } from 'fastify';
import { NulCharacterRefused } from '../errors.js';

/** The first path (`body.recipients.0.label`) under `root` whose key or string value holds U+0000, if any. */
export function findNul(value: unknown, root: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? root : undefined;
  if (typeof value !== 'object' || value === null || depth > 32 || Buffer.isBuffer(value)) return undefined;
  // A body a route takes as a stream (the raw bytes of an upload) is the request itself: its socket and server
  // would be walked for nothing, synchronously, blocking the process.
  if (typeof (value as { pipe?: unknown }).pipe === 'function') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const path = `${root}.${key}`;
    if (key.includes('\u0000')) return path;
    const found = findNul(inner, path, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * One rule for every route, the core's and every plugin's: no string of a request may hold U+0000. PostgreSQL
 * cannot store it in `text` (the insert fails with a 500), and no legitimate text needs it. A `preValidation`
 * hook on the root app, so it runs before each route's schema and handler, signed in or not.
 */
export async function refuseNulCharacters(request: FastifyRequest): Promise<void> {
  const field = findNul(request.params, 'params') ?? findNul(request.query, 'querystring') ?? findNul(request.body, 'body');
  if (field) throw NulCharacterRefused(field);
}
