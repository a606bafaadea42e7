import type { ErrorObject } from 'ajv';
import { FIELD_LABEL_KEYWORD, fieldProblemText, type FieldProblemKind, type LocalizedText } from '@preau/sdk';
import { FIELD_NAMES } from './field-names.js';

/** One failing field of a request, told to the user: where (`body.title`), its name in the form, and what is wrong. */
export interface ValidationProblem {
  field: string;
  label: LocalizedText;
  messages: LocalizedText;
}

type Schema = Record<string, unknown> | undefined;

const FORMAT_KINDS: Record<string, FieldProblemKind> = {
  'date-time': 'notADate',
  date: 'notADate',
  time: 'notADate',
  email: 'notAnEmail',
  uri: 'notAnAddress',
  url: 'notAnAddress',
};

const TYPE_KINDS: Record<string, FieldProblemKind> = {
  integer: 'notAnInteger',
  number: 'notANumber',
  string: 'notText',
  boolean: 'notYesNo',
};

function kindOf(error: ErrorObject): { kind: FieldProblemKind; limit?: number | string } {
  const params = error.params as Record<string, unknown>;
  const limit = params.limit as number | string | undefined;
  switch (error.keyword) {
    case 'required':
      return { kind: 'required' };
    case 'additionalProperties':
      return { kind: 'unknownField' };
    case 'minLength':
      return { kind: 'tooShort', limit };
    case 'maxLength':
      return { kind: 'tooLong', limit };
    case 'minimum':
    case 'exclusiveMinimum':
      return { kind: 'tooSmall', limit };
    case 'maximum':
    case 'exclusiveMaximum':
      return { kind: 'tooLarge', limit };
    case 'minItems':
      return { kind: 'tooFewItems', limit };
    case 'maxItems':
      return { kind: 'tooManyItems', limit };
    case 'uniqueItems':
      return { kind: 'duplicates' };
    case 'format':
      return { kind: FORMAT_KINDS[String(params.format)] ?? 'badFormat' };
    case 'pattern':
      return { kind: 'badFormat' };
    case 'type':
      return { kind: TYPE_KINDS[String(params.type)] ?? 'invalid' };
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return { kind: 'notAChoice' };
    default:
      return { kind: 'invalid' };
  }
}

/** The schema of the failing field: a missing or unknown property's own, else the one that failed. */
function fieldSchema(error: ErrorObject, property: string | undefined): Schema {
  const parent = error.parentSchema as Schema;
  if (property === undefined) return parent;
  return (parent?.properties as Record<string, Schema> | undefined)?.[property];
}

/**
 * Turns ajv's errors (compiled with `verbose`, which gives each error its schema) into one sentence per failing
 * field, in French and English, naming the field as its form does: the schema's `fieldLabel`, else the common
 * name of the property, else the property itself. A union's branches fail together: only the union is told.
 */
export function validationProblems(errors: readonly ErrorObject[], root: string): ValidationProblem[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => `${e.schemaPath}/`);
  const seen = new Set<string>();
  const problems: ValidationProblem[] = [];
  for (const error of errors) {
    if (unions.some((prefix) => error.schemaPath.startsWith(prefix))) continue;
    const params = error.params as Record<string, unknown>;
    const property =
      error.keyword === 'required' ? String(params.missingProperty)
      : error.keyword === 'additionalProperties' ? String(params.additionalProperty)
      : undefined;
    const path = error.instancePath
      .split('/')
      .filter(Boolean)
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (property !== undefined) path.push(property);
    const field = [root, ...path].join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    const named = [...path].reverse().find((part) => !/^\d+$/.test(part));
    const label =
      (fieldSchema(error, property)?.[FIELD_LABEL_KEYWORD] as LocalizedText | undefined) ??
      (named ? FIELD_NAMES[named] ?? { fr: named, en: named } : undefined);
    const { kind, limit } = kindOf(unionCause(error, errors));
    const messages = label
      ? fieldProblemText(kind, label, limit)
      : { fr: 'La requête n’a pas la forme attendue.', en: 'The request is not in the expected form.' };
    problems.push({ field, label: label ?? { fr: root, en: root }, messages });
  }
  return problems;
}

/**
 * What to tell of a failed union: a nullable date given "demain" is not a date (its `null` branch does not count);
 * a value matching no branch of several is not one of the possible values.
 */
function unionCause(error: ErrorObject, errors: readonly ErrorObject[]): ErrorObject {
  if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') return error;
  const prefix = `${error.schemaPath}/`;
  const inner = errors.filter(
    (e) => e.schemaPath.startsWith(prefix) && !(e.keyword === 'type' && (e.params as { type?: unknown }).type === 'null'),
  );
  const branches = new Set(inner.map((e) => e.schemaPath.slice(prefix.length).split('/')[0]));
  return branches.size === 1 && inner[0]!.instancePath === error.instancePath ? inner[0]! : error;
}
