import type { FastifyInstance } from 'fastify';
import type { Clock, CommunicationService, NotifyService } from '@preau/sdk';
import type { Knex } from 'knex';
import { directoryRoutes } from './directory-routes.js';
import { rulesRoutes } from './rules-routes.js';
import { gatewayRoutes } from './gateway-routes.js';

/** The address book, a school's communication rules, and gateways between schools. */
export async function communicationRoutes(app: FastifyInstance, deps: { knex: Knex; clock: Clock; communication: CommunicationService; notify: NotifyService }): Promise<void> {
  await app.register(directoryRoutes, deps);
  await app.register(rulesRoutes, deps);
  await app.register(gatewayRoutes, deps);
}
