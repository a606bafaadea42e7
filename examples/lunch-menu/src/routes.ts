import { Type, type PluginApp, type PluginServices, Id } from '@preau/sdk';
import { Menu, MenuInput, Week } from './schemas.js';
import { findMenu, findMenus, publishMenu } from './menus.js';
import { DuplicateDay, MenuNotFound, SchoolNotAllowed } from './errors.js';

const ErrorBody = Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) });
const Errors = { "4xx": ErrorBody, "5xx": ErrorBody };
const SchoolWeek = Type.Object({ schoolId: Id(), week: Week });

/** Reading the menus of my schools, and publishing a school's menu. */
export async function routes(app: PluginApp, { db, clock }: PluginServices): Promise<void> {
  const allowedSchool = (schools: { id: number }[], schoolId: number): void => {
    if (!schools.some((school) => school.id === schoolId)) throw SchoolNotAllowed();
  };

  app.get('/weeks/:week', {
    schema: { params: Type.Object({ week: Week }), response: { 200: Type.Array(Menu), ...Errors } },
  }, async (request) => findMenus(db, request.currentSchools.map((s) => s.id), request.params.week));

  app.get('/schools/:schoolId/weeks/:week', {
    schema: { params: SchoolWeek, response: { 200: Menu, ...Errors } },
  }, async (request) => {
    const { schoolId, week } = request.params;
    allowedSchool(request.currentSchools, schoolId);
    const menu = await findMenu(db, schoolId, week);
    if (!menu) throw MenuNotFound(week);
    return menu;
  });

  app.put('/schools/:schoolId/weeks/:week', {
    config: { right: 'publish' },
    schema: { params: SchoolWeek, body: MenuInput, response: { 200: Menu, ...Errors } },
  }, async (request) => {
    const { schoolId, week } = request.params;
    allowedSchool(request.currentSchools, schoolId);
    const seen = new Set<string>();
    for (const day of request.body.days) {
      if (seen.has(day.day)) throw DuplicateDay(day.day);
      seen.add(day.day);
    }
    return publishMenu(db, { schoolId, week, days: request.body.days, by: request.currentUser!.id, at: clock.now() });
  });
}
