import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { Id, type Clock, type TypeBoxTypeProvider } from '@preau/sdk';
import type { Knex } from 'knex';
import { requireSchoolAdmin, requireUser } from '../identity/access.js';
import { requireSchool } from './school-access.js';
import { importStaff, readStaffFile, type StaffImportResult, type StaffRow } from './staff-import.js';
import { BadRequest, ImportNotFound, ImportStale, StaffFileInvalid } from '../errors.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { StaffPreviewSchema } from '../web-api/import-schemas.js';


const summaryOf = ({ created, unchanged, classAssignments, directors, problems }: StaffImportResult) => ({ created, unchanged, classAssignments, directors, problems });
// A preview confirmed later is planned again; if the school changed in between, the figures differ and nothing is written.
const figures = (s: ReturnType<typeof summaryOf>) => [s.created, s.unchanged, s.classAssignments, s.directors, s.problems.length].join(',');

/**
 * The staff CSV in the same two steps as ONDE: the upload is read and previewed (stored, nothing else written),
 * then the preview is confirmed (written in one transaction) or discarded (`DELETE .../imports/:importId`).
 */
export async function staffImportPreviewRoutes(
  parent: FastifyInstance,
  deps: { knex: Knex; clock: Clock; activationKey: Buffer; codeDays: number },
): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { knex, clock } = deps;

  app.post('/api/core/schools/:schoolId/imports/staff/preview', {
    schema: { params: Type.Object({ schoolId: Id() }), response: { 201: StaffPreviewSchema, ...ErrorResponses } },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { schoolId } = request.params;
    await requireSchool(knex, schoolId);
    requireSchoolAdmin(user, schoolId);
    if (!request.isMultipart()) throw BadRequest('envoyez le fichier en multipart/form-data (champ « staff »)');
    let file: { bytes: Buffer; name: string } | undefined;
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== 'staff') {
        part.file.resume();
        continue;
      }
      try {
        file = { bytes: await part.toBuffer(), name: part.filename };
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw StaffFileInvalid('le fichier est trop volumineux');
        throw error;
      }
    }
    if (!file?.bytes.length) throw StaffFileInvalid('aucun fichier reçu');
    const rows = readStaffFile(file.bytes);
    const now = clock.now();
    const result = await importStaff(knex, { schoolId, rows, now, activationKey: deps.activationKey, codeDays: deps.codeDays, actorId: user.id, dryRun: true });
    const [row] = await knex('core.imports').insert({
      school_id: schoolId, kind: 'staff', status: 'previewed', created_by: user.id, created_at: now,
      files: JSON.stringify({ names: { staff: file.name } }), summary: JSON.stringify(summaryOf(result)), payload: JSON.stringify({ rows }),
    }).returning('id');
    return reply.code(201).send({ id: row.id as number, status: 'previewed', summary: summaryOf(result), people: result.people, codes: [] });
  });

  app.post('/api/core/schools/:schoolId/imports/staff/:importId/confirm', {
    schema: { params: Type.Object({ schoolId: Id(), importId: Id() }), response: { 200: StaffPreviewSchema, ...ErrorResponses } },
  }, async (request, reply) => {
    const user = requireUser(request);
    const { schoolId, importId } = request.params;
    await requireSchool(knex, schoolId);
    requireSchoolAdmin(user, schoolId);
    const now = clock.now();
    const result = await knex.transaction(async (trx) => {
      // Locked, so that two clicks on "Confirmer" never apply one preview twice.
      const found = await trx('core.imports').where({ id: importId, school_id: schoolId, kind: 'staff', status: 'previewed' }).forUpdate().first('payload', 'summary');
      if (!found) throw ImportNotFound();
      const { rows } = found.payload as { rows: StaffRow[] };
      const applied = await importStaff(trx, { schoolId, rows, now, activationKey: deps.activationKey, codeDays: deps.codeDays, actorId: user.id, dryRun: false });
      if (figures(summaryOf(applied)) !== figures(found.summary as ReturnType<typeof summaryOf>)) throw ImportStale();
      await trx('core.imports').where({ id: importId }).update({ status: 'applied', applied_at: now, summary: JSON.stringify(summaryOf(applied)), payload: null });
      return applied;
    });
    // The codes are in the answer: nothing may keep a copy.
    reply.header('cache-control', 'no-store');
    return { id: importId, status: 'applied', summary: summaryOf(result), people: result.people, codes: result.codes };
  });
}
