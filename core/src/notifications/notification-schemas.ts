import { Type } from '@sinclair/typebox';

const Text = Type.Object({ fr: Type.String(), en: Type.String() });
export const DeliverySchema = Type.Union([Type.Literal('immediate'), Type.Literal('daily'), Type.Literal('weekly'), Type.Literal('never')]);
const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });

export const TimelineItemSchema = Type.Object({
  id: Type.Integer(),
  app: Type.String(),
  type: Type.String(),
  actor: Type.Union([Type.Object({ id: Type.Integer(), displayName: Type.String() }), Type.Null()]),
  resource: Type.Object({ app: Type.String(), id: Type.String(), url: Type.String() }),
  params: Type.Record(Type.String(), Type.Unknown()),
  text: Type.String(),
  createdAt: Type.String(),
  read: Type.Boolean(),
});

export const QuietHoursSchema = Type.Object(
  { enabled: Type.Boolean(), start: Time, end: Time, weekends: Type.Boolean() },
  { additionalProperties: false },
);

export const PreferencesSchema = Type.Object({
  email: Type.Union([Type.String(), Type.Null()]),
  emailEnabled: Type.Boolean(),
  types: Type.Array(
    Type.Object({
      app: Type.String(),
      type: Type.String(),
      appTitle: Text,
      title: Text,
      timelineOnly: Type.Boolean(),
      defaultDelivery: DeliverySchema,
      delivery: DeliverySchema,
      chosen: Type.Boolean(),
      /** Pushed to the user's devices (their choice, else the manifest's `push`). */
      push: Type.Boolean(),
      pushDefault: Type.Boolean(),
    }),
  ),
  quietHours: Type.Object({ enabled: Type.Boolean(), start: Time, end: Time, weekends: Type.Boolean(), custom: Type.Boolean() }),
  academyQuietHours: QuietHoursSchema,
});

export const PreferencesChangeSchema = Type.Object(
  {
    types: Type.Optional(
      Type.Array(
        Type.Object(
          { app: Type.String({ maxLength: 40 }), type: Type.String({ maxLength: 60 }), delivery: Type.Union([DeliverySchema, Type.Null()]) },
          { additionalProperties: false },
        ),
        { maxItems: 500 },
      ),
    ),
    /** Per type, push on or off; null: back to the manifest's default. */
    push: Type.Optional(
      Type.Array(
        Type.Object(
          { app: Type.String({ maxLength: 40 }), type: Type.String({ maxLength: 60 }), enabled: Type.Union([Type.Boolean(), Type.Null()]) },
          { additionalProperties: false },
        ),
        { maxItems: 500 },
      ),
    ),
    emailEnabled: Type.Optional(Type.Boolean()),
    quietHours: Type.Optional(Type.Union([QuietHoursSchema, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
