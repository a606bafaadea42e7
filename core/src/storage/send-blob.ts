import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { SendOptions, StoredBlob } from '@preau/sdk';
import { contentDisposition } from './file-names.js';
import { INLINE_SAFE } from './media-type.js';

/**
 * Streams a blob to the browser so that nothing in it can run on Préau's origin: downloaded unless it is a
 * raster image, audio or video asked inline; the type as detected, with `nosniff`; and a CSP sandbox in case a
 * browser renders it anyway.
 */
export function sendBlob(reply: FastifyReply, blob: StoredBlob, stream: Readable, options: SendOptions): FastifyReply {
  const inline = options.inline === true && INLINE_SAFE.test(blob.mediaType);
  const type = blob.mediaType.startsWith('text/') ? `${blob.mediaType}; charset=utf-8` : blob.mediaType;
  const etag = `"${blob.sha256}"`;
  reply
    .header('content-type', type)
    .header('content-disposition', contentDisposition(options.name ?? blob.name, inline ? 'inline' : 'attachment'))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'")
    .header('cross-origin-resource-policy', 'same-origin')
    .header('cache-control', 'private, no-cache')
    .header('etag', etag);
  if (reply.request.headers['if-none-match'] === etag) {
    stream.destroy();
    return reply.code(304).send();
  }
  reply.header('content-length', String(blob.size));
  return reply.send(stream);
}
