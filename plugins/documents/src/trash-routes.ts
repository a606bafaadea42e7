import { Type, type PluginApp, type PluginServices } from '@preau/sdk';
import { NotInTrash } from './errors.js';
import { NODE_COLUMNS, requireRole, shareRef, toItem, type NodeRow } from './nodes.js';
import { Errors, NodeParams, TrashItem } from './schemas.js';
import { purgeNodes, restoreNode } from './tree-operations.js';

/** How long the trash keeps things. */
export const TRASH_DAYS = 30;
const DAY = 24 * 3600 * 1000;

/** The Corbeille: what the user trashed, or what was trashed in their space; restore, delete, empty; the daily purge. */
export async function trashRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, sharing, jobs } = services;

  // After 30 days, for good (one process runs it, each night).
  jobs.daily('purge-trash', async (now) => {
    const due: number[] = await db('nodes').whereRaw('trash_root = id').where('trashed_at', '<', new Date(now.getTime() - TRASH_DAYS * DAY)).pluck('id');
    await purgeNodes(services, due);
    return due.length;
  });

  const mine = (userId: number) => db('nodes').whereRaw('trash_root = id').where((w) => w.where('trashed_by', userId).orWhere('owner_id', userId));

  /** A trash entry of the user that they manage (they may have lost the right since they trashed it). */
  const entryFor = async (userId: number, nodeId: number): Promise<NodeRow> => {
    const node = (await mine(userId).where({ id: nodeId }).first(NODE_COLUMNS)) as NodeRow | undefined;
    if (!node) throw NotInTrash();
    const role = await sharing.roleOf(userId, shareRef(node));
    if (!role) throw NotInTrash();
    requireRole(role, 'manage');
    return node;
  };

  app.get('/trash', { schema: { response: { 200: Type.Array(TrashItem), ...Errors } } }, async (request) => {
    const rows = (await mine(request.currentUser!.id).orderBy([{ column: 'trashed_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(1000).select(NODE_COLUMNS)) as NodeRow[];
    return rows.map((row) => ({
      ...toItem(row),
      trashedAt: new Date(row.trashed_at!).toISOString(),
      purgeAt: new Date(new Date(row.trashed_at!).getTime() + TRASH_DAYS * DAY).toISOString(),
    }));
  });

  app.post('/trash/:nodeId/restore', { schema: { params: NodeParams, response: { 204: Type.Null(), ...Errors } } }, async (request, reply) => {
    const me = request.currentUser!.id;
    await restoreNode(services, await entryFor(me, request.params.nodeId), me);
    return reply.code(204).send(null);
  });

  app.delete('/trash/:nodeId', { schema: { params: NodeParams, response: { 204: Type.Null(), ...Errors } } }, async (request, reply) => {
    const me = request.currentUser!.id;
    const node = await entryFor(me, request.params.nodeId);
    await purgeNodes(services, [node.id]);
    return reply.code(204).send(null);
  });

  // Empties the user's trash: what they may manage in it.
  app.delete('/trash', { schema: { response: { 200: Type.Object({ deleted: Type.Integer() }), ...Errors } } }, async (request) => {
    const me = request.currentUser!.id;
    const rows = (await mine(me).select('id', 'is_file')) as { id: number; is_file: boolean }[];
    const managed = (await sharing.filterReadable(me, rows.map(shareRef))).filter((r) => r.role === 'manage' || r.role === 'owner').map((r) => Number(r.id));
    await purgeNodes(services, managed);
    return { deleted: managed.length };
  });
}
