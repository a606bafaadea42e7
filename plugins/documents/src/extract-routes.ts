import { Id, Type, type PluginApp, type PluginServices } from '@preau/sdk';
import { NodeNotFound, NotAFile } from './errors.js';
import { extractZip } from './extract-zip.js';
import { destinationFor } from './node-routes.js';
import { access } from './nodes.js';
import { Errors, NodeParams } from './schemas.js';

const Extraction = Type.Object({
  id: Type.Integer(),
  state: Type.Union([Type.Literal('pending'), Type.Literal('done'), Type.Literal('failed')]),
  folderId: Type.Union([Type.Integer(), Type.Null()]),
  files: Type.Integer(),
  message: Type.Union([Type.String(), Type.Null()]),
});

/** A ZIP of Documents extracted into a folder beside it: asked here, done by a job, its state read here. */
export async function extractRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, jobs, clock } = services;
  jobs.define('extract', async (payload) => extractZip(services, Number(payload.extractionId)));

  app.post('/nodes/:nodeId/extract', { schema: { params: NodeParams, response: { 202: Extraction, ...Errors } } }, async (request, reply) => {
    const me = request.currentUser!.id;
    const { node } = await access(services, me, request.params.nodeId);
    if (!node.is_file || node.media_type !== 'application/zip') throw NotAFile();
    // The new folder goes beside the ZIP: the user must be able to add there.
    if (node.parent_id !== null) await destinationFor(services, me, node.parent_id);
    else if (node.owner_id !== me) throw NodeNotFound();
    const [row] = await db('extractions').insert({ zip_id: node.id, user_id: me, created_at: clock.now() }).returning('id');
    await jobs.schedule('extract', clock.now(), { extractionId: row.id });
    return reply.code(202).send({ id: row.id, state: 'pending', folderId: null, files: 0, message: null });
  });

  app.get('/extractions/:extractionId', { schema: { params: Type.Object({ extractionId: Id() }), response: { 200: Extraction, ...Errors } } }, async (request) => {
    const row = await db('extractions').where({ id: request.params.extractionId, user_id: request.currentUser!.id }).first('id', 'state', 'folder_id', 'files', 'message');
    if (!row) throw NodeNotFound();
    return { id: row.id, state: row.state, folderId: row.folder_id, files: row.files, message: row.message };
  });
}
