import multipart, { type FastifyMultipartOptions, type Multipart, type MultipartFile } from '@fastify/multipart';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NulCharacterRefused } from '../errors.js';
import { findNul } from './refuse-nul.js';

type Parts = FastifyRequest['parts'];

/** The parts of a multipart request, refusing a field name, field value or file name that holds U+0000. */
async function* checkedParts(parts: AsyncIterableIterator<Multipart>): AsyncIterableIterator<Multipart> {
  for await (const part of parts) {
    const where = `multipart.${part.fieldname.replace(/\u0000/g, '\\0')}`;
    if (part.fieldname.includes('\u0000')) throw NulCharacterRefused(where);
    if (part.type === 'file') {
      if (part.filename.includes('\u0000')) throw NulCharacterRefused(`${where}.filename`);
    } else if (findNul(part.value, where)) {
      throw NulCharacterRefused(where);
    }
    yield part;
  }
}

/**
 * Reads and drops what is left of an upload answered before its end (refused for quota, rights, a bad part…).
 * Without it the parser, stuck on a file nobody reads, stops reading the socket: the client, still sending, never
 * reads the 413 and ends with a reset connection. Past `limit` more bytes the connection is closed instead.
 */
function discardRest(raw: IncomingMessage, limit: number): void {
  if (raw.readableEnded || raw.destroyed) return;
  raw.unpipe();
  let left = limit;
  raw.on('data', (chunk: Buffer) => {
    left -= chunk.length;
    if (left < 0) raw.socket?.destroy();
  });
  raw.resume();
}

/**
 * Registers `@fastify/multipart` in `app` (the core's upload routes, each plugin's context) with the platform's
 * rule on text: the NUL check that a `preValidation` hook applies to JSON bodies cannot see multipart parts,
 * which are read as the handler streams them, so `parts()`, `file()` and `files()` check each part as it comes. An
 * upload answered before its end has the rest of its body read and dropped, so the client gets the answer.
 */
export async function registerMultipart(app: FastifyInstance, limits: NonNullable<FastifyMultipartOptions['limits']>): Promise<void> {
  await app.register(multipart, { limits });
  app.addHook('onSend', async (request) => {
    if (request.isMultipart()) discardRest(request.raw, limits.fileSize ?? 0);
  });
  app.addHook('preHandler', async (request) => {
    if (!request.isMultipart()) return;
    const parts = request.parts.bind(request);
    const checked: Parts = (options) => checkedParts(parts(options));
    request.parts = checked;
    request.file = async (options) => {
      for await (const part of checked(options)) if (part.type === 'file') return part;
      return undefined;
    };
    request.files = async function* files(options) {
      for await (const part of checked(options)) if (part.type === 'file') yield part as MultipartFile;
    };
  });
}
