import { Type, type PluginApp, type PluginServices } from '@preau/sdk';
import { Errors, Item, ItemInput, SchoolParams } from './schemas.js';
import { addItem, listItems } from './items.js';
import { SchoolNotAllowed, WriteNotAllowed } from './errors.js';

/** The rights of the manifest (src/index.ts): a route's `config: { right }` naming another does not compile. */
export type Right = 'write';

/**
 * The items of a school. Before any of these runs, the core has checked that someone is signed in and that
 * the app is on for one of their schools today (`currentSchools` holds those), and the route's `right`.
 */
export async function routes(app: PluginApp<Right>, { db, clock, rights, plugin }: PluginServices): Promise<void> {
  const ownSchool = (schools: readonly { id: number }[], schoolId: number): void => {
    if (!schools.some((school) => school.id === schoolId)) throw SchoolNotAllowed();
  };

  app.get('/schools/:schoolId/items', {
    schema: { params: SchoolParams, response: { 200: Type.Array(Item), ...Errors } },
  }, async (request) => {
    ownSchool(request.currentSchools, request.params.schoolId);
    return listItems(db, request.params.schoolId);
  });

  app.post('/schools/:schoolId/items', {
    // The gate narrows currentSchools to the schools where the user holds `write`; asking again for this school
    // keeps the handler right if the route is ever reached another way.
    config: { right: 'write' },
    schema: { params: SchoolParams, body: ItemInput, response: { 201: Item, ...Errors } },
  }, async (request, reply) => {
    const { schoolId } = request.params;
    ownSchool(request.currentSchools, schoolId);
    if (!rights.can(request.currentUser!, plugin.name, 'write', [schoolId])) throw WriteNotAllowed();
    const item = await addItem(db, { schoolId, title: request.body.title, by: request.currentUser!.id, at: clock.now() });
    return reply.code(201).send(item);
  });
}
