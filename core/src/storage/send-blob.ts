import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { SendOptions, StoredBlob } from '@preau/sdk';
import type { ByteRange } from './blob-driver.js';
import { contentDisposition } from './file-names.js';
import { INLINE_SAFE } from './media-type.js';

/**
 * The one range of a `Range` header, as HTTP reads it against a blob of `size` bytes: `bytes=a-b`, `bytes=a-`,
 * `bytes=-n` (the last n). `undefined` when there is none to honour (absent, several ranges, another unit, or a
 * stale `If-Range`): the whole blob is sent. `'unsatisfiable'` when it starts past the end (416).
 */
export function requestedRange(header: string | undefined, size: number, ifRange: string | undefined, etag: string): ByteRange | 'unsatisfiable' | undefined {
  if (!header || (ifRange !== undefined && ifRange !== etag)) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    const last = Number(match[2]);
    if (last === 0) return 'unsatisfiable';
    return size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - last), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/**
 * Streams a blob to the browser so that nothing in it can run on Préau's origin: downloaded unless it is a
 * raster image, audio or video asked inline; the type as detected, with `nosniff`; and a CSP sandbox in case a
 * browser renders it anyway. A `Range` request gets only its bytes (206), so a player seeks in a long video
 * without downloading what comes before.
 */
export async function sendBlob(reply: FastifyReply, blob: StoredBlob, open: (range?: ByteRange) => Promise<Readable>, options: SendOptions): Promise<FastifyReply> {
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
    .header('accept-ranges', 'bytes')
    .header('etag', etag);
  const { headers } = reply.request;
  if (headers['if-none-match'] === etag) return reply.code(304).send();
  const ifRange = typeof headers['if-range'] === 'string' ? headers['if-range'] : undefined;
  const range = requestedRange(typeof headers.range === 'string' ? headers.range : undefined, blob.size, ifRange, etag);
  if (range === 'unsatisfiable') {
    return reply.code(416).header('content-range', `bytes */${blob.size}`).header('content-length', '0').send('');
  }
  if (range) {
    const stream = await open(range);
    return reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${blob.size}`)
      .header('content-length', String(range.end - range.start + 1)).send(stream);
  }
  const stream = await open();
  reply.header('content-length', String(blob.size));
  return reply.send(stream);
}
