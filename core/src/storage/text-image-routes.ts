import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { TypeBoxTypeProvider } from '@preau/sdk';
import { requireUser } from '../identity/access.js';
import { StorageNotFound } from '../errors.js';
import type { CoreStorage } from './storage-service.js';

/** The holder that keeps an image inserted in a text: it lives as long as its owner's account (and quota). */
export const TEXT_IMAGE_HOLDER = 'core:text-image';

/**
 * Images pasted into texts before inserted files existed (`<img src="/api/core/text-images/<id>">`): any
 * signed-in reader still gets them, the 128-bit id being the capability, and only blobs uploaded as text images
 * are served (never an attachment whose id someone learnt). New pictures go through `/api/core/files`, which
 * only the texts' readers open (inserted-file-routes.ts).
 */
export async function textImageRoutes(parent: FastifyInstance, deps: { storage: CoreStorage; knex: Knex }): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { storage, knex } = deps;

  app.get('/api/core/text-images/:id', {
    schema: { params: Type.Object({ id: Type.String({ pattern: '^[a-f0-9]{32}$' }) }, { additionalProperties: false }) },
  }, async (request, reply) => {
    requireUser(request);
    const kept = await knex('core.storage_references').where({ blob_id: request.params.id, holder: TEXT_IMAGE_HOLDER }).first('blob_id');
    if (!kept) throw StorageNotFound();
    return storage.send(reply, request.params.id, { inline: true });
  });
}
