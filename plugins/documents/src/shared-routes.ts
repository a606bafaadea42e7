import { Type, type PluginApp, type PluginServices } from '@preau/sdk';
import { NODE_COLUMNS, toItem, type NodeRow } from './nodes.js';
import { Errors, SharedPage } from './schemas.js';

/** "Partagé avec moi": the folders and files others shared with the user, by the person who shared them. */
export async function sharedRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, sharing } = services;

  app.get('/shared-with-me', {
    schema: {
      querystring: Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 200 })), limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }, { additionalProperties: false }),
      response: { 200: SharedPage, ...Errors },
    },
  }, async (request) => {
    const page = await sharing.sharedWithMe(request.currentUser!.id, { cursor: request.query.cursor, limit: request.query.limit });
    const ids = page.people.flatMap((group) => group.items.map((item) => Number(item.id)));
    // Trashed ones are left out: they come back with their shares when restored.
    const rows = new Map(((await db('nodes').whereIn('id', ids).whereNull('trashed_at').select(NODE_COLUMNS)) as NodeRow[]).map((row) => [row.id, row]));
    const people = page.people
      .map((group) => ({
        sharedBy: group.sharedBy,
        items: group.items.flatMap((item) => {
          const row = rows.get(Number(item.id));
          return row ? [{ ...toItem(row), role: item.role }] : [];
        }),
      }))
      .filter((group) => group.items.length > 0);
    return { people, nextCursor: page.nextCursor };
  });
}
