import { Type, type Static, type TInteger, type TObject } from '@sinclair/typebox';
import { literals } from './literals.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Problem = Type.Object({ file: Type.String(), line: Type.Integer(), code: Type.String(), message: Type.String() });
// `Object.fromEntries` loses the keys; the cast gives them back to `Static` (the schema is the same).
const Counts = <K extends string>(keys: readonly K[]) =>
  Type.Object(Object.fromEntries(keys.map((k) => [k, Type.Integer()]))) as TObject<Record<K, TInteger>>;

/** What a staff import changes, as the history keeps it. */
export const StaffSummarySchema = Type.Object({
  created: Type.Integer(),
  unchanged: Type.Integer(),
  classAssignments: Type.Integer(),
  directors: Type.Integer(),
  problems: Type.Array(Problem),
});
export type StaffImportSummary = Static<typeof StaffSummarySchema>;

/** A staff import's preview, or its result once confirmed (codes only then). */
export const StaffPreviewSchema = Type.Object({
  id: Type.Integer(),
  status: Type.String(),
  summary: StaffSummarySchema,
  people: Type.Array(Type.Object({ line: Type.Integer(), name: Type.String(), action: Type.String(), classes: Type.Array(Type.String()), director: Type.Boolean() })),
  /** First activation codes of the accounts created, once, at confirmation. */
  codes: Type.Array(Type.Object({ login: Type.String(), displayName: Type.String(), code: Type.String() })),
});
export type StaffImportPreview = Static<typeof StaffPreviewSchema>;

/** The counts of an ONDE import. */
export const SummarySchema = Type.Object({
  classes: Counts(['created', 'updated', 'unchanged']),
  pupils: Counts(['created', 'updated', 'moved', 'detached', 'unchanged']),
  relatives: Counts(['created', 'updated', 'unchanged']),
  links: Counts(['created', 'removed', 'unchanged']),
  problems: Type.Array(Problem),
});
export type ImportSummary = Static<typeof SummarySchema>;

/** The preview of an ONDE import (status `previewed`), or its result (status `applied`). */
export const PreviewSchema = Type.Object({
  id: Type.Integer(),
  status: Type.String(),
  unchanged: Type.Boolean(),
  summary: SummarySchema,
  classes: Type.Array(Type.Object({ label: Type.String(), levels: Type.Array(Type.String()), pupils: Type.Integer(), action: Type.String() })),
  pupils: Type.Array(Type.Object({ name: Type.String(), classLabel: Type.String(), action: Type.String(), fromClass: Nullable(Type.String()), changes: Type.Array(Type.String()), line: Type.Integer() })),
  detachedPupils: Type.Array(Type.Object({ name: Type.String(), classLabel: Nullable(Type.String()) })),
  relatives: Type.Array(Type.Object({ name: Type.String(), action: Type.String(), changes: Type.Array(Type.String()), lines: Type.Array(Type.Integer()) })),
  detachedRelatives: Type.Array(Type.Object({ name: Type.String() })),
  files: Type.Unknown(),
});
export type ImportPreview = Static<typeof PreviewSchema>;

/** One import of the school's history (`GET …/imports`). */
export const ImportHistorySchema = Type.Object({
  id: Type.Integer(), kind: Type.String(), status: Type.String(), createdAt: Type.String(), appliedAt: Nullable(Type.String()),
  // A staff import keeps its own figures (see staff-import-preview-routes.ts).
  createdBy: Nullable(Type.String()), files: Type.Unknown(), summary: Type.Union([SummarySchema, StaffSummarySchema]),
});
export type ImportHistoryRow = Static<typeof ImportHistorySchema>;

const SchoolName = Type.Object({ id: Type.Integer(), name: Type.String(), uai: Type.String() });
/** A request to take a person of another school in (`GET /api/core/transfer-requests`, academy administrators). */
export const TransferRequestSchema = Type.Object({
  id: Type.Integer(),
  status: literals(['requested', 'approved', 'refused', 'done']),
  person: Type.Object({
    id: Type.Integer(),
    displayName: Type.String(),
    profile: Type.String(),
    birthDate: Nullable(Type.String()),
    ine: Nullable(Type.String()),
    schools: Type.Array(SchoolName),
  }),
  file: Type.Object({ firstName: Type.String(), lastName: Type.String(), birthDate: Nullable(Type.String()) }),
  toSchool: SchoolName,
  requestedBy: Nullable(Type.String()),
  requestedAt: Type.String(),
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
});
export type TransferRequestRow = Static<typeof TransferRequestSchema>;
