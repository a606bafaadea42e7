import type { Knex } from 'knex';
import { readPupilsFile, type OndePupil } from './read-pupils.js';
import { readGuardiansFile, type OndeGuardian } from './read-guardians.js';
import { matchFamilies } from './match-families.js';
import type { ImportProblem, OndeLayout } from './onde-table.js';
import type { CsvEncoding } from './decode-csv.js';
import { loadSchoolSnapshot } from './school-snapshot.js';
import { planOndeImport, type ImportSummary, type OndePlan } from './plan-onde-import.js';
import { applyOndeImport, type AppliedImport } from './apply-onde-import.js';
import { currentStartYear } from '../structure/school-years.js';
import { audit } from '../audit/audit-log.js';
import { ImportStale } from '../errors.js';
import { refreshStatisticsIfStale } from '../db/refresh-statistics.js';

/** The two files of an ONDE import, read and checked (nothing written). */
export interface ReadOndeFiles {
  pupils: OndePupil[];
  guardians: OndeGuardian[];
  problems: ImportProblem[];
  meta: { pupils: { encoding: CsvEncoding; layout: OndeLayout }; guardians: { encoding: CsvEncoding; layout: OndeLayout } };
}

/** Reads both files; a file that cannot be an ONDE extraction throws a coded 4xx error naming it. */
export function readOndeFiles(files: { pupils: Uint8Array; guardians: Uint8Array }, options: { maxBytes: number }): ReadOndeFiles {
  const pupilsFile = readPupilsFile(files.pupils, options);
  const guardiansFile = readGuardiansFile(files.guardians, options);
  return {
    pupils: pupilsFile.pupils,
    guardians: guardiansFile.guardians,
    problems: [...pupilsFile.problems, ...guardiansFile.problems],
    meta: {
      pupils: { encoding: pupilsFile.encoding, layout: pupilsFile.layout },
      guardians: { encoding: guardiansFile.encoding, layout: guardiansFile.layout },
    },
  };
}

/** What an import run returns. */
export interface OndeImportResult {
  plan: OndePlan;
  startYear: number;
  /** Set when the plan was written. */
  applied?: AppliedImport;
  importId?: number;
}

/** Options of `runOndeImport`. */
export interface RunOndeImportOptions {
  schoolId: number;
  files: ReadOndeFiles;
  now: Date;
  activationKey: Buffer;
  codeDays: number;
  actorId: number | null;
  /** Plan only. */
  dryRun: boolean;
  /** Refuse to write when the plan no longer has these counts (the preview the user confirmed). */
  expectedSummary?: ImportSummary;
  /** The preview row this run confirms. */
  importId?: number;
  /** Names of the uploaded files, kept in the import history. */
  fileNames?: { pupils: string; guardians: string };
  ip?: string | null;
}

// Written out field by field: a summary read back from jsonb has its keys in another order.
const counts = ({ classes: c, pupils: p, relatives: r, links: l, problems }: ImportSummary) =>
  [c.created, c.updated, c.unchanged, p.created, p.updated, p.moved, p.detached, p.unchanged, r.created, r.updated, r.unchanged, l.created, l.removed, l.unchanged, problems.length].join(',');

/**
 * Plans an ONDE import against the school as it is now and, unless it is a dry run, writes it — all in one
 * transaction, under a per-school lock so that two imports of one school never interleave. A preview
 * confirmed later is planned again at confirmation; if the school changed in between, nothing is written.
 */
export async function runOndeImport(knex: Knex, options: RunOndeImportOptions): Promise<OndeImportResult> {
  const { files, schoolId, now } = options;
  const families = matchFamilies(files.pupils, files.guardians);
  const ines = files.pupils.flatMap((p) => (p.ine ? [p.ine] : []));
  await refreshStatisticsIfStale(knex, ['core.users', 'core.memberships', 'core.relative_links', 'core.class_members']);
  return knex.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`preau-import-${schoolId}`]);
    const startYear = await currentStartYear(trx, now);
    const snapshot = await loadSchoolSnapshot(trx, { schoolId, startYear, ines });
    const plan = planOndeImport(snapshot, { pupils: files.pupils, families, problems: [...files.problems, ...families.problems] });
    if (options.expectedSummary && counts(options.expectedSummary) !== counts(plan.summary)) throw ImportStale();
    if (options.dryRun) return { plan, startYear };
    const applied = await applyOndeImport(trx, plan, {
      schoolId,
      startYear,
      now,
      activationKey: options.activationKey,
      codeExpiresAt: new Date(now.getTime() + options.codeDays * 86_400_000),
      actorId: options.actorId,
    });
    const fileMeta = { ...files.meta, names: options.fileNames ?? null };
    let importId = options.importId;
    if (importId) {
      await trx('core.imports').where({ id: importId }).update({ status: 'applied', applied_at: now, summary: JSON.stringify(plan.summary), payload: null });
    } else {
      const [row] = await trx('core.imports')
        .insert({ school_id: schoolId, kind: 'onde', status: 'applied', created_by: options.actorId, created_at: now, applied_at: now, files: JSON.stringify(fileMeta), summary: JSON.stringify(plan.summary) })
        .returning('id');
      importId = row.id as number;
    }
    const { problems, ...figures } = plan.summary;
    await audit(trx, { action: 'import-applied', schoolId, actorId: options.actorId, ip: options.ip ?? null, at: now, details: { importId, ...figures, problems: problems.length, transferRequests: plan.transferRequests.length, transfers: plan.completedTransfers.length } });
    return { plan, startYear, applied, importId };
  });
}

/** Records a preview so that the user can confirm it later, from any server process. */
export async function savePreview(
  knex: Knex,
  input: { schoolId: number; actorId: number; now: Date; files: ReadOndeFiles; summary: ImportSummary; fileNames: { pupils: string; guardians: string } },
): Promise<number> {
  const [row] = await knex('core.imports')
    .insert({
      school_id: input.schoolId,
      kind: 'onde',
      status: 'previewed',
      created_by: input.actorId,
      created_at: input.now,
      files: JSON.stringify({ ...input.files.meta, names: input.fileNames }),
      summary: JSON.stringify(input.summary),
      payload: JSON.stringify({ pupils: input.files.pupils, guardians: input.files.guardians, problems: input.files.problems }),
    })
    .returning('id');
  return row.id as number;
}
