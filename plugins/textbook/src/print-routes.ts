import { Type, type PluginApp, type PluginServices } from '@preau/sdk';
import { classAccess } from './access.js';
import { lastVisa, staffEntries } from './entries.js';
import { parisDay } from './dates.js';
import { rangeOf } from './staff-routes.js';
import { weekPdf } from './week-pdf.js';
import { ClassParams, Errors, RangeQuery } from './schemas.js';

/** The week (or any period up to two months) of a class's cahier as a PDF, for the binder and for paper. */
export async function printRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  app.get('/classes/:classId/textbook.pdf', {
    schema: { params: ClassParams, querystring: RangeQuery, response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...Errors } },
  }, async (request, reply) => {
    const access = await classAccess(services, request.currentUser!, request.currentSchools, request.params.classId);
    const range = rangeOf(request.query, parisDay(services.clock.now()));
    const visa = await lastVisa(services.db, access.class.id);
    const entries = await staffEntries(services, access.class.id, range, visa);
    const pdf = await weekPdf(services, { classLabel: access.class.label, ...range, entries, visa });
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="cahier-de-textes-${access.class.id}-${range.from}.pdf"`)
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(pdf));
  });
}
