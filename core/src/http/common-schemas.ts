import { Type } from '@sinclair/typebox';

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
