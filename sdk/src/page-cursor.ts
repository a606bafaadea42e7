import { Type, type TString } from '@sinclair/typebox';
import { defineError } from './coded-error.js';
import { MAX_BIG_ID } from './ids.js';

/**
 * Where the next page of a newest-first list starts (keyset pagination): the sort instant and the id of the
 * previous page's last row, after an optional small rank sorted first (news: headlines before the rest).
 */
export interface PageCursor {
  /** A small number sorted before the instant (0 to 999), for lists that put some rows first. */
  rank?: number;
  at: Date;
  id: number;
}

/** A cursor that is well formed but names an impossible place (an id too large for any row). */
export const PageCursorInvalid = defineError('PREAU_ERR_CURSOR', 400, {
  fr: 'Requête invalide : le curseur de pagination est incorrect. Rechargez la liste.',
  en: 'Invalid request: the pagination cursor is wrong. Reload the list.',
});

// Milliseconds on at most 15 digits (until the year 33658), well inside what a Date and PostgreSQL hold.
const INSTANT_ID = '\\d{1,15}\\.\\d{1,16}';

/**
 * The schema of a cursor in a query string: `<ms>.<id>`, or `<rank>.<ms>.<id>` with `ranked`. Anything else
 * is refused by validation with a coded 400, never parsed into an invalid date or an out-of-range id.
 *
 * @example
 * querystring: Type.Object({ cursor: Type.Optional(PageCursorSchema()), limit: Type.Integer({ minimum: 1, maximum: 100 }) })
 */
export function PageCursorSchema(options: { ranked?: boolean } = {}): TString {
  return Type.String({ pattern: options.ranked ? `^\\d{1,3}\\.${INSTANT_ID}$` : `^${INSTANT_ID}$`, maxLength: 40 });
}

/** The text of a cursor: `<ms>.<id>`, or `<rank>.<ms>.<id>` when it has a rank. */
export function encodePageCursor(cursor: PageCursor): string {
  const instantId = `${cursor.at.getTime()}.${cursor.id}`;
  return cursor.rank === undefined ? instantId : `${cursor.rank}.${instantId}`;
}

/**
 * Reads a cursor that `PageCursorSchema` let through (undefined when there is none); throws
 * `PageCursorInvalid` (400) when it does not have the expected shape or its id is beyond `maxId`
 * (2⁵³−1 by default; pass `MAX_ID` for a table keyed by `integer`).
 */
export function decodePageCursor(text: string | undefined, options: { ranked?: boolean; maxId?: number } = {}): PageCursor | undefined {
  if (text === undefined || text === '') return undefined;
  const parts = text.split('.');
  if (parts.length !== (options.ranked ? 3 : 2) || !parts.every((part) => /^\d{1,16}$/.test(part))) throw PageCursorInvalid();
  const numbers = parts.map(Number);
  const [id, ms] = [numbers.pop()!, numbers.pop()!];
  const at = new Date(ms);
  if (id < 1 || id > (options.maxId ?? MAX_BIG_ID) || ms > 999_999_999_999_999 || Number.isNaN(at.getTime())) throw PageCursorInvalid();
  return options.ranked ? { rank: numbers[0]!, at, id } : { at, id };
}
