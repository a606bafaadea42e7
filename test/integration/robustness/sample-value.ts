/** A JSON schema as route schemas carry it (TypeBox output), read loosely. */
export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  examples?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
}

/** Real ids of the fixture, chosen by the parameter's or field's name (`schoolId`, `classIds`, …). */
export type KnownIds = Record<string, number>;

// Candidates tried, in order, for a string with a pattern: a new pattern needs no code as long as one fits.
const PATTERN_CANDIDATES = [
  'texte', 'a', '1', 'inbox', 'lunch-menu', 'post', '2026-W10', '08:30', '0123456A', 'a'.repeat(32), '0123456789abcdef'.repeat(2),
  '1.0.0', '1700000000000.1', '0.1700000000000.1', 'https://example.org', '+33 1 23 45 67 89', 'abc-def', 'x',
];

const FORMATS: Record<string, string> = {
  date: '2026-03-02',
  'date-time': '2026-03-02T08:00:00.000Z',
  time: '08:00:00',
  email: 'famille@example.org',
  uri: 'https://example.org/',
  uuid: '6f1c0c44-8a35-4c4c-9d3e-2f6a0e9b5a11',
};

/** The fixture id a name points at: `schoolId` → the school's id, `pupilIds` → the pupil's; otherwise 1. */
export function idFor(name: string | undefined, known: KnownIds): number {
  const key = (name ?? '').replace(/Ids?$/, '').toLowerCase();
  return known[key] ?? 1;
}

/** The branches of a union, `null` last: the first one is the most useful value. */
export function branches(schema: Schema): Schema[] {
  const options = schema.anyOf ?? schema.oneOf;
  if (!options) return [schema];
  return [...options].sort((a, b) => Number(a.type === 'null') - Number(b.type === 'null'));
}

/** The main type of a schema (the first non-null branch of a union). */
export function typeOf(schema: Schema): string | undefined {
  const first = branches(schema)[0]!;
  if (first.const !== undefined) return typeof first.const;
  if (first.enum) return typeof first.enum[0];
  return Array.isArray(first.type) ? first.type.find((t) => t !== 'null') : first.type;
}

/**
 * A value the schema accepts, as close as a generic reader gets: defaults and examples first, then the type's
 * simplest value (fixture ids for `…Id` names, a known format, the first pattern candidate that matches).
 * Only required properties of objects are filled.
 */
export function sampleValue(schema: Schema, known: KnownIds, name?: string): unknown {
  if (schema.examples?.length) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.anyOf || schema.oneOf) return sampleValue(branches(schema)[0]!, known, name);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((part) => sampleValue(part, known, name)));
  switch (typeOf(schema)) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const key of schema.required ?? []) {
        const property = schema.properties?.[key];
        if (property) value[key] = sampleValue(property, known, key);
      }
      return value;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleValue(schema.items ?? {}, known, name));
    case 'integer':
    case 'number': {
      if (/Ids?$/.test(name ?? '') || name === 'id') return idFor(name, known);
      return schema.minimum ?? Math.min(1, schema.maximum ?? 1);
    }
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'string': {
      if (schema.format && FORMATS[schema.format]) return FORMATS[schema.format];
      if (schema.pattern) {
        const pattern = new RegExp(schema.pattern, 'u');
        return PATTERN_CANDIDATES.find((candidate) => pattern.test(candidate)) ?? 'texte';
      }
      return 'texte'.padEnd(schema.minLength ?? 0, 'e');
    }
    default:
      return 'texte';
  }
}
