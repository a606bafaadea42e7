import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@preau/sdk';
import { requireUser } from '../identity/access.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { StorageNotFound } from '../errors.js';
import type { CoreStorage } from './storage-service.js';

const BlobParams = Type.Object({ id: Type.String({ pattern: '^[a-f0-9]{32}$' }) }, { additionalProperties: false });

/**
 * The signed-in user's storage: their use and quota, and their own uploads (a file attached to a draft they
 * are writing). Anyone else reads a blob only through the app that references it, which decides who may.
 */
export async function storageRoutes(parent: FastifyInstance, deps: { storage: CoreStorage }): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { storage } = deps;

  app.get('/api/core/storage/usage', {
    schema: { response: { 200: Type.Object({ used: Type.Integer(), quota: Type.Integer() }), ...ErrorResponses } },
  }, async (request) => storage.usage(requireUser(request).id));

  const ownBlob = async (userId: number, id: string) => {
    const blob = await storage.stat(id);
    if (!blob || blob.owner !== userId) throw StorageNotFound();
    return blob;
  };

  app.get('/api/core/storage/blobs/:id', {
    schema: { params: BlobParams, querystring: Type.Object({ inline: Type.Optional(Type.Boolean()) }, { additionalProperties: false }) },
  }, async (request, reply) => {
    await ownBlob(requireUser(request).id, request.params.id);
    return storage.send(reply, request.params.id, { inline: request.query.inline });
  });

  app.delete('/api/core/storage/blobs/:id', {
    schema: { params: BlobParams, response: { 204: Type.Null(), ...ErrorResponses } },
  }, async (request, reply) => {
    await ownBlob(requireUser(request).id, request.params.id);
    // A blob an app still references (an attachment of a sent message) stays: the app owns its lifecycle.
    if (!(await storage.delete(request.params.id))) throw StorageNotFound();
    return reply.code(204).send(null);
  });
}
