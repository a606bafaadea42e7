/** What the API answers, as the pages use it (the server's schemas are in src/schemas.ts). */
export interface Person { id: number | null; displayName: string }
export interface ClassSummary { id: number; schoolId: number; label: string; current: boolean; mayWrite: boolean; mayVisa: boolean }
/** A school of the user's cahiers: the subjects its teachers pick from, and whether the user administers it. */
export interface SchoolSummary { id: number; name: string; subjects: string[]; administers: boolean }
export interface ClassList { classes: ClassSummary[]; archive: ClassSummary[]; schools: SchoolSummary[] }
export interface Subject { id: number | null; name: string; hidden: boolean }
export interface SubjectList { school: { id: number; name: string }; mayEdit: boolean; subjects: Subject[] }
export interface Load { minutes: number; count: number; unestimated: number }
export interface Workload { from: string; to: string; days: { dueOn: string; wholeClass: Load; pupils: ({ id: number; displayName: string } & Load)[] }[] }
export interface Replacement { teacher: { id: number; displayName: string }; addedAt: string }
export interface Visa { id: number; by: Person; at: string; note: string }
export interface StaffEntry {
  id: number; classId: number; kind: 'session' | 'homework'; subject: string; title: string; body: string; day: string;
  dueOn: string | null; minutes: number | null; publishAt: string | null; published: boolean; author: Person; createdAt: string;
  editedAt: string | null; pupilIds: number[]; done: { count: number; of: number } | null; locked: boolean; afterVisa: boolean;
}
export interface ClassBook {
  class: { id: number; schoolId: number; label: string }; current: boolean; mayWrite: boolean; mayVisa: boolean;
  entries: StaffEntry[]; lastVisa: Visa | null;
}
export interface Tick { by: Person; at: string; late: boolean }
export interface Progress { entryId: number; dueOn: string; count: number; of: number; pupils: { id: number; displayName: string; done: Tick | null }[] }
export type Bucket = 'today' | 'tomorrow' | 'week' | 'later';
export interface FamilyHomework {
  id: number; subject: string; title: string; body: string; day: string; dueOn: string; bucket: Bucket; minutes: number | null;
  author: Person; done: Tick | null; differentiated: boolean; changedAt: string | null;
}
export interface ChildHomework {
  pupil: { id: number; displayName: string; classId: number | null; classLabel: string | null }; today: string; mayTick: boolean; homework: FamilyHomework[];
}
export interface FamilySession { id: number; subject: string; title: string; body: string; day: string; author: Person }
