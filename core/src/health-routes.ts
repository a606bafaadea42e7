import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@preau/sdk';
import type { PluginRegistry } from './plugins/plugin-registry.js';
import type { Database } from './db/open-database.js';
import { CORE_VERSION } from './version.js';
import { workerNumber } from './cluster/worker-number.js';
import { requireAcademyAdmin, requireUser } from './identity/access.js';
import { ErrorResponses } from './http/common-schemas.js';

const PluginStatus = Type.Object({
  name: Type.String(),
  version: Type.String(),
  state: Type.Union([Type.Literal('active'), Type.Literal('failed'), Type.Literal('disabled')]),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) })),
});

/** `GET /api/core/health` (open to all, for load balancers) and the administrators' plugin list. */
export async function healthRoutes(parent: FastifyInstance, deps: { registry: PluginRegistry; database: Database }): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const plugins = () =>
    deps.registry.all().map((r) => ({ name: r.name, version: r.version, state: r.state, ...(r.error ? { error: r.error } : {}) }));

  app.get('/api/core/health', {
    schema: {
      response: {
        200: Type.Object({
          status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
          version: Type.String(),
          database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
          /** Which of `preau start --workers N`'s processes answered (1 without workers): a proxy's checks tell them apart. */
          instance: Type.Integer({ minimum: 1 }),
          plugins: Type.Array(PluginStatus),
        }),
      },
    },
  }, async () => {
    const list = plugins();
    return {
      status: list.some((p) => p.state === 'failed') ? ('degraded' as const) : ('ok' as const),
      version: CORE_VERSION,
      database: deps.database.kind,
      instance: workerNumber(),
      plugins: list,
    };
  });

  app.get('/api/core/plugins', {
    schema: {
      response: {
        200: Type.Array(
          Type.Intersect([
            PluginStatus,
            Type.Object({
              source: Type.String(),
              bundle: Type.Optional(Type.String()),
              title: Type.Optional(Type.Object({ fr: Type.String(), en: Type.String() })),
              dependsOn: Type.Array(Type.String()),
              rights: Type.Array(Type.String()),
              notifications: Type.Array(Type.String()),
            }),
          ]),
        ),
        ...ErrorResponses,
      },
    },
  }, async (request) => {
    requireAcademyAdmin(requireUser(request));
    return deps.registry.all().map((r) => ({
      name: r.name,
      version: r.version,
      state: r.state,
      ...(r.error ? { error: r.error } : {}),
      source: r.source,
      ...(r.bundle ? { bundle: r.bundle } : {}),
      ...(r.manifest ? { title: r.manifest.title } : {}),
      dependsOn: [...(r.manifest?.dependsOn ?? [])],
      rights: Object.keys(r.manifest?.rights ?? {}),
      notifications: Object.keys(r.manifest?.notifications ?? {}),
    }));
  });
}
