import type { InjectOptions } from 'fastify';
import type { RouteEntry } from '@preau/core';
import { branches, sampleValue, typeOf, type KnownIds, type Schema } from './sample-value.js';

/** One request that a route must refuse (or serve) without a 5xx. */
export interface BadRequest {
  /** What was wrong, for the failure message: `body.title: NUL`. */
  label: string;
  request: InjectOptions;
}

const NUL = 'a\u0000b';
/** Just under the body limit (1 MiB) once in JSON, so it reaches validation and the handler. */
const HUGE = 'x'.repeat(1_000_000);
/** Node's HTTP server refuses a request line over 16 KiB (431) before the app sees it: that is the most a URL carries. */
const HUGE_IN_URL = 'x'.repeat(16_000);
const OVERSIZED_IDS = ['2147483648', '99999999999999999999'];
const BAD_CURSORS = ['1.1', '1.8640000000000001.1', '999999999999999.999999999999999999', '-1', '1e999', '0.0.0.0', 'abc', '9'.repeat(40)];
const CURSOR_NAME = /cursor|before|after|since|until|next|page/i;

/** A value of the wrong JSON type for a schema. */
function wrongType(schema: Schema): unknown {
  switch (typeOf(schema)) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return 'douze';
    case 'boolean':
      return 'oui';
    case 'array':
      return { not: 'an array' };
    case 'object':
      return ['not', 'an', 'object'];
    default:
      return { unexpected: true };
  }
}

/** Every field of a body schema with its path, nested objects and array items included (a few levels). */
function fieldsOf(schema: Schema, path: string[] = [], depth = 0): { path: string[]; schema: Schema }[] {
  const main = branches(schema)[0]!;
  if (depth > 3) return [];
  if (typeOf(main) === 'object' && main.properties) {
    return Object.entries(main.properties).flatMap(([key, inner]) => [{ path: [...path, key], schema: inner }, ...fieldsOf(inner, [...path, key], depth + 1)]);
  }
  if (typeOf(main) === 'array' && main.items && depth > 0) return fieldsOf(main.items, [...path, '0'], depth + 1);
  return [];
}

/** A copy of `base` with `value` at `path`, creating objects and one-item arrays on the way. */
function withValue(base: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  if (head === '0') {
    const list = Array.isArray(base) ? [...(base as unknown[])] : [];
    list[0] = withValue(list[0], rest, value);
    return list;
  }
  const object = typeof base === 'object' && base !== null && !Array.isArray(base) ? { ...(base as Record<string, unknown>) } : {};
  object[head] = withValue(object[head], rest, value);
  return object;
}

function urlOf(route: RouteEntry, params: Record<string, string>, query: Record<string, unknown>): string {
  const path = route.url.replace(/:(\w+)|\*/g, (match, name: string | undefined) => encodeURIComponent(params[name ?? '*'] ?? 'x'));
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, typeof item === 'string' ? item : JSON.stringify(item));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

function paramNames(route: RouteEntry): string[] {
  return [...route.url.matchAll(/:(\w+)|\*/g)].map((match) => match[1] ?? '*');
}

/** A multipart body with one file, for routes that read uploads (they declare no body schema). */
function multipart(fields: { name: string; filename?: string; value: string }[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----preauRobustness';
  const parts = fields.map((field) =>
    field.filename === undefined
      ? `--${boundary}\r\nContent-Disposition: form-data; name="${field.name}"\r\n\r\n${field.value}\r\n`
      : `--${boundary}\r\nContent-Disposition: form-data; name="${field.name}"; filename="${field.filename}"\r\nContent-Type: text/plain\r\n\r\n${field.value}\r\n`,
  );
  return { payload: Buffer.from(`${parts.join('')}--${boundary}--\r\n`), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * The bad requests generated for one route from its path and schemas: oversized ids, NUL, huge strings and
 * other values in each path parameter; NUL, wrong types, huge strings, oversized ids and broken cursors in each
 * query parameter; NUL, wrong types, huge strings and oversized ids in each body field (nested ones too), and a
 * body of the wrong shape; for a write without a body schema, multipart uploads with NUL in a file name, a field
 * value and a field name. Every other part of each request is a valid sample, so the bad value reaches as deep
 * as it can.
 */
export function badRequests(route: RouteEntry, known: KnownIds): BadRequest[] {
  const schema = (route.schema ?? {}) as { params?: Schema; querystring?: Schema; body?: Schema };
  const method = route.method as InjectOptions['method'];
  const names = paramNames(route);
  const params: Record<string, string> = Object.fromEntries(
    names.map((name) => [name, String(sampleValue(schema.params?.properties?.[name] ?? { type: 'string' }, known, name))]),
  );
  const query = (schema.querystring ? sampleValue(schema.querystring, known) : {}) as Record<string, unknown>;
  const body = schema.body ? sampleValue(schema.body, known) : undefined;
  const send = (label: string, parts: { params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown; raw?: { payload: Buffer; headers: Record<string, string> } }): BadRequest => {
    const request: InjectOptions = { method, url: urlOf(route, parts.params ?? params, parts.query ?? query) };
    if (parts.raw) Object.assign(request, parts.raw);
    else if ('body' in parts || body !== undefined) {
      // Serialized once here rather than by each of the callers that send it.
      request.payload = JSON.stringify('body' in parts ? parts.body : body);
      request.headers = { 'content-type': 'application/json' };
    }
    return { label, request };
  };
  const out: BadRequest[] = [];

  for (const name of names) {
    for (const value of [...OVERSIZED_IDS, NUL, HUGE_IN_URL, '-1', '1.5']) {
      out.push(send(`params.${name}: ${value.length > 30 ? 'huge' : JSON.stringify(value)}`, { params: { ...params, [name]: value } }));
    }
  }

  for (const [name, property] of Object.entries(schema.querystring?.properties ?? {})) {
    const values: unknown[] = [NUL, HUGE_IN_URL, ['a', 'b']];
    if (typeOf(property) !== 'string') values.push('douze');
    if (['integer', 'number', 'array'].includes(typeOf(property) ?? '')) values.push(...OVERSIZED_IDS);
    if (CURSOR_NAME.test(name)) values.push(...BAD_CURSORS);
    for (const value of values) {
      const shown = typeof value === 'string' && value.length > 40 ? 'huge' : JSON.stringify(value);
      out.push(send(`querystring.${name}: ${shown}`, { query: { ...query, [name]: value } }));
    }
  }

  if (schema.body) {
    for (const field of fieldsOf(schema.body)) {
      const at = `body.${field.path.join('.')}`;
      const values: unknown[] = [NUL, wrongType(field.schema), HUGE];
      const type = typeOf(field.schema);
      if (type === 'integer' || type === 'number') values.push(2147483648, 1e20, -1, 1.5);
      if (type === 'array') values.push([2147483648], [NUL], [1e20]);
      for (const value of values) {
        const shown = typeof value === 'string' && value.length > 40 ? 'huge' : JSON.stringify(value);
        out.push(send(`${at}: ${shown}`, { body: withValue(body, field.path, value) }));
      }
    }
    out.push(send('body: an array', { body: [] }), send('body: a string', { raw: { payload: Buffer.from(JSON.stringify(NUL)), headers: { 'content-type': 'application/json' } } }));
  } else if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    out.push(
      send('multipart: NUL in a file name', { raw: multipart([{ name: 'file', filename: 'photo\u0000.txt', value: 'bonjour' }]) }),
      send('multipart: NUL in a field value', { raw: multipart([{ name: 'title', value: NUL }, { name: 'file', filename: 'note.txt', value: 'bonjour' }]) }),
      send('multipart: NUL in a field name', { raw: multipart([{ name: 'ti\u0000tle', value: 'x' }, { name: 'file', filename: 'note.txt', value: 'bonjour' }]) }),
      send('multipart: NUL bytes in a file', { raw: multipart([{ name: 'file', filename: 'note.csv', value: `a;b\u0000;c\r\n${NUL};2` }]) }),
      send('json: NUL in an unexpected body', { body: { text: NUL } }),
    );
  }
  return out;
}
