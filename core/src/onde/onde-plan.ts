import type { ImportProblem } from './onde-table.js';

// The shape of an ONDE import's plan: what the preview shows and what applying it writes.

/** The counts an import reports (the CLI's `--json` output, the preview's summary). */
export interface ImportSummary {
  classes: { created: number; updated: number; unchanged: number };
  pupils: { created: number; updated: number; moved: number; detached: number; unchanged: number };
  relatives: { created: number; updated: number; unchanged: number };
  links: { created: number; removed: number; unchanged: number };
  problems: ImportProblem[];
}

/** A class of the file and what the import does with it. */
export interface PlannedClass {
  key: string;
  ondeId: string | null;
  label: string;
  levels: string[];
  pupils: number;
  action: 'create' | 'update' | 'unchanged';
  /** The existing class this year, when there is one. */
  id: number | null;
}

/** A person's civil fields as the import writes them. */
export interface PersonFields {
  firstName: string;
  lastName: string;
  birthDate: string | null;
  ine: string | null;
  civility: 'M.' | 'Mme' | null;
  address: string | null;
  email: string | null;
  mobile: string | null;
  /** A pupil's photo authorisation (droit à l'image) as the file says; null for relatives and when it does not say. */
  photoAuthorised: boolean | null;
}

/**
 * A pupil of the file and what the import does with them. `conflict`: the line names a pupil who is a
 * current member of another school (or an INE that belongs to someone else): nothing is written for them.
 */
export interface PlannedPupil {
  action: 'create' | 'update' | 'move' | 'unchanged' | 'conflict';
  id: number | null;
  fields: PersonFields;
  classKey: string;
  /** Fields that change, for the preview. */
  changes: string[];
  /** Where they were, for a move. */
  fromClass: string | null;
  /** A membership of the school must be created or re-opened. */
  join: boolean;
  /** Matched outside the school's current members: the preview keeps what it knows of them to itself. */
  outside: boolean;
  /** An approved transfer: the pupil's memberships of other schools end as they join this one. */
  transfer: boolean;
  line: number;
}

/**
 * A relative of the file and what the import does with them. `conflict`: a current member of another school
 * (matched through a child who changed schools) whom this import may not attach; `skip`: none of their
 * children is imported.
 */
export interface PlannedRelative {
  action: 'create' | 'update' | 'unchanged' | 'conflict' | 'skip';
  id: number | null;
  fields: PersonFields;
  changes: string[];
  join: boolean;
  lines: number[];
}

/** A person this import may not take in without an academy administrator's approval. */
export interface TransferRequest {
  personId: number;
  fields: PersonFields;
}

/** A link to create: each side is an existing id or the index of a planned creation. */
export interface PlannedLink {
  relative: { id: number } | { planned: number };
  pupil: { id: number } | { planned: number };
}

/** Everything an ONDE import would do to a school, computed without writing. */
export interface OndePlan {
  summary: ImportSummary;
  classes: PlannedClass[];
  pupils: PlannedPupil[];
  detachedPupils: { id: number; displayName: string; classLabel: string | null }[];
  relatives: PlannedRelative[];
  detachedRelatives: { id: number; displayName: string }[];
  linksToCreate: PlannedLink[];
  linksToRemove: { relativeId: number; pupilId: number }[];
  /** People of other schools the file names, left alone until an academy administrator approves (new requests only). */
  transferRequests: TransferRequest[];
  /** Approved transfers this import carries out; a pupil's other schools end, a parent's stay. */
  completedTransfers: { personId: number; leavesOtherSchools: boolean }[];
  /** True when applying would change nothing. */
  unchanged: boolean;
}
