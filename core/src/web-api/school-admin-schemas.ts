import { Type, type Static } from '@sinclair/typebox';

/** A school its administrator sees (`GET /api/core/schools`). */
export const SchoolSchema = Type.Object({
  id: Type.Integer(),
  uai: Type.String(),
  name: Type.String(),
  city: Type.Union([Type.String(), Type.Null()]),
  academy: Type.Union([Type.String(), Type.Null()]),
});
export type SchoolRow = Static<typeof SchoolSchema>;

/** A class of the school this year. */
export const ClassSchema = Type.Object({
  id: Type.Integer(),
  label: Type.String(),
  levels: Type.Array(Type.String()),
  ondeId: Type.Union([Type.String(), Type.Null()]),
  startYear: Type.Integer(),
  pupils: Type.Integer(),
  teachers: Type.Array(Type.Object({ id: Type.Integer(), displayName: Type.String() })),
});
export type SchoolClass = Static<typeof ClassSchema>;

/** `pending`, `active`, `blocked`, or `left` (a former member, shown read-only). */
export type AccountState = 'pending' | 'active' | 'blocked' | 'left';
// Typed for the browser, a plain string on the wire as before: an anyOf of the four would make the serializer
// test every row against each value.
const AccountStateSchema = Type.Unsafe<AccountState>(Type.String());

/** Someone listed on a class page. */
export const ClassPersonSchema = Type.Object({ id: Type.Integer(), displayName: Type.String(), login: Type.String(), state: AccountStateSchema });
export type ClassPerson = Static<typeof ClassPersonSchema>;

/** `GET …/classes/:classId/members`. */
export const ClassMembersSchema = Type.Object({
  pupils: Type.Array(Type.Intersect([ClassPersonSchema, Type.Object({ relatives: Type.Array(ClassPersonSchema) })])),
  teachers: Type.Array(ClassPersonSchema),
});
export type ClassMembers = Static<typeof ClassMembersSchema>;

/** A person as a school's administrators see them in the users table. */
export const UserRowSchema = Type.Object({
  id: Type.Integer(),
  login: Type.String(),
  displayName: Type.String(),
  firstName: Type.Union([Type.String(), Type.Null()]),
  lastName: Type.Union([Type.String(), Type.Null()]),
  profile: Type.String(),
  state: AccountStateSchema,
  email: Type.Union([Type.String(), Type.Null()]),
  classes: Type.Array(Type.String()),
  classIds: Type.Array(Type.Integer()),
  functions: Type.Array(Type.String()),
  /** Sign-in locked after too many wrong passwords (an administrator may lift it). */
  locked: Type.Boolean(),
});
export type UserRow = Static<typeof UserRowSchema>;

/** A code just issued to one person, shown once. */
export const IssuedCodeSchema = Type.Object({ userId: Type.Integer(), login: Type.String(), code: Type.String(), expiresAt: Type.String() });
export type IssuedCode = Static<typeof IssuedCodeSchema>;

/** `POST …/users/:userId/activation-code`. */
export const ReissuedCodeSchema = Type.Object({
  ...IssuedCodeSchema.properties,
  /** The account was already activated: its sessions were closed and the reset is in the audit log. */
  reset: Type.Boolean(),
  /** The person was told of the reset at their email address. */
  emailed: Type.Boolean(),
});
export type ReissuedCode = Static<typeof ReissuedCodeSchema>;

/** A group of the school. */
export const GroupSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  kind: Type.String(),
  profile: Type.Union([Type.String(), Type.Null()]),
  classId: Type.Union([Type.Integer(), Type.Null()]),
  members: Type.Integer(),
});
export type GroupRow = Static<typeof GroupSchema>;

/** One line of the school's audit log. */
export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  action: Type.String(),
  actor: Type.Union([Type.String(), Type.Null()]),
  target: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  details: Type.Unknown(),
});
export type AuditRow = Static<typeof AuditEntrySchema>;
