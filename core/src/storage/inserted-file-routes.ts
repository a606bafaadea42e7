import { registerMultipart } from '../http/multipart.js';
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { insertedFileUrl, type TypeBoxTypeProvider } from '@preau/sdk';
import { requireUser } from '../identity/access.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { StorageNotFound } from '../errors.js';
import type { CoreStorage } from './storage-service.js';
import type { CoreInsertedFiles } from './inserted-files.js';

const Uploaded = Type.Object({
  id: Type.String(),
  src: Type.String(),
  name: Type.String(),
  size: Type.Integer(),
  mediaType: Type.String(),
});

/**
 * Files inserted in texts: uploaded here while writing (a pasted picture, a file from the computer), or
 * inserted from Documents, then written in the text as `/api/core/files/<id>`. The uploader may open their
 * file; anyone else only through a text (or a document) that holds it and that they may read: the id alone
 * opens nothing (404, as for a file that does not exist). An upload no text holds a day later is swept.
 */
export async function insertedFileRoutes(parent: FastifyInstance, deps: { storage: CoreStorage; insertedFiles: CoreInsertedFiles }): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { storage, insertedFiles } = deps;
  await registerMultipart(app, { fileSize: storage.maxUploadBytes + 1, files: 1, fields: 5, parts: 6 });

  app.post('/api/core/files', { schema: { response: { 201: Uploaded, ...ErrorResponses } } }, async (request, reply) => {
    const user = requireUser(request);
    const { blobs } = await storage.receive(request, { owner: user.id, maxFiles: 1 });
    const blob = blobs[0]!;
    return reply.code(201).send({ id: blob.id, src: insertedFileUrl(blob.id), name: blob.name, size: blob.size, mediaType: blob.mediaType });
  });

  app.get('/api/core/files/:id', {
    schema: {
      params: Type.Object({ id: Type.String({ pattern: '^[a-f0-9]{32}$' }) }, { additionalProperties: false }),
      querystring: Type.Object({ download: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    const user = requireUser(request);
    if (!(await insertedFiles.canRead(user, request.params.id))) throw StorageNotFound();
    return storage.send(reply, request.params.id, { inline: request.query.download !== true });
  });
}
