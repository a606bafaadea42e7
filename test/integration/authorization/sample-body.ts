/**
 * A small valid value for a route's JSON schema (TypeBox), so that a request passes validation and reaches the
 * route's own checks: a 400 from the schema proves nothing about authorization. Fields that name people or
 * things get school A's (`ids`): a caller from elsewhere then asks to act on A through the body too.
 */
interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  allOf?: Schema[];
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  minItems?: number;
  minProperties?: number;
}

/** Values for field names, as the world provides them (an id, or a list of ids). */
export type FieldValues = Record<string, number | string | readonly (number | string)[]>;

// Strings a pattern of the platform accepts; the first that matches is used.
const PATTERN_CANDIDATES = ['Texte', '2026-W48', '0999999Z', 'liaison', 'post', 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6', '0.1.1', 'texte'];

function accepts(schema: Schema, type: string): boolean {
  if (schema.type === type || (Array.isArray(schema.type) && schema.type.includes(type))) return true;
  return (schema.anyOf ?? []).some((variant) => accepts(variant, type));
}

function sampleString(schema: Schema, name: string, now: Date): string {
  const day = 86_400_000;
  if (schema.format === 'date-time') return new Date(now.getTime() + (/^(ends|expires)/i.test(name) ? 3 : 1) * day).toISOString();
  if (schema.format === 'date') return new Date(now.getTime() + (/^(ends|until)/i.test(name) ? 3 : 1) * day).toISOString().slice(0, 10);
  if (schema.format === 'email') return 'personne@example.org';
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern, 'u');
    const found = PATTERN_CANDIDATES.find((candidate) => pattern.test(candidate));
    if (found) return found;
  }
  const text = 'Texte'.padEnd(schema.minLength ?? 0, 'x');
  return schema.maxLength !== undefined ? text.slice(0, schema.maxLength) : text;
}

/** A valid value for `schema`, or undefined for an optional field better left out. */
export function sampleValue(schema: Schema, name: string, ids: FieldValues, now: Date): unknown {
  const known = ids[name];
  if (known !== undefined) {
    if (accepts(schema, 'array')) return [known].flat();
    if (!Array.isArray(known) && (accepts(schema, 'integer') || accepts(schema, 'string'))) return known;
  }
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) {
    const variant = schema.anyOf.find((v) => v.type !== 'null') ?? schema.anyOf[0]!;
    return sampleValue(variant, name, ids, now);
  }
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((part) => sampleValue(part, name, ids, now)));
  // A default stands, unless the object holds fields that name things (the messaging `to: { users, groups }`).
  const namesThings = Object.keys(schema.properties ?? {}).some((key) => ids[key] !== undefined);
  if (schema.default !== undefined && !namesThings) return schema.default;
  switch ([schema.type].flat()[0]) {
    case 'object': {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const wanted = Object.keys(properties).filter((key) => required.has(key) || ids[key] !== undefined);
      // An edit that needs at least one field (`minProperties`) gets its first optional ones.
      for (const key of Object.keys(properties)) if (wanted.length < (schema.minProperties ?? 0) && !wanted.includes(key)) wanted.push(key);
      return Object.fromEntries(wanted.map((key) => [key, sampleValue(properties[key]!, key, ids, now)]));
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleValue(schema.items ?? {}, name, ids, now));
    case 'string':
      return sampleString(schema, name, now);
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return undefined;
  }
}
