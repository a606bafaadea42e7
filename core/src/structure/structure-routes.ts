import { registerMultipart } from '../http/multipart.js';
import type { FastifyInstance } from 'fastify';
import type { PreauConfig } from '../config/config-schema.js';
import type { IdentityDeps } from '../identity/identity-deps.js';
import { classRoutes } from './class-routes.js';
import { userAdminRoutes } from './user-admin-routes.js';
import { slipRoutes } from './slip-routes.js';
import { groupRoutes } from './group-routes.js';
import { auditRoutes } from '../audit/audit-routes.js';
import { importRoutes } from '../onde/import-routes.js';
import { transferRoutes } from '../onde/transfer-routes.js';
import { staffImportRoutes } from './staff-import-routes.js';
import { relativeLinkRoutes } from './relative-link-routes.js';
import { staffClassRoutes } from './staff-class-routes.js';
import { slipPrintRoutes } from './slip-print-routes.js';
import { staffImportPreviewRoutes } from './staff-import-preview-routes.js';

/** School administration: classes, people, activation slips, groups, imports and the audit log. */
export async function structureRoutes(app: FastifyInstance, deps: IdentityDeps & { config: PreauConfig }): Promise<void> {
  const maxFileMb = deps.config.imports.maxFileMb;
  // One byte over the limit is enough to know a file is too large; the rest is never read.
  await registerMultipart(app, { fileSize: Math.floor(maxFileMb * 1024 * 1024) + 1, files: 2, fields: 10, parts: 12 });
  const common = { knex: deps.knex, clock: deps.clock, activationKey: deps.activationKey, codeDays: deps.identity.activationCodeDays };
  await app.register(classRoutes, common);
  await app.register(userAdminRoutes, { ...common, sessions: deps.sessions, throttle: deps.throttle, mailer: deps.mailer, publicUrl: deps.publicUrl });
  await app.register(slipRoutes, { ...common, sessions: deps.sessions, mailer: deps.mailer, publicUrl: deps.publicUrl });
  await app.register(groupRoutes, common);
  await app.register(relativeLinkRoutes, common);
  await app.register(auditRoutes, common);
  await app.register(importRoutes, { ...common, maxFileMb });
  await app.register(transferRoutes, common);
  await app.register(staffImportRoutes, { ...common, maxFileMb });
  await app.register(staffImportPreviewRoutes, common);
  await app.register(staffClassRoutes, common);
  await app.register(slipPrintRoutes, { ...common, publicUrl: deps.publicUrl });
}
