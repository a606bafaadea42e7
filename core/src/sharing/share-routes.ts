import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { Id, PROFILES, roleIncludes, sharingWithRoles, type AppEnablementService, type RightsService, type SharingService, type TypeBoxTypeProvider, type ResourceGrants } from '@preau/sdk';
import { requireUser } from '../identity/access.js';
import { ErrorResponses } from '../http/common-schemas.js';
import { languageOf } from '../http/error-handler.js';
import { AppDisabled, Forbidden } from '../errors.js';
import type { CoreSharing } from './sharing-service.js';
import { ShareGrantNotFound, ShareManageRequired, ShareNotFound } from './sharing-errors.js';

// A role of the type's list (the service refuses any other with PREAU_ERR_SHARE_ROLE_UNKNOWN).
const Role = Type.String({ pattern: '^[a-z][a-zA-Z0-9-]*$', maxLength: 40 });
const ResourceParams = Type.Object({
  app: Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 40 }),
  type: Type.String({ pattern: '^[a-z][a-zA-Z0-9-]*$', maxLength: 40 }),
  id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }),
});
type ResourceParams = Static<typeof ResourceParams>;
const Person = Type.Object({ id: Type.Integer(), displayName: Type.String() });
const GrantsSchema = Type.Object({
  resource: Type.Object({ app: Type.String(), type: Type.String(), id: Type.String() }),
  /** The caller's own role: the type's last role, or `owner`. */
  role: Type.String(),
  /** The type's roles, weakest first, in the caller's language: the dialog's menu (the last one manages). */
  roles: Type.Array(Type.Object({ name: Type.String(), label: Type.String(), description: Type.String() })),
  owner: Type.Union([Person, Type.Null()]),
  grants: Type.Array(Type.Object({
    grantee: Type.Union([
      Type.Object({ kind: Type.Literal('user'), id: Type.Integer(), displayName: Type.String(), profile: Type.Union(PROFILES.map((p) => Type.Literal(p))) }),
      Type.Object({ kind: Type.Literal('group'), id: Type.Integer(), name: Type.String(), schoolId: Type.Integer() }),
    ]),
    role: Role,
    schoolId: Type.Union([Type.Integer(), Type.Null()]),
    grantedBy: Type.Union([Person, Type.Null()]),
    grantedAt: Type.String({ format: 'date-time' }),
    /** The ancestor it comes from: its type's title in the caller's language (« un dossier ») and its address. */
    inheritedFrom: Type.Union([Type.Object({ type: Type.String(), id: Type.String(), title: Type.String(), url: Type.String() }), Type.Null()]),
    lapsed: Type.Boolean(),
  })),
});
const GrantBody = Type.Object({
  role: Role,
  users: Type.Optional(Type.Array(Id(), { maxItems: 200, uniqueItems: true })),
  groups: Type.Optional(Type.Array(Id(), { maxItems: 50, uniqueItems: true })),
  /** Tells the people who gain access (timeline, and email as each chose). */
  notify: Type.Optional(Type.Boolean({ default: true })),
});

/**
 * The share dialog's routes, for every app: the core cannot know an app's resources, so it serves only the
 * types the app declares in its manifest (`sharing`), the resources the app registered, and only to people
 * who manage them (their owner, or `manage` on them or an ancestor). Someone with no role on a resource, or
 * of another school, learns nothing of it (404); a reader is told they may not manage it (403).
 */
export async function shareRoutes(
  parent: FastifyInstance,
  deps: { sharing: CoreSharing; apps: AppEnablementService; rights: RightsService },
): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const base = '/api/core/shares/:app/:type/:id';

  /** The app's sharing service once the caller may manage the resource: the checks of every route here. */
  const managed = async (request: FastifyRequest, params: ResourceParams): Promise<{ service: SharingService<string>; role: string }> => {
    const user = requireUser(request);
    const declared = deps.sharing.declaration(params.app, params.type);
    if (!declared) throw ShareNotFound();
    const schools = deps.apps.enabledSchools(user.schools.map((school) => school.id), params.app);
    if (schools.length === 0) throw AppDisabled(params.app);
    if (declared.right && !deps.rights.can(user, params.app, declared.right, schools)) throw Forbidden(`partager dans ${params.app}`, `share in ${params.app}`);
    const roles = deps.sharing.roles(params.app, params.type).map((declared) => declared.name);
    const service = sharingWithRoles(deps.sharing.forApp(params.app), roles);
    const role = await service.roleOf(user.id, { type: params.type, id: params.id });
    if (!role) throw ShareNotFound();
    if (!roleIncludes(role, roles.at(-1)!, roles)) throw ShareManageRequired();
    return { service, role };
  };
  // The dialog says where an inherited grant comes from: the core knows the ancestor's type and id, not its
  // name (names stay in the app), so it gives the type's title and the ancestor's address in the app.
  const ancestor = (request: FastifyRequest, app: string, from: { type: string; id: string }) => {
    const declared = deps.sharing.declaration(app, from.type);
    return {
      ...from,
      title: declared?.title[languageOf(request)] ?? from.type,
      url: declared ? declared.url.replace('{id}', encodeURIComponent(from.id)) : '',
    };
  };
  const answer = (request: FastifyRequest, params: ResourceParams, role: string, grants: ResourceGrants<string>) => ({
    resource: { app: params.app, type: params.type, id: params.id },
    role,
    roles: deps.sharing.roles(params.app, params.type).map((declared) => ({
      name: declared.name,
      label: declared.label[languageOf(request)],
      description: declared.description[languageOf(request)],
    })),
    owner: grants.owner,
    grants: grants.grants.map((grant) => ({
      ...grant,
      grantedAt: grant.grantedAt.toISOString(),
      inheritedFrom: grant.inheritedFrom ? ancestor(request, params.app, grant.inheritedFrom) : null,
    })),
  });

  app.get(base, { schema: { params: ResourceParams, response: { 200: GrantsSchema, ...ErrorResponses } } }, async (request) => {
    const { service, role } = await managed(request, request.params);
    return answer(request, request.params, role, await service.listGrants({ type: request.params.type, id: request.params.id }));
  });

  // Adds or changes grants: one role for the people and groups listed, all of them or none.
  app.put(base, { schema: { params: ResourceParams, body: GrantBody, response: { 200: GrantsSchema, ...ErrorResponses } } }, async (request) => {
    const { service, role } = await managed(request, request.params);
    const resource = { type: request.params.type, id: request.params.id };
    const { role: granted, users, groups, notify } = request.body;
    await service.grant(resource, { role: granted, users, groups }, { by: request.currentUser!.id, notify: notify !== false });
    return answer(request, request.params, role, await service.listGrants(resource));
  });

  const GranteeParams = {
    user: Type.Composite([ResourceParams, Type.Object({ userId: Id() })]),
    group: Type.Composite([ResourceParams, Type.Object({ groupId: Id() })]),
  };
  app.delete(`${base}/users/:userId`, { schema: { params: GranteeParams.user, response: { 204: Type.Null(), ...ErrorResponses } } }, async (request, reply) => {
    const { service } = await managed(request, request.params);
    const removed = await service.revoke({ type: request.params.type, id: request.params.id }, { user: request.params.userId }, { by: request.currentUser!.id });
    if (!removed) throw ShareGrantNotFound();
    return reply.code(204).send(null);
  });
  app.delete(`${base}/groups/:groupId`, { schema: { params: GranteeParams.group, response: { 204: Type.Null(), ...ErrorResponses } } }, async (request, reply) => {
    const { service } = await managed(request, request.params);
    const removed = await service.revoke({ type: request.params.type, id: request.params.id }, { group: request.params.groupId }, { by: request.currentUser!.id });
    if (!removed) throw ShareGrantNotFound();
    return reply.code(204).send(null);
  });
}
