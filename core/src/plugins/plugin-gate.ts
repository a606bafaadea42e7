import type { FastifyRequest } from 'fastify';
import type { AppEnablementService, RightsService } from '@preau/sdk';
import type { PluginRecord } from './plugin-registry.js';
import { AppDisabled, Forbidden, PluginUnavailable, Unauthenticated } from '../errors.js';

/**
 * The checks in front of every route of a plugin, in its own Fastify context: the plugin is serving, someone
 * is signed in, the app is on for one of their schools today, and they hold the route's right there.
 * It narrows `currentSchools` to the schools where the app is on and, on a route that asks for a right, where
 * the user holds it.
 */
export function pluginGate(record: PluginRecord, apps: AppEnablementService, rights: RightsService) {
  return async function gate(request: FastifyRequest): Promise<void> {
    if (record.state !== 'active') throw PluginUnavailable(record.name);
    const user = request.currentUser;
    if (!user) throw Unauthenticated();
    const schools = user.schools.filter((school) => apps.isEnabled(school.id, record.name));
    if (schools.length === 0) throw AppDisabled(record.name);
    // Rights are chosen per school: a teacher of two schools acts only for the one that gives them the route's
    // right, and every handler that scopes its work to `currentSchools` keeps to it.
    const right = request.routeOptions.config.right;
    const holding = right ? schools.filter((school) => rights.can(user, record.name, right, [school.id])) : schools;
    if (holding.length === 0) throw Forbidden(`utiliser « ${right} » dans ${record.name}`, `use “${right}” in ${record.name}`);
    request.currentSchools = holding;
  };
}
