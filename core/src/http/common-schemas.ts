import { Type } from '@sinclair/typebox';
import { PROFILES } from '@preau/sdk';

/** The body of every error response. */
export const ErrorSchema = Type.Object({
  code: Type.String(),
  message: Type.String(),
  details: Type.Optional(Type.Unknown()),
});

/** Response schemas of the errors a route may answer with. */
export const ErrorResponses = {
  '4xx': ErrorSchema,
  '5xx': ErrorSchema,
};

export const SchoolRefSchema = Type.Object({ id: Type.Integer(), uai: Type.String(), name: Type.String() });

export const CurrentUserSchema = Type.Object({
  id: Type.Integer(),
  login: Type.String(),
  displayName: Type.String(),
  profile: Type.Union(PROFILES.map((p) => Type.Literal(p))),
  language: Type.Union([Type.Literal('fr'), Type.Literal('en')]),
  schools: Type.Array(SchoolRefSchema),
  functions: Type.Array(
    Type.Object({
      function: Type.Union([Type.Literal('director'), Type.Literal('local-admin'), Type.Literal('academy-admin')]),
      schoolId: Type.Optional(Type.Integer()),
    }),
  ),
});
