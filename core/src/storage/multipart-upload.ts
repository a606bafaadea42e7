import type { FastifyRequest } from 'fastify';
import type { StorageService, StoredBlob } from '@preau/sdk';
import { StorageUploadInvalid } from '../errors.js';
import type { BlobCollection } from './blob-collection.js';

/**
 * Receiving a multipart request: each file part stored through `put`, the text fields kept; on any failure the
 * files already stored are collected, so a refused request leaves nothing.
 */
export function createMultipartReceive(put: StorageService['put'], collection: BlobCollection): StorageService['receive'] {
  return async (request: FastifyRequest, options) => {
    if (!request.isMultipart()) throw StorageUploadInvalid('multipart/form-data attendu');
    const blobs: StoredBlob[] = [];
    // The request's length bounds its first file's: reserved whole, so racing requests are served in turn.
    const length = Number(request.headers['content-length']);
    const fields: Record<string, string> = {};
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (blobs.length >= (options.maxFiles ?? 10)) throw StorageUploadInvalid('trop de fichiers');
          const size = blobs.length === 0 && Number.isFinite(length) ? length : undefined;
          blobs.push(await put(part.file, { owner: options.owner, name: part.filename, mediaType: part.mimetype, size }));
        } else if (typeof part.value === 'string') {
          fields[part.fieldname] = part.value;
        }
      }
    } catch (error) {
      await collection.collect(blobs.map((b) => b.id)).catch(() => {});
      throw error;
    }
    if (blobs.length === 0) throw StorageUploadInvalid('aucun fichier');
    return { blobs, fields };
  };
}
