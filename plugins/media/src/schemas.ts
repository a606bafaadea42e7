import { Id, Type, fieldLabel, type Static } from '@preau/sdk';

/** An item as the API returns it. */
export const Item = Type.Object({
  id: Type.Integer(),
  schoolId: Type.Integer(),
  title: Type.String(),
  createdBy: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Item = Static<typeof Item>;

/** What adding an item takes: unknown properties are refused, not dropped; a refusal names the field as the form does. */
export const ItemInput = Type.Object(
  { title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', ...fieldLabel('Titre', 'Title') }) },
  { additionalProperties: false },
);
export type ItemInput = Static<typeof ItemInput>;

/** The school in the path: every id goes through the SDK's one id schema (1 to 2³¹−1). */
export const SchoolParams = Type.Object({ schoolId: Id() });

const ErrorBody = Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) });
/** Every 4xx and 5xx body: `{ code, message, details? }`. */
export const Errors = { '4xx': ErrorBody, '5xx': ErrorBody };
