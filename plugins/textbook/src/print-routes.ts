import { Type, type PluginApp, type PluginServices } from '@preau/sdk';
import { classAccess } from './access.js';
import { lastVisa, staffEntries } from './entries.js';
import { parisDay } from './dates.js';
import { rangeOf } from './staff-routes.js';
import { weekPdf } from './week-pdf.js';
import { pupilSheetsPdf } from './pupil-sheets.js';
import { ClassParams, Errors, RangeQuery } from './schemas.js';

const Pdf = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

/** The week (or any period up to two months) of a class's cahier as a PDF, for the binder and for paper. */
export async function printRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  /** The PDF as a download, never sniffed as something else. */
  const sendPdf = <R extends { header(name: string, value: string): R; send(payload: Buffer): R }>(reply: R, name: string, pdf: Uint8Array): R => reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(pdf));

  app.get('/classes/:classId/textbook.pdf', {
    schema: { params: ClassParams, querystring: RangeQuery, response: { 200: Pdf, ...Errors } },
  }, async (request, reply) => {
    const access = await classAccess(services, request.currentUser!, request.currentSchools, request.params.classId);
    const range = rangeOf(request.query, parisDay(services.clock.now()));
    const visa = await lastVisa(services.db, access.class.id);
    const entries = await staffEntries(services, access.class.id, range, visa);
    const pdf = await weekPdf(services, { classLabel: access.class.label, ...range, entries, visa });
    return sendPdf(reply, `cahier-de-textes-${access.class.id}-${range.from}.pdf`, pdf);
  });

  // For pupils without internet at home: a sheet each with their homework due over the period (this week by default).
  app.get('/classes/:classId/pupil-sheets.pdf', {
    schema: { params: ClassParams, querystring: RangeQuery, response: { 200: Pdf, ...Errors } },
  }, async (request, reply) => {
    const access = await classAccess(services, request.currentUser!, request.currentSchools, request.params.classId);
    const range = rangeOf(request.query, parisDay(services.clock.now()));
    const pupils = await services.structure.pupilsOf([access.class.id]);
    const pdf = await pupilSheetsPdf(services, { classId: access.class.id, classLabel: access.class.label, ...range, pupils });
    return sendPdf(reply, `travail-a-faire-${access.class.id}-${range.from}.pdf`, pdf);
  });
}
