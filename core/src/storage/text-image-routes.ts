import { registerMultipart } from '../http/multipart.js';
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Knex } from 'knex';
import type { TypeBoxTypeProvider } from '@preau/sdk';
import { requireUser } from '../identity/access.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { StorageNotAnImage, StorageNotFound } from '../errors.js';
import type { CoreStorage } from './storage-service.js';

/** The holder that keeps an image inserted in a text: it lives as long as its owner's account (and quota). */
export const TEXT_IMAGE_HOLDER = 'core:text-image';
const PICTURE = /^image\/(png|jpeg|gif|webp)$/;

/**
 * Images pasted or dropped into the common editor: uploaded here by whoever writes, then written in the text as
 * `<img src="/api/core/text-images/<id>">`. Any signed-in reader of the text gets them: the 128-bit id is the
 * capability, only ever written in texts, and only blobs uploaded as text images are served (never an
 * attachment whose id someone learnt).
 */
export async function textImageRoutes(parent: FastifyInstance, deps: { storage: CoreStorage; knex: Knex }): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { storage, knex } = deps;
  await registerMultipart(app, { fileSize: storage.maxUploadBytes + 1, files: 1, fields: 5, parts: 6 });

  app.post('/api/core/text-images', {
    schema: { response: { 201: Type.Object({ id: Type.String(), src: Type.String(), name: Type.String() }), ...ErrorResponses } },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { blobs } = await storage.receive(request, { owner: user.id, maxFiles: 1 });
    const blob = blobs[0]!;
    if (!PICTURE.test(blob.mediaType)) {
      await storage.delete(blob.id);
      throw StorageNotAnImage();
    }
    await storage.addReference(blob.id, TEXT_IMAGE_HOLDER);
    return reply.code(201).send({ id: blob.id, src: `/api/core/text-images/${blob.id}`, name: blob.name });
  });

  app.get('/api/core/text-images/:id', {
    schema: { params: Type.Object({ id: Type.String({ pattern: '^[a-f0-9]{32}$' }) }, { additionalProperties: false }) },
  }, async (request, reply) => {
    requireUser(request);
    const kept = await knex('core.storage_references').where({ blob_id: request.params.id, holder: TEXT_IMAGE_HOLDER }).first('blob_id');
    if (!kept) throw StorageNotFound();
    return storage.send(reply, request.params.id, { inline: true });
  });
}
