import { Type } from '@sinclair/typebox';
import { PROFILES } from '@preau/sdk';

const Name = Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 40 });
// A name of the shell's icon set (`messaging`), an emoji, or the plugin's own SVG (`<svg …>`, shown as an image).
const AppIcon = Type.String({ minLength: 1, maxLength: 16384 });
const Text = Type.Object(
  { fr: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) },
  { additionalProperties: false },
);
const Key = '^[a-z][a-zA-Z0-9-]*$';
const Delivery = Type.Union(['immediate', 'daily', 'weekly', 'never'].map((d) => Type.Literal(d)));

/**
 * The data part of a plugin manifest, as ajv checks it. URLs and functions are replaced by markers before
 * validation (see `manifestData`), so the schema only speaks of JSON.
 */
export const ManifestSchema = Type.Object(
  {
    name: Name,
    version: Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$' }),
    sdk: Type.String({ minLength: 1 }),
    title: Text,
    description: Type.Optional(Text),
    icon: Type.Optional(AppIcon),
    dependsOn: Type.Optional(Type.Array(Name, { uniqueItems: true })),
    rights: Type.Optional(
      Type.Record(
        Type.String({ pattern: Key }),
        Type.Object(
          {
            title: Type.Optional(Text),
            default: Type.Array(Type.Union(PROFILES.map((p) => Type.Literal(p))), { uniqueItems: true }),
          },
          { additionalProperties: false },
        ),
        { additionalProperties: false },
      ),
    ),
    notifications: Type.Optional(
      Type.Record(
        Type.String({ pattern: Key }),
        Type.Object(
          {
            title: Type.Optional(Text),
            message: Type.Optional(Text),
            defaultDelivery: Delivery,
            deliveryByProfile: Type.Optional(
              Type.Object(Object.fromEntries(PROFILES.map((p) => [p, Type.Optional(Delivery)])), { additionalProperties: false }),
            ),
            timelineOnly: Type.Optional(Type.Boolean()),
            push: Type.Optional(Type.Boolean()),
            profiles: Type.Optional(Type.Array(Type.Union(PROFILES.map((p) => Type.Literal(p))), { minItems: 1, uniqueItems: true })),
          },
          { additionalProperties: false },
        ),
        { additionalProperties: false },
      ),
    ),
    sharing: Type.Optional(
      Type.Record(
        Type.String({ pattern: Key, maxLength: 40 }),
        Type.Object(
          {
            title: Text,
            // A path of the shell with the resource's id in it.
            url: Type.String({ pattern: '^/(?!/).*\\{id\\}', maxLength: 200 }),
            right: Type.Optional(Type.String({ pattern: Key })),
            // The type's roles, weakest first (distinct names, checked in validate-manifest).
            roles: Type.Optional(Type.Array(
              Type.Object(
                { name: Type.String({ pattern: '^[a-z][a-zA-Z0-9-]*$', maxLength: 40 }), label: Text, description: Text },
                { additionalProperties: false },
              ),
              { minItems: 2, maxItems: 8 },
            )),
            implicitManagers: Type.Optional(Type.Literal('school-admins')),
          },
          { additionalProperties: false },
        ),
        { additionalProperties: false },
      ),
    ),
    // Who may read a thing of the app that holds inserted files (`/api/core/files/<id>`).
    fileHolders: Type.Optional(
      Type.Record(
        Type.String({ pattern: Key, maxLength: 40 }),
        Type.Object({ canRead: Type.Literal('[function]') }, { additionalProperties: false }),
        { additionalProperties: false },
      ),
    ),
    // The app that keeps people's own files, into which others file through `services.personalFiles`.
    personalFiles: Type.Optional(Type.Object({ file: Type.Literal('[function]') }, { additionalProperties: false })),
    settings: Type.Optional(Type.Object({}, { additionalProperties: true })),
    migrations: Type.Optional(Type.String({ minLength: 1 })),
    routes: Type.Optional(Type.Literal('[function]')),
    publicRoutes: Type.Optional(Type.Literal('[function]')),
    publicPages: Type.Optional(Type.Literal('[function]')),
    exportPersonalData: Type.Optional(Type.Literal('[function]')),
    badge: Type.Optional(Type.Literal('[function]')),
    datedItems: Type.Optional(Type.Literal('[function]')),
    demo: Type.Optional(Type.Literal('[function]')),
    web: Type.Optional(
      Type.Object(
        {
          entry: Type.String({ minLength: 1 }),
          launcher: Type.Optional(Type.Object({ icon: AppIcon }, { additionalProperties: false })),
          home: Type.Optional(Type.Array(
            Type.Object(
              { element: Type.String({ pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)+$', maxLength: 80 }), placement: Type.Union([Type.Literal('top'), Type.Literal('widget')]) },
              { additionalProperties: false },
            ),
            { maxItems: 4 },
          )),
          account: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)+$', maxLength: 80 }), { maxItems: 2 })),
          editor: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

/** Names a plugin may not take: they are the core's schema, URL prefixes or Postgres' own schemas. */
export const RESERVED_NAMES = new Set(['core', 'public', 'apps', 'vendor', 'shell', 'setup', 'information-schema']);
