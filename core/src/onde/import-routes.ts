import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@preau/sdk';
import type { Knex } from 'knex';
import type { Clock } from '@preau/sdk';
import { requireSchoolAdmin, requireUser } from '../identity/access.js';
import { requireSchool } from '../structure/school-access.js';
import { readOndeFiles, runOndeImport, savePreview, type ReadOndeFiles } from './onde-import.js';
import type { ImportSummary, OndePlan } from './plan-onde-import.js';
import { OndeFileEmpty, OndeFileTooLarge, type OndeFileKind } from './onde-errors.js';
import { BadRequest, ImportNotFound } from '../errors.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { Id } from '@preau/sdk';
import { ImportHistorySchema, PreviewSchema } from '../web-api/import-schemas.js';

const ImportParams = Type.Object({ schoolId: Id(), importId: Id() });

/** The preview the user reads before confirming: what changes (unchanged people are only counted). */
function describePlan(id: number, status: string, plan: OndePlan, files: unknown) {
  const labelOf = new Map(plan.classes.map((c) => [c.key, c.label]));
  const name = (f: { lastName: string; firstName: string }) => `${f.lastName.toLocaleUpperCase('fr-FR')} ${f.firstName}`;
  return {
    id,
    status,
    unchanged: plan.unchanged,
    summary: plan.summary,
    classes: plan.classes.map((c) => ({ label: c.label, levels: c.levels, pupils: c.pupils, action: c.action })),
    // Conflicts are told in the problems; what the import knows of a pupil from elsewhere stays unsaid.
    pupils: plan.pupils
      .filter((p) => p.action !== 'unchanged' && p.action !== 'conflict')
      .map((p) => ({ name: name(p.fields), classLabel: labelOf.get(p.classKey) ?? '', action: p.action, fromClass: p.fromClass, changes: p.outside ? [] : p.changes, line: p.line })),
    detachedPupils: plan.detachedPupils.map((p) => ({ name: p.displayName, classLabel: p.classLabel })),
    relatives: plan.relatives
      .filter((r) => r.action === 'create' || r.action === 'update')
      .map((r) => ({ name: name(r.fields), action: r.action, changes: r.changes, lines: r.lines })),
    detachedRelatives: plan.detachedRelatives.map((r) => ({ name: r.displayName })),
    files,
  };
}

/** Reads the two uploaded files of a multipart request (`pupils` and `guardians`). */
async function uploadedFiles(request: FastifyRequest, maxBytes: number, maxFileMb: number) {
  const files: Partial<Record<OndeFileKind, { bytes: Uint8Array; name: string }>> = {};
  if (!request.isMultipart()) throw BadRequest('envoyez les deux fichiers en multipart/form-data (champs « pupils » et « guardians »)');
  for await (const part of request.parts()) {
    if (part.type !== 'file') continue;
    if (part.fieldname !== 'pupils' && part.fieldname !== 'guardians') {
      part.file.resume();
      continue;
    }
    try {
      files[part.fieldname] = { bytes: await part.toBuffer(), name: part.filename };
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw OndeFileTooLarge(part.fieldname, maxFileMb);
      throw error;
    }
    if (files[part.fieldname]!.bytes.length > maxBytes) throw OndeFileTooLarge(part.fieldname, maxFileMb);
  }
  if (!files.pupils) throw OndeFileEmpty('pupils');
  if (!files.guardians) throw OndeFileEmpty('guardians');
  return files as Record<OndeFileKind, { bytes: Uint8Array; name: string }>;
}

/**
 * The ONDE import of a school, in two steps: upload both files and read the preview (nothing written), then
 * confirm it (everything written in one transaction). A preview is stored, so any server process can confirm it.
 */
export async function importRoutes(
  parent: FastifyInstance,
  deps: { knex: Knex; clock: Clock; activationKey: Buffer; codeDays: number; maxFileMb: number },
): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { knex, clock } = deps;
  const maxBytes = Math.floor(deps.maxFileMb * 1024 * 1024);

  app.post('/api/core/schools/:schoolId/imports/onde', {
    schema: {
      params: Type.Object({ schoolId: Id() }),
      response: { 201: PreviewSchema, ...ErrorResponses },
    },
  }, async (request, reply) => {
    const user = requireUser(request);
    await requireSchool(knex, request.params.schoolId);
    requireSchoolAdmin(user, request.params.schoolId);
    const uploaded = await uploadedFiles(request, maxBytes, deps.maxFileMb);
    const files = readOndeFiles({ pupils: uploaded.pupils.bytes, guardians: uploaded.guardians.bytes }, { maxBytes });
    const now = clock.now();
    const result = await runOndeImport(knex, {
      schoolId: request.params.schoolId, files, now, activationKey: deps.activationKey, codeDays: deps.codeDays, actorId: user.id, dryRun: true,
    });
    const fileNames = { pupils: uploaded.pupils.name, guardians: uploaded.guardians.name };
    const id = await savePreview(knex, { schoolId: request.params.schoolId, actorId: user.id, now, files, summary: result.plan.summary, fileNames });
    return reply.code(201).send(describePlan(id, 'previewed', result.plan, { ...files.meta, names: fileNames }));
  });

  app.post('/api/core/schools/:schoolId/imports/:importId/confirm', {
    schema: { params: ImportParams, response: { 200: PreviewSchema, ...ErrorResponses } },
  }, async (request) => {
    const user = requireUser(request);
    const { schoolId, importId } = request.params;
    await requireSchool(knex, schoolId);
    requireSchoolAdmin(user, schoolId);
    const row = await knex('core.imports').where({ id: importId, school_id: schoolId, status: 'previewed', kind: 'onde' }).first('payload', 'summary', 'files');
    if (!row) throw ImportNotFound();
    const payload = row.payload as Pick<ReadOndeFiles, 'pupils' | 'guardians' | 'problems'>;
    const files: ReadOndeFiles = { ...payload, meta: row.files };
    const result = await runOndeImport(knex, {
      schoolId, files, now: clock.now(), activationKey: deps.activationKey, codeDays: deps.codeDays, actorId: user.id, dryRun: false,
      expectedSummary: row.summary as ImportSummary, importId, ip: request.ip,
    });
    return describePlan(importId, 'applied', result.plan, row.files);
  });

  app.delete('/api/core/schools/:schoolId/imports/:importId', {
    schema: { params: ImportParams, response: { 204: Type.Null(), ...ErrorResponses } },
  }, async (request, reply) => {
    const user = requireUser(request);
    requireSchoolAdmin(user, request.params.schoolId);
    const discarded = await knex('core.imports')
      .where({ id: request.params.importId, school_id: request.params.schoolId, status: 'previewed' })
      .update({ status: 'discarded', payload: null });
    if (discarded === 0) throw ImportNotFound();
    return reply.code(204).send(null);
  });

  app.get('/api/core/schools/:schoolId/imports', {
    schema: {
      params: Type.Object({ schoolId: Id() }),
      response: {
        200: Type.Array(ImportHistorySchema),
        ...ErrorResponses,
      },
    },
  }, async (request) => {
    const user = requireUser(request);
    await requireSchool(knex, request.params.schoolId);
    requireSchoolAdmin(user, request.params.schoolId);
    const rows = await knex('core.imports as i')
      .leftJoin('core.users as u', 'u.id', 'i.created_by')
      .where('i.school_id', request.params.schoolId)
      .orderBy('i.created_at', 'desc')
      .limit(100)
      .select('i.id', 'i.kind', 'i.status', 'i.created_at', 'i.applied_at', 'u.display_name', 'i.files', 'i.summary');
    return rows.map((r: { id: number; kind: string; status: string; created_at: Date; applied_at: Date | null; display_name: string | null; files: unknown; summary: ImportSummary }) => ({
      id: r.id, kind: r.kind, status: r.status, createdAt: new Date(r.created_at).toISOString(),
      appliedAt: r.applied_at ? new Date(r.applied_at).toISOString() : null, createdBy: r.display_name, files: r.files, summary: r.summary,
    }));
  });
}
