import { Type, type Static } from '@preau/sdk';

/** An ISO week, e.g. 2026-W48. */
export const Week = Type.String({ pattern: '^\\d{4}-W(0[1-9]|[1-4]\\d|5[0-3])$' });

const Dish = Type.String({ minLength: 1, maxLength: 120 });

/** One school day's lunch. */
export const MenuDay = Type.Object(
  {
    day: Type.Union(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((d) => Type.Literal(d))),
    starter: Type.Optional(Dish),
    main: Dish,
    side: Type.Optional(Dish),
    dessert: Type.Optional(Dish),
    /** Allergens and labels (bio, local), as the canteen writes them. */
    notes: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);

/** What a publisher sends. */
export const MenuInput = Type.Object(
  { days: Type.Array(MenuDay, { minItems: 1, maxItems: 5 }) },
  { additionalProperties: false },
);

/** A published week's menu. */
export const Menu = Type.Object({
  schoolId: Type.Integer(),
  week: Week,
  days: Type.Array(MenuDay),
  publishedAt: Type.String({ format: 'date-time' }),
});

export type MenuDay = Static<typeof MenuDay>;
export type Menu = Static<typeof Menu>;
