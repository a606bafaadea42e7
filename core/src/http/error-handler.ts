import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isPreauError, type Language, type PreauError } from '@preau/sdk';
import { BadRequest, InputRejected, InternalError, ValidationFailed } from '../errors.js';
import { validationProblems } from './validation-problems.js';

/** French unless the user (or, signed out, the browser) asks for English. */
export function languageOf(request: FastifyRequest): Language {
  if (request.currentUser) return request.currentUser.language;
  const accept = request.headers['accept-language'];
  return typeof accept === 'string' && /^en\b/i.test(accept.trim()) ? 'en' : 'fr';
}

/** Sends a coded error as `{ code, message, details? }` in the request's language. */
export function sendError(request: FastifyRequest, reply: FastifyReply, error: PreauError): FastifyReply {
  const body: { code: string; message: string; details?: unknown } = {
    code: error.code,
    message: error.messages[languageOf(request)],
  };
  if (error.details !== undefined) body.details = error.details;
  const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (typeof retryAfter === 'number') reply.header('retry-after', String(Math.ceil(retryAfter)));
  return reply.code(error.statusCode).type('application/json; charset=utf-8').send(body);
}

/**
 * PostgreSQL's data exceptions (class 22: a number out of range, text it cannot read) and foreign key
 * violations (23503) are the client's input, not the server failing: a coded 400 rather than a 500, still logged
 * as an error because the route's schema or checks should have refused the value first.
 */
function isRefusedInput(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (/^22[0-9A-Z]{3}$/.test(code) || code === '23503');
}

/** Turns anything a route throws into a coded error response; unexpected errors are logged, never shown. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (isPreauError(error)) return sendError(request, reply, error);
  if (error.validation) {
    const problems = validationProblems(
      error.validation.map((v) => ({ ...v, params: v.params ?? {} }) as Parameters<typeof validationProblems>[0][number]),
      error.validationContext ?? 'request',
    );
    return sendError(request, reply, ValidationFailed(problems, languageOf(request)));
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const coded = BadRequest(error.message);
    return sendError(request, reply, Object.assign(coded, { statusCode: status }));
  }
  if (isRefusedInput(error)) {
    request.log.error({ err: error }, 'the database refused a value that the route schema let through');
    return sendError(request, reply, InputRejected());
  }
  request.log.error({ err: error }, 'unexpected error');
  return sendError(request, reply, InternalError());
}
