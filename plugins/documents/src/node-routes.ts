import { Type, type PluginApp, type PluginServices } from '@preau/sdk';
import { NotAFolder } from './errors.js';
import { createFolder } from './files.js';
import { listFolder } from './listing.js';
import { access, ancestorsOf, cleanName, requireRole, toItem } from './nodes.js';
import { DestinationInput, Errors, FolderInput, ItemWithRole, ListQuery, NodeDetails, NodeParams, Page, RenameInput } from './schemas.js';
import { copyNode, moveNode, renameNode, trashNode } from './tree-operations.js';

/**
 * The folder a write goes into, checked: null for the top of the user's own space, else a folder they
 * contribute to (404 when they cannot see it).
 */
export async function destinationFor(services: PluginServices, userId: number, folderId: number | null | undefined): Promise<{ parentId: number | null; ownerId: number }> {
  if (folderId == null) return { parentId: null, ownerId: userId };
  const { node, role } = await access(services, userId, folderId);
  if (node.is_file) throw NotAFolder();
  requireRole(role, 'contribute');
  return { parentId: node.id, ownerId: node.owner_id };
}

/** Browsing and organising: folders' pages, a node's details, new folders, rename, move, copy, trash, follow. */
export async function nodeRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, sharing } = services;

  // A folder's page, or the top of "Mes documents" without `folderId`; `q` searches the tree under it.
  app.get('/nodes', { schema: { querystring: ListQuery, response: { 200: Page, ...Errors } } }, async (request) => {
    const me = request.currentUser!.id;
    const { folderId, q, ...rest } = request.query;
    const options = { ...rest, query: q };
    if (folderId === undefined) return listFolder(db, { parentId: null, ownerId: me }, options);
    const { node } = await access(services, me, folderId);
    if (node.is_file) throw NotAFolder();
    return listFolder(db, { parentId: node.id, ownerId: node.owner_id }, options);
  });

  app.get('/nodes/:nodeId', { schema: { params: NodeParams, response: { 200: NodeDetails, ...Errors } } }, async (request) => {
    const me = request.currentUser!.id;
    const { node, role } = await access(services, me, request.params.nodeId);
    // The breadcrumb shows the folders above it the user may open: those of their own space, or up to the
    // folder shared with them.
    const above = (await ancestorsOf(db, node.id)).reverse();
    const readable = new Set((await sharing.filterReadable(me, above.map((a) => ({ type: 'folder', id: a.id })))).map((r) => Number(r.id)));
    const firstReadable = above.findIndex((a) => readable.has(a.id));
    const path = firstReadable < 0 ? [] : above.slice(firstReadable).map((a) => ({ id: a.id, name: a.name }));
    const following = !node.is_file && !!(await db('follows').where({ folder_id: node.id, user_id: me }).first('user_id'));
    return { item: toItem(node), role, path, following };
  });

  app.post('/folders', { schema: { body: FolderInput, response: { 201: ItemWithRole, ...Errors } } }, async (request, reply) => {
    const me = request.currentUser!.id;
    const name = cleanName(request.body.name);
    const at = await destinationFor(services, me, request.body.parentId);
    const id = await db.transaction((trx) => createFolder(services, trx, { ...at, by: me }, name));
    const { node, role } = await access(services, me, id);
    return reply.code(201).send({ ...toItem(node), role });
  });

  app.patch('/nodes/:nodeId', { schema: { params: NodeParams, body: RenameInput, response: { 200: ItemWithRole, ...Errors } } }, async (request) => {
    const me = request.currentUser!.id;
    const { node, role } = await access(services, me, request.params.nodeId);
    requireRole(role, 'manage');
    await renameNode(services, node, request.body.name);
    const after = await access(services, me, node.id);
    return { ...toItem(after.node), role: after.role };
  });

  app.post('/nodes/:nodeId/move', { schema: { params: NodeParams, body: DestinationInput, response: { 200: ItemWithRole, ...Errors } } }, async (request) => {
    const me = request.currentUser!.id;
    const { node, role } = await access(services, me, request.params.nodeId);
    requireRole(role, 'manage');
    const at = await destinationFor(services, me, request.body.folderId);
    await moveNode(services, node, at.parentId, me);
    const after = await access(services, me, node.id);
    return { ...toItem(after.node), role: after.role };
  });

  app.post('/nodes/:nodeId/copy', { schema: { params: NodeParams, body: DestinationInput, response: { 201: ItemWithRole, ...Errors } } }, async (request, reply) => {
    const me = request.currentUser!.id;
    const { node } = await access(services, me, request.params.nodeId);
    const at = await destinationFor(services, me, request.body.folderId);
    const copyId = await copyNode(services, node, at.parentId, me);
    const copy = await access(services, me, copyId);
    return reply.code(201).send({ ...toItem(copy.node), role: copy.role });
  });

  // To the trash (Corbeille), with everything inside: restorable for 30 days.
  app.post('/nodes/:nodeId/trash', { schema: { params: NodeParams, response: { 204: Type.Null(), ...Errors } } }, async (request, reply) => {
    const me = request.currentUser!.id;
    const { node, role } = await access(services, me, request.params.nodeId);
    requireRole(role, 'manage');
    await trashNode(services, node, me);
    return reply.code(204).send(null);
  });

  // Following a folder: a notification for each new file in it or below.
  app.put('/nodes/:nodeId/follow', { schema: { params: NodeParams, response: { 204: Type.Null(), ...Errors } } }, async (request, reply) => {
    const me = request.currentUser!.id;
    const { node } = await access(services, me, request.params.nodeId);
    if (node.is_file) throw NotAFolder();
    await db('follows').insert({ folder_id: node.id, user_id: me }).onConflict(['folder_id', 'user_id']).ignore();
    return reply.code(204).send(null);
  });

  app.delete('/nodes/:nodeId/follow', { schema: { params: NodeParams, response: { 204: Type.Null(), ...Errors } } }, async (request, reply) => {
    const me = request.currentUser!.id;
    const { node } = await access(services, me, request.params.nodeId);
    await db('follows').where({ folder_id: node.id, user_id: me }).delete();
    return reply.code(204).send(null);
  });
}
