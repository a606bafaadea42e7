import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Clock, TypeBoxTypeProvider } from '@preau/sdk';
import type { Knex } from 'knex';
import { requireAcademyAdmin, requireUser } from '../identity/access.js';
import { TransferRequestNotFound } from '../errors.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { audit } from '../audit/audit-log.js';
import { TransferRequestSchema } from '../web-api/import-schemas.js';

interface TransferRow {
  id: number;
  status: 'requested' | 'approved' | 'refused' | 'done';
  person_id: number;
  display_name: string;
  profile: string;
  birth_date: string | null;
  ine: string | null;
  schools: { id: number; name: string; uai: string }[];
  file_first_name: string;
  file_last_name: string;
  file_birth_date: string | null;
  to_id: number;
  to_name: string;
  to_uai: string;
  requested_by: string | null;
  requested_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
}

const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);

/**
 * The academy administrator's queue of transfers: people an ONDE import named who are current members of
 * another school. Only an academy administrator sees who they are and where they are; approving lets the
 * requesting school's next import take them in (a pupil then leaves their old school; a parent joins a
 * second one). Every decision is audited under both schools.
 */
export async function transferRoutes(app: FastifyInstance, deps: { knex: Knex; clock: Clock }): Promise<void> {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const { knex, clock } = deps;

  // Reads through the given connection: PGlite has one, held by an open transaction.
  const list = (db: Knex, where: (q: Knex.QueryBuilder) => Knex.QueryBuilder) =>
    where(
      db('core.transfer_requests as t')
        .join('core.users as p', 'p.id', 't.person_id')
        .join('core.schools as s', 's.id', 't.to_school_id')
        .leftJoin('core.users as r', 'r.id', 't.requested_by')
        .leftJoin('core.users as d', 'd.id', 't.decided_by'),
    ).select<TransferRow[]>(
      't.id', 't.status', 't.person_id', 'p.display_name', 'p.profile', db.raw(`to_char(p.birth_date, 'YYYY-MM-DD') as birth_date`), 'p.ine',
      db.raw(`coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name, 'uai', o.uai) order by o.name)
                 from core.memberships m join core.schools o on o.id = m.school_id
                where m.user_id = p.id and m.left_at is null), '[]') as schools`),
      't.file_first_name', 't.file_last_name', db.raw(`to_char(t.file_birth_date, 'YYYY-MM-DD') as file_birth_date`),
      's.id as to_id', 's.name as to_name', 's.uai as to_uai',
      'r.display_name as requested_by', 't.requested_at', 'd.display_name as decided_by', 't.decided_at',
    );
  const describe = (row: TransferRow) => ({
    id: row.id,
    status: row.status,
    person: { id: row.person_id, displayName: row.display_name, profile: row.profile, birthDate: row.birth_date, ine: row.ine, schools: row.schools },
    file: { firstName: row.file_first_name, lastName: row.file_last_name, birthDate: row.file_birth_date },
    toSchool: { id: row.to_id, name: row.to_name, uai: row.to_uai },
    requestedBy: row.requested_by,
    requestedAt: iso(row.requested_at)!,
    decidedBy: row.decided_by,
    decidedAt: iso(row.decided_at),
  });

  typed.get('/api/core/transfer-requests', {
    schema: {
      querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('decided')])) }),
      response: { 200: Type.Array(TransferRequestSchema), ...ErrorResponses },
    },
  }, async (request) => {
    requireAcademyAdmin(requireUser(request));
    const decided = request.query.status === 'decided';
    const rows = await list(knex, (q) =>
      (decided ? q.whereIn('t.status', ['refused', 'done']).orderBy('t.decided_at', 'desc') : q.whereIn('t.status', ['requested', 'approved']).orderBy('t.requested_at'))
        .orderBy('t.id')
        .limit(200),
    );
    return rows.map(describe);
  });

  for (const decision of ['approve', 'refuse'] as const) {
    typed.post(`/api/core/transfer-requests/:id/${decision}`, {
      schema: {
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) }),
        response: { 200: TransferRequestSchema, ...ErrorResponses },
      },
    }, async (request) => {
      const user = requireUser(request);
      requireAcademyAdmin(user);
      const now = clock.now();
      const row = await knex.transaction(async (trx) => {
        const [updated] = await trx('core.transfer_requests')
          .where({ id: request.params.id, status: 'requested' })
          .update({ status: decision === 'approve' ? 'approved' : 'refused', decided_by: user.id, decided_at: now })
          .returning(['person_id', 'to_school_id']);
        if (!updated) throw TransferRequestNotFound();
        const from = await trx('core.memberships').where({ user_id: updated.person_id }).whereNull('left_at').pluck('school_id');
        const action = decision === 'approve' ? 'transfer-approved' : 'transfer-refused';
        await audit(trx, ...[updated.to_school_id as number, ...(from as number[])].map((schoolId) => ({
          action, actorId: user.id, targetUserId: updated.person_id as number, schoolId, ip: request.ip, at: now,
          details: { transferRequestId: request.params.id, toSchoolId: updated.to_school_id as number },
        } as const)));
        const [found] = await list(trx, (q) => q.where('t.id', request.params.id));
        return found!;
      });
      return describe(row);
    });
  }
}
