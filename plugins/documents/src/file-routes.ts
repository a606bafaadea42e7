import { Id, Type, type PluginApp, type PluginServices } from '@preau/sdk';
import { NotAFile, NotAFolder, OneFileOnly, VersionNotFound } from './errors.js';
import { addVersion, parsePaths, placeUpload } from './files.js';
import { notifyFollowers } from './follows.js';
import { access, requireRole, toItem } from './nodes.js';
import { destinationFor } from './node-routes.js';
import { Errors, ItemWithRole, NodeParams, Placed, Version, VersionParams } from './schemas.js';
import { thumbnailOf } from './thumbnails.js';
import { folderZip, inlineHeader } from './zip-folder.js';

/**
 * A PDF shown in the page (the preview): storage serves only pictures, audio and video inline, since other types
 * could run in the platform's origin; a PDF is drawn by the browser's own viewer, which runs none of its scripts
 * in the page. `nosniff` keeps it a PDF.
 */
async function sendPdfInline(services: PluginServices, reply: Parameters<PluginServices['storage']['send']>[0], blobId: string, name: string) {
  const got = await services.storage.get(blobId);
  if (!got) throw NotAFile();
  return reply.type('application/pdf').header('content-disposition', inlineHeader(name)).header('x-content-type-options', 'nosniff')
    .header('content-length', got.blob.size).send(got.stream as never);
}

/** Where files uploaded from an editor's picker go. */
export const INSERTED_FOLDER = 'Fichiers insérés';

/** The most files one upload request carries (the web app sends a big folder in several requests). */
export const FILES_PER_UPLOAD = 100;

/** Files: uploads (many at once, whole folders), downloads, thumbnails, folders as ZIP, versions. */
export async function fileRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, storage } = services;

  // Many files at once (multipart), into a folder or the top of "Mes documents"; a file of the same name
  // there gets a new version. The `paths` field (JSON, one relative folder path per file) recreates a folder
  // sent whole. The destination is checked before any byte is stored; all or nothing.
  app.post('/uploads', {
    schema: {
      querystring: Type.Object({ folderId: Type.Optional(Id()), inserted: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: { 201: Type.Array(Placed), ...Errors },
    },
  }, async (request, reply) => {
    const me = request.currentUser!.id;
    // `inserted`: a file sent from an editor's picker goes into "Fichiers insérés" at the top of the user's space.
    // The folder is one more level of the files' paths, so it is made in the files' transaction: an upload
    // that fails (quota, size, a bad request) leaves no empty folder behind.
    const at = request.query.inserted ? { parentId: null, ownerId: me } : await destinationFor(services, me, request.query.folderId);
    const { blobs, fields } = await storage.receive(request, { owner: me, maxFiles: FILES_PER_UPLOAD });
    let paths: string[][];
    try {
      paths = parsePaths(fields.paths, blobs.length);
    } catch (error) {
      await Promise.all(blobs.map((blob) => storage.delete(blob.id)));
      throw error;
    }
    if (request.query.inserted) paths = paths.map((path) => [INSERTED_FOLDER, ...path]);
    const placed = await placeUpload(services, { ...at, by: me }, blobs, paths);
    await notifyFollowers(services, placed, me);
    return reply.code(201).send(placed);
  });

  // "Nouvelle version": one file replaces the content, the earlier ones stay listed.
  app.post('/nodes/:nodeId/versions', { schema: { params: NodeParams, response: { 201: ItemWithRole, ...Errors } } }, async (request, reply) => {
    const me = request.currentUser!.id;
    const { node, role } = await access(services, me, request.params.nodeId);
    if (!node.is_file) throw NotAFile();
    requireRole(role, 'contribute');
    const { blobs } = await storage.receive(request, { owner: me, maxFiles: 1 });
    if (blobs.length !== 1) {
      await Promise.all(blobs.map((blob) => storage.delete(blob.id)));
      throw OneFileOnly();
    }
    try {
      await db.transaction((trx) => addVersion(services, trx, node, blobs[0]!, me));
    } catch (error) {
      await storage.delete(blobs[0]!.id);
      throw error;
    }
    const after = await access(services, me, node.id);
    return reply.code(201).send({ ...toItem(after.node), role: after.role });
  });

  app.get('/nodes/:nodeId/versions', { schema: { params: NodeParams, response: { 200: Type.Array(Version), ...Errors } } }, async (request) => {
    const { node } = await access(services, request.currentUser!.id, request.params.nodeId);
    if (!node.is_file) throw NotAFile();
    const rows: { id: number; number: number; name: string; size: string; media_type: string; author_id: number | null; created_at: Date }[] =
      await db('versions').where({ node_id: node.id }).orderBy('number', 'desc').select('id', 'number', 'name', 'size', 'media_type', 'author_id', 'created_at');
    const people = new Map((await services.structure.people([...new Set(rows.flatMap((r) => (r.author_id ? [r.author_id] : [])))])).map((p) => [p.id, p.displayName]));
    return rows.map((r) => ({
      id: r.id, number: r.number, name: r.name, size: Number(r.size), mediaType: r.media_type,
      author: r.author_id && people.has(r.author_id) ? { id: r.author_id, displayName: people.get(r.author_id)! } : null,
      createdAt: new Date(r.created_at).toISOString(), current: r.number === node.current_version,
    }));
  });

  // A version back as the current content: a new version with its bytes (no bytes copied, no quota used).
  app.post('/nodes/:nodeId/versions/:versionId/restore', { schema: { params: VersionParams, response: { 201: ItemWithRole, ...Errors } } }, async (request, reply) => {
    const me = request.currentUser!.id;
    const { node, role } = await access(services, me, request.params.nodeId);
    if (!node.is_file) throw NotAFile();
    requireRole(role, 'contribute');
    const version = await db('versions').where({ id: request.params.versionId, node_id: node.id }).first('blob_id', 'name', 'size', 'media_type');
    if (!version) throw VersionNotFound();
    await db.transaction((trx) => addVersion(services, trx, node, { id: version.blob_id, name: version.name, size: Number(version.size), mediaType: version.media_type }, me));
    const after = await access(services, me, node.id);
    return reply.code(201).send({ ...toItem(after.node), role: after.role });
  });

  const inline = Type.Object({ inline: Type.Boolean({ default: false }) }, { additionalProperties: false });

  // The current content: a download, or shown in the page (`inline=true`: images, audio, video, PDF as the
  // storage service allows).
  app.get('/nodes/:nodeId/content', { schema: { params: NodeParams, querystring: inline, response: { ...Errors } } }, async (request, reply) => {
    const { node } = await access(services, request.currentUser!.id, request.params.nodeId);
    if (!node.is_file || !node.blob_id) throw NotAFile();
    if (request.query.inline && node.media_type === 'application/pdf') return sendPdfInline(services, reply, node.blob_id, node.name);
    return storage.send(reply, node.blob_id, { name: node.name, inline: request.query.inline });
  });

  app.get('/nodes/:nodeId/versions/:versionId/content', { schema: { params: VersionParams, querystring: inline, response: { ...Errors } } }, async (request, reply) => {
    const { node } = await access(services, request.currentUser!.id, request.params.nodeId);
    const version = await db('versions').where({ id: request.params.versionId, node_id: node.id }).first('blob_id');
    if (!version) throw VersionNotFound();
    return storage.send(reply, version.blob_id, { name: node.name, inline: request.query.inline });
  });

  app.get('/nodes/:nodeId/thumbnail', { schema: { params: NodeParams, response: { ...Errors } } }, async (request, reply) => {
    const { node } = await access(services, request.currentUser!.id, request.params.nodeId);
    const blobId = await thumbnailOf(services, node);
    reply.header('cache-control', 'private, max-age=86400');
    return storage.send(reply, blobId, { name: `${node.name}.webp`, inline: true });
  });

  // A folder with everything in it as a ZIP, streamed.
  app.get('/nodes/:nodeId/zip', { schema: { params: NodeParams, response: { ...Errors } } }, async (request, reply) => {
    const { node } = await access(services, request.currentUser!.id, request.params.nodeId);
    if (node.is_file) throw NotAFolder();
    const { stream, disposition } = await folderZip(services, node);
    return reply.type('application/zip').header('content-disposition', disposition).header('x-content-type-options', 'nosniff').send(stream as never);
  });

}
