import multipart, { type FastifyMultipartOptions, type Multipart, type MultipartFile } from '@fastify/multipart';
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
 * Registers `@fastify/multipart` in `app` (the core's upload routes, each plugin's context) with the platform's
 * rule on text: the NUL check that a `preValidation` hook applies to JSON bodies cannot see multipart parts,
 * which are read as the handler streams them, so `parts()`, `file()` and `files()` check each part as it comes.
 */
export async function registerMultipart(app: FastifyInstance, limits: NonNullable<FastifyMultipartOptions['limits']>): Promise<void> {
  await app.register(multipart, { limits });
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
