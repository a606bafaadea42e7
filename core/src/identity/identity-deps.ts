import type { Knex } from 'knex';
import type { Clock } from '@preau/sdk';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionStore } from './sessions.js';
import type { Setup } from './setup.js';
import type { SignInThrottle } from './sign-in-throttle.js';
import type { Mailer } from '../mail/mailer.js';
import type { PreauConfig } from '../config/config-schema.js';
import type { PersonalDataExporter } from './personal-data-export.js';
import { SESSION_COOKIE } from './sessions.js';

/** What the identity routes share. */
export interface IdentityDeps {
  knex: Knex;
  clock: Clock;
  sessions: SessionStore;
  setup: Setup;
  throttle: SignInThrottle;
  mailer: Mailer;
  /** Key of the activation codes' HMAC. */
  activationKey: Buffer;
  identity: PreauConfig['identity'];
  /** Where links in emails point. */
  publicUrl: string;
  secureCookies: boolean;
  absoluteHours: number;
  /** Plugins' contributions to a user's data export. */
  exporters: () => readonly PersonalDataExporter[];
}

/** Opens a session for `userId`, sets its cookie, and returns what the shell needs. */
export async function openSessionWithCookie(
  deps: IdentityDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: number,
): Promise<{ user: NonNullable<FastifyRequest['currentUser']>; csrfToken: string }> {
  const opened = await deps.sessions.create(userId, { ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') });
  const resolved = await deps.sessions.resolve(opened.token);
  reply.setCookie(SESSION_COOKIE, opened.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.secureCookies,
    maxAge: deps.absoluteHours * 3600,
  });
  return { user: resolved!.user, csrfToken: opened.csrfToken };
}
