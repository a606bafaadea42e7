import { Type, type Static } from '@sinclair/typebox';
import { PROFILES } from '@preau/sdk';
import { literals } from './literals.js';

export const SchoolRefSchema = Type.Object({ id: Type.Integer(), uai: Type.String(), name: Type.String() });

export const CurrentUserSchema = Type.Object({
  id: Type.Integer(),
  login: Type.String(),
  displayName: Type.String(),
  profile: literals(PROFILES),
  language: Type.Union([Type.Literal('fr'), Type.Literal('en')]),
  schools: Type.Array(SchoolRefSchema),
  functions: Type.Array(
    Type.Object({
      function: Type.Union([Type.Literal('director'), Type.Literal('local-admin'), Type.Literal('academy-admin')]),
      schoolId: Type.Optional(Type.Integer()),
    }),
  ),
});

/** The answer of a sign-in or an activation. */
export const SignedInSchema = Type.Object({ user: CurrentUserSchema, csrfToken: Type.String() });
export type SignedIn = Static<typeof SignedInSchema>;

const Levels = Type.Array(Type.String());
/** The body of `GET /api/core/me`. */
export const MeSchema = Type.Object({
  user: CurrentUserSchema,
  csrfToken: Type.String(),
  classes: Type.Array(Type.Object({ id: Type.Integer(), label: Type.String(), levels: Levels, schoolId: Type.Integer() })),
  children: Type.Array(
    Type.Object({
      id: Type.Integer(),
      displayName: Type.String(),
      firstName: Type.Union([Type.String(), Type.Null()]),
      school: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]),
      classes: Type.Array(Type.Object({ id: Type.Integer(), label: Type.String(), levels: Levels })),
    }),
  ),
  groups: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), kind: Type.String(), schoolId: Type.Integer() })),
  contact: Type.Object({
    email: Type.Union([Type.String(), Type.Null()]),
    /** A new address asked for, used once the link mailed to it is opened. */
    pendingEmail: Type.Union([Type.String(), Type.Null()]),
    mobile: Type.Union([Type.String(), Type.Null()]),
    showEmail: Type.Boolean(),
    showMobile: Type.Boolean(),
  }),
});
export type Me = Static<typeof MeSchema>;

/** One open session of the user (`GET /api/core/me/sessions`). */
export const SessionSchema = Type.Object({
  id: Type.String(),
  current: Type.Boolean(),
  createdAt: Type.String(),
  lastSeenAt: Type.String(),
  ip: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
});
export type SessionRow = Static<typeof SessionSchema>;

/** The answer of `PUT /api/core/me/email`: the account's address and the one waiting for confirmation. */
export const EmailStateSchema = Type.Object({
  /** The account's address: where reset links and notifications go. */
  email: Type.Union([Type.String(), Type.Null()]),
  /** A new address waiting for the link sent to it to be opened. */
  pendingEmail: Type.Union([Type.String(), Type.Null()]),
  pendingUntil: Type.Union([Type.String(), Type.Null()]),
});
export type EmailChange = Static<typeof EmailStateSchema>;

/** What `POST /api/core/activation/check` tells before the person chooses a password. */
export const ActivationCheckSchema = Type.Object({
  displayName: Type.String(),
  profile: Type.String(),
  /** The address the school has on file, if any: shown in the form to be corrected. */
  email: Type.Union([Type.String(), Type.Null()]),
  charter: Type.String(),
  passwordMinLength: Type.Integer(),
});
export type ActivationCheck = Static<typeof ActivationCheckSchema>;
