import { Type, type IntegerOptions, type TInteger } from '@sinclair/typebox';

/** The largest id of a row keyed by a PostgreSQL `integer` column: 2³¹−1. */
export const MAX_ID = 2_147_483_647;

/**
 * The largest id of a row keyed by a PostgreSQL `bigint` column that a route accepts: 2⁵³−1, the largest
 * integer a JavaScript number holds exactly (beyond it, two ids would read the same).
 */
export const MAX_BIG_ID = Number.MAX_SAFE_INTEGER;

/**
 * The schema of an id in a route's params, query or body: an integer from 1 to 2³¹−1, the range of the
 * `integer` columns rows are keyed by. Larger numbers are refused with a coded 400 by validation, instead of
 * reaching the database and failing there ("out of range for type integer", a 500).
 * Use it for every id a request carries, including ids in arrays and cursors that are plain ids.
 *
 * @example
 * app.get('/words/:wordId', { schema: { params: Type.Object({ wordId: Id() }) } }, handler);
 * const Recipients = Type.Array(Id(), { maxItems: 500, uniqueItems: true });
 */
export function Id(options: IntegerOptions = {}): TInteger {
  return Type.Integer({ minimum: 1, maximum: MAX_ID, ...options });
}

/**
 * `Id()` for the rows of a table keyed by a `bigint` column (messages, notifications, the audit log, whose
 * numbers may outgrow 2³¹): an integer from 1 to 2⁵³−1.
 */
export function BigId(options: IntegerOptions = {}): TInteger {
  return Type.Integer({ minimum: 1, maximum: MAX_BIG_ID, ...options });
}
