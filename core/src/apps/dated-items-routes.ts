import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { DATED_ITEM_KINDS, type PluginServices, type TypeBoxTypeProvider } from '@preau/sdk';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import type { AppEnablement } from './app-enablement.js';
import { requireUser } from '../identity/access.js';
import { DatedItemsWindowInvalid } from '../errors.js';
import { ErrorResponses } from '../http/common-schemas.js';

const Day = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', maxLength: 10 });
const MAX_DAYS = 62;
const MAX_ITEMS_PER_APP = 500;
const Kind = Type.Union(DATED_ITEM_KINDS.map((kind) => Type.Literal(kind)));

/**
 * `GET /api/core/dated-items?from&to[&kind]`: what the apps that declare `datedItems` have on those days for the
 * user (homework due, deadlines, holidays), for calendars to show beside their events without knowing the apps,
 * and for an app to find another's dates by kind (the next holidays). Each app is asked for the schools where it
 * is on, and answers only what the user may open; one that fails is left out. A span of days counts when it
 * overlaps the window.
 */
export async function datedItemsRoutes(parent: FastifyInstance, deps: { registry: PluginRegistry; apps: AppEnablement }): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/api/core/dated-items', {
    schema: {
      querystring: Type.Object({ from: Day, to: Day, kind: Type.Optional(Kind) }, { additionalProperties: false }),
      response: {
        200: Type.Array(Type.Object({
          app: Type.String(),
          title: Type.Object({ fr: Type.String(), en: Type.String() }),
          items: Type.Array(Type.Object({
            id: Type.String(), title: Type.String(), day: Type.String(), time: Type.Optional(Type.String()), lastDay: Type.Optional(Type.String()), kind: Type.Optional(Kind), url: Type.String(),
          })),
        })),
        ...ErrorResponses,
      },
    },
  }, async (request) => {
    const user = requireUser(request);
    const { from, to, kind } = request.query;
    const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
    if (!(days >= 0 && days <= MAX_DAYS)) throw DatedItemsWindowInvalid();
    const answers = await Promise.all(deps.registry.active().map(async (record) => {
      const provide = record.manifest?.datedItems;
      const schools = user.schools.filter((school) => deps.apps.isEnabled(school.id, record.name));
      if (!provide || !record.services || schools.length === 0) return null;
      try {
        const items = (await provide(user, { from, to, schools }, record.services as PluginServices))
          .filter((item) => (item.lastDay ?? item.day) >= from && item.day <= to && (!kind || item.kind === kind))
          .slice(0, MAX_ITEMS_PER_APP);
        return { app: record.name, title: record.manifest!.title, items };
      } catch (error) {
        request.log.error({ plugin: record.name, err: error }, 'dated items failed');
        return null;
      }
    }));
    return answers.flatMap((answer) => (answer && answer.items.length > 0 ? [answer] : []));
  });
}
