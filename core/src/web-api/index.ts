/**
 * The types of the core's HTTP answers, as the browser reads them: `Static` of the very schemas the routes answer
 * with, so a changed response is a compile error in the shell instead of a silent drift. The shell imports them
 * with `import type` only (erased by esbuild): these modules hold TypeBox schemas and nothing of the server, but
 * none of them ends up in the web bundle either way.
 */
export type { ActivationCheck, EmailChange, Me, SessionRow, SignedIn } from './identity-schemas.js';
export type {
  AccountState,
  AuditRow,
  ClassMembers,
  ClassPerson,
  GroupRow,
  IssuedCode,
  ReissuedCode,
  SchoolClass,
  SchoolRow,
  UserRow,
} from './school-admin-schemas.js';
export type {
  ImportHistoryRow,
  ImportPreview,
  ImportSummary,
  StaffImportPreview,
  StaffImportSummary,
  TransferRequestRow,
} from './import-schemas.js';
