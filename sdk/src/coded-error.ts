import type { LocalizedText } from './localized-text.js';

/**
 * An error with a stable code, an HTTP status and a message in French and English.
 * Thrown from a route, it becomes the response `{ code, message, details? }`.
 */
export class PreauError extends Error {
  readonly code: string;
  readonly statusCode: number;
  readonly messages: LocalizedText;
  readonly details: unknown;

  constructor(code: string, statusCode: number, messages: LocalizedText, details?: unknown) {
    super(messages.en);
    this.name = 'PreauError';
    this.code = code;
    this.statusCode = statusCode;
    this.messages = messages;
    this.details = details;
  }
}

/** A factory for one coded error; its message may take parameters. */
export interface ErrorDefinition<Params extends unknown[] = []> {
  readonly code: string;
  readonly statusCode: number;
  (...params: Params): PreauError;
  /** True when `error` was made by this definition. */
  is(error: unknown): error is PreauError;
}

/**
 * Declares a coded error. Codes are `PREAU_ERR_<AREA>_<WHAT>` for the core and
 * `<PLUGIN>_ERR_<WHAT>` for a plugin, so a code always says who raised it.
 *
 * @example
 * const MenuNotFound = defineError('LUNCH_MENU_ERR_NOT_FOUND', 404,
 *   (week: string) => ({ fr: `Aucun menu pour la semaine ${week}.`, en: `No menu for week ${week}.` }));
 * throw MenuNotFound('2026-W48');
 */
export function defineError<Params extends unknown[] = []>(
  code: string,
  statusCode: number,
  messages: LocalizedText | ((...params: Params) => LocalizedText),
  details?: (...params: Params) => unknown,
): ErrorDefinition<Params> {
  const make = (...params: Params): PreauError =>
    new PreauError(
      code,
      statusCode,
      typeof messages === 'function' ? messages(...params) : messages,
      details ? details(...params) : undefined,
    );
  return Object.assign(make, {
    code,
    statusCode,
    is: (error: unknown): error is PreauError => error instanceof PreauError && error.code === code,
  });
}

/** True for any Préau coded error, including one from another copy of the SDK. */
export function isPreauError(error: unknown): error is PreauError {
  return (
    error instanceof PreauError ||
    (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'PreauError')
  );
}
