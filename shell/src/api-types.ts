import type { WebUser } from '@preau/sdk/web';

/** The body of `GET /api/core/me`. */
export interface Me {
  user: WebUser;
  csrfToken: string;
  classes: { id: number; label: string; levels: string[]; schoolId: number }[];
  children: {
    id: number;
    displayName: string;
    firstName: string | null;
    school: { id: number; name: string } | null;
    classes: { id: number; label: string; levels: string[] }[];
  }[];
  groups: { id: number; name: string; kind: string; schoolId: number }[];
  /** `pendingEmail`: a new address asked for, used once the link mailed to it is opened. */
  contact: { email: string | null; pendingEmail: string | null; mobile: string | null; showEmail?: boolean; showMobile?: boolean };
}

/** The answer of `PUT /api/core/me/email`: the account's address and the one waiting for confirmation. */
export interface EmailChange {
  email: string | null;
  pendingEmail: string | null;
  pendingUntil: string | null;
}

/** The answer of a sign-in or an activation. */
export interface SignedIn {
  user: WebUser;
  csrfToken: string;
}

/** One open session of the user (`GET /api/core/me/sessions`). */
export interface SessionRow {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
}

/** What `POST /api/core/activation/check` tells before the person chooses a password. */
export interface ActivationCheck {
  displayName: string;
  profile: string;
  /** The address the school has on file, if any: shown in the form to be corrected. */
  email: string | null;
  charter: string;
  passwordMinLength: number;
}

/** A school its administrator sees (`GET /api/core/schools`). */
export interface SchoolRow {
  id: number;
  uai: string;
  name: string;
  city: string | null;
  academy: string | null;
}

/** A class of the school this year. */
export interface SchoolClass {
  id: number;
  label: string;
  levels: string[];
  ondeId: string | null;
  startYear: number;
  pupils: number;
  teachers: { id: number; displayName: string }[];
}

export type AccountState = 'pending' | 'active' | 'blocked' | 'left';

/** Someone listed on a class page. */
export interface ClassPerson {
  id: number;
  displayName: string;
  login: string;
  state: AccountState;
}

/** `GET …/classes/:classId/members`. */
export interface ClassMembers {
  pupils: (ClassPerson & { relatives: ClassPerson[] })[];
  teachers: ClassPerson[];
}

/** A person of the school on the users page. */
export interface UserRow {
  id: number;
  login: string;
  displayName: string;
  firstName: string | null;
  lastName: string | null;
  profile: string;
  state: AccountState;
  email: string | null;
  classes: string[];
  classIds: number[];
  functions: string[];
  /** Sign-in locked after too many wrong passwords. */
  locked: boolean;
}

/** A staff import's preview, or its result once confirmed (codes only then). */
export interface StaffImportPreview {
  id: number;
  status: 'previewed' | 'applied';
  summary: StaffImportSummary;
  people: { line: number; name: string; action: 'create' | 'unchanged'; classes: string[]; director: boolean }[];
  codes: { login: string; displayName: string; code: string }[];
}

/** What a staff import changes. */
export interface StaffImportSummary {
  created: number;
  unchanged: number;
  classAssignments: number;
  directors: number;
  problems: { file: string; line: number; code: string; message: string }[];
}

/** A code just issued to one person, shown once. */
export interface IssuedCode {
  userId: number;
  login: string;
  code: string;
  expiresAt: string;
}

/**
 * `POST …/users/:userId/activation-code`: for an activated account (`reset`), its sessions were closed and the
 * person was told by email when they have one (`emailed`).
 */
export interface ReissuedCode extends IssuedCode {
  reset: boolean;
  emailed: boolean;
}

/** The counts of an ONDE import. */
export interface ImportSummary {
  classes: { created: number; updated: number; unchanged: number };
  pupils: { created: number; updated: number; moved: number; detached: number; unchanged: number };
  relatives: { created: number; updated: number; unchanged: number };
  links: { created: number; removed: number; unchanged: number };
  problems: { file: string; line: number; code: string; message: string }[];
}

/** The preview of an ONDE import (status `previewed`), or its result (status `applied`). */
export interface ImportPreview {
  id: number;
  status: string;
  unchanged: boolean;
  summary: ImportSummary;
  classes: { label: string; levels: string[]; pupils: number; action: string }[];
  pupils: { name: string; classLabel: string; action: string; fromClass: string | null; changes: string[]; line: number }[];
  detachedPupils: { name: string; classLabel: string | null }[];
  relatives: { name: string; action: string; changes: string[]; lines: number[] }[];
  detachedRelatives: { name: string }[];
  files: unknown;
}

/** One import of the school's history. */
export interface ImportHistoryRow {
  id: number;
  kind: string;
  status: string;
  createdAt: string;
  appliedAt: string | null;
  createdBy: string | null;
  files: unknown;
  summary: ImportSummary | StaffImportSummary;
}

/** A group of the school. */
export interface GroupRow {
  id: number;
  name: string;
  kind: string;
  profile: string | null;
  classId: number | null;
  members: number;
}

/** One line of the school's audit log. */
export interface AuditRow {
  id: number;
  at: string;
  action: string;
  actor: string | null;
  target: string | null;
  ip: string | null;
  details: unknown;
}

/** A request to take a person of another school in (`GET /api/core/transfer-requests`, academy administrators). */
export interface TransferRequestRow {
  id: number;
  status: 'requested' | 'approved' | 'refused' | 'done';
  person: { id: number; displayName: string; profile: string; birthDate: string | null; ine: string | null; schools: { id: number; name: string; uai: string }[] };
  file: { firstName: string; lastName: string; birthDate: string | null };
  toSchool: { id: number; name: string; uai: string };
  requestedBy: string | null;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
}
