import type { Knex } from 'knex';

// The search path each pooled connection currently has, so we only issue SET when it changes.
const pathOfConnection = new WeakMap<object, string>();

/** The Postgres schema that holds a plugin's tables: its name with dashes as underscores. */
export function schemaOf(pluginName: string): string {
  return pluginName.replace(/-/g, '_');
}

/** Quotes a Postgres identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * A knex that shares the core's pool but runs every query (and transaction) with `search_path` set to `schemas`,
 * so a plugin writes plain `db('menus')` and readable raw SQL. The SET is sent only when the connection last
 * served another schema, which keeps the hot path at one round trip per query.
 */
export function schemaBoundKnex(knex: Knex, schemas: readonly string[]): Knex {
  const path = schemas.map(quoteIdent).join(', ');
  const bound = knex.withUserParams({ searchPath: schemas });
  const client = bound.client as Knex.Client & {
    acquireConnection(): Promise<object>;
    releaseConnection(connection: object): Promise<unknown>;
    _query(connection: object, query: { sql: string }): Promise<unknown>;
  };
  const acquire = client.acquireConnection.bind(client);
  client.acquireConnection = async () => {
    const connection = await acquire();
    if (pathOfConnection.get(connection) !== path) {
      try {
        await client._query(connection, { sql: `set search_path to ${path}` });
      } catch (error) {
        pathOfConnection.delete(connection);
        await client.releaseConnection(connection);
        throw error;
      }
      pathOfConnection.set(connection, path);
    }
    return connection;
  };
  return bound;
}
