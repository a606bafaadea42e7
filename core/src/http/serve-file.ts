import { createReadStream, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { FastifyReply } from 'fastify';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

/** Streams a built file; content-hashed files are cached for a year, others revalidated. Null when missing. */
export function serveFile(reply: FastifyReply, file: string, options: { immutable: boolean }): FastifyReply | null {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return null;
    size = stat.size;
  } catch {
    return null;
  }
  reply
    .header('content-type', TYPES[extname(file)] ?? 'application/octet-stream')
    .header('content-length', size)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', options.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  return reply.send(createReadStream(file));
}
