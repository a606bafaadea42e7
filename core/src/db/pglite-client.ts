import type { Knex } from 'knex';
import ClientPgLite from 'knex-pglite';

type Response = { method?: string } & Record<string, unknown>;
const Base = ClientPgLite as unknown as new (config: Knex.Config) => { processResponse(obj: Response, runner: unknown): unknown };

/**
 * knex-pglite derives the SQL command from knex's method name, so `del()` becomes "DEL" and `increment()`
 * "COUNTER": knex then returns the raw result instead of the number of rows, and `if (deleted === 0)` never
 * fires. Naming them as PostgreSQL does gives PGlite the same answers as pg.
 */
export class PgliteClient extends Base {
  override processResponse(obj: Response, runner: unknown): unknown {
    const method = obj.method === 'del' ? 'delete' : obj.method === 'counter' ? 'update' : obj.method;
    return super.processResponse({ ...obj, method }, runner);
  }
}
