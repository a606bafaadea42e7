import { administersSchool, Id, Type, type CurrentUser, type PluginApp, type PluginServices } from '@preau/sdk';
import { Errors } from './schemas.js';
import { AcademyAdminsOnly, BadWindow, SchoolAdminsOnly, CalendarNotFound } from './errors.js';
import { holidaysOfIcs, holidaysOfSchools, replaceZoneHolidays } from './school-holidays.js';

const MAX_ICS_CHARS = 2_000_000;
const Zone = Type.String({ pattern: '^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ0-9 -]{0,39}$', maxLength: 40 });
const Day = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', maxLength: 10 });
const Holiday = Type.Object({ name: Type.String(), firstDay: Type.String(), lastDay: Type.String(), zone: Type.String() });

const isAcademyAdmin = (user: CurrentUser) => user.functions.some((f) => f.function === 'academy-admin');

/**
 * School holidays: an academy administrator imports each zone's official calendar (.ics) once a year, a school's
 * administrators (or the academy's) choose its zone, and everyone reads the holidays of their schools' zones.
 */
export async function holidayRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db } = services;

  app.get('/school-holidays', {
    schema: { querystring: Type.Object({ from: Day, to: Day }, { additionalProperties: false }), response: { 200: Type.Array(Holiday), ...Errors } },
  }, async (request) => {
    const { from, to } = request.query;
    if (to < from || Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 2) throw BadWindow();
    return holidaysOfSchools(db, request.currentSchools.map((s) => s.id), from, to);
  });

  app.put('/holiday-zones/:zone', {
    bodyLimit: MAX_ICS_CHARS * 4 + 1024,
    schema: {
      params: Type.Object({ zone: Zone }),
      body: Type.Object({ content: Type.String({ minLength: 1, maxLength: MAX_ICS_CHARS }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ imported: Type.Integer(), firstDay: Type.String(), lastDay: Type.String() }), ...Errors },
    },
  }, async (request) => {
    if (!isAcademyAdmin(request.currentUser!)) throw AcademyAdminsOnly();
    const holidays = holidaysOfIcs(request.body.content, request.params.zone);
    await replaceZoneHolidays(db, request.params.zone, holidays);
    return { imported: holidays.length, firstDay: holidays[0]!.firstDay, lastDay: holidays.at(-1)!.lastDay };
  });

  const schoolFor = (user: CurrentUser, schools: readonly { id: number }[], schoolId: number, write: boolean) => {
    if (!schools.some((s) => s.id === schoolId)) throw CalendarNotFound();
    if (write && !administersSchool(user, schoolId)) throw SchoolAdminsOnly();
  };

  app.get('/schools/:schoolId/holiday-zone', {
    schema: { params: Type.Object({ schoolId: Id() }), response: { 200: Type.Object({ zone: Type.Union([Type.String(), Type.Null()]), zones: Type.Array(Type.String()) }), ...Errors } },
  }, async (request) => {
    schoolFor(request.currentUser!, request.currentSchools, request.params.schoolId, false);
    const row = await db('school_zones').where({ school_id: request.params.schoolId }).first('zone');
    const zones = (await db('school_holidays').distinct('zone').orderBy('zone')).map((r) => r.zone as string);
    return { zone: (row?.zone as string | undefined) ?? null, zones };
  });

  app.put('/schools/:schoolId/holiday-zone', {
    schema: {
      params: Type.Object({ schoolId: Id() }),
      body: Type.Object({ zone: Type.Union([Zone, Type.Null()]) }, { additionalProperties: false }),
      response: { 204: Type.Null(), ...Errors },
    },
  }, async (request, reply) => {
    schoolFor(request.currentUser!, request.currentSchools, request.params.schoolId, true);
    const { zone } = request.body;
    if (zone === null) await db('school_zones').where({ school_id: request.params.schoolId }).delete();
    else await db('school_zones').insert({ school_id: request.params.schoolId, zone }).onConflict('school_id').merge();
    return reply.code(204).send(null);
  });
}
