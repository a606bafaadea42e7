import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { FIELD_LABEL_KEYWORD } from '@preau/sdk';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

/**
 * The one ajv setup of Préau: unknown properties are errors (not silently removed, so a typo loses nothing
 * without saying so), types are not coerced in bodies, all errors are reported.
 */
export function createAjv(options: Options = {}): Ajv {
  const ajv = new Ajv({ allErrors: true, removeAdditional: false, strict: false, ...options });
  addFormats(ajv);
  // The field's name in its form, for error messages: an annotation, it validates nothing.
  ajv.addKeyword({ keyword: FIELD_LABEL_KEYWORD, schemaType: 'object' });
  return ajv;
}

/** One failing field of a request or a manifest. */
export interface FieldProblem {
  field: string;
  problem: string;
}

/** Turns ajv errors into `{ field, problem }` pairs with dotted paths (`server.port`, `body.title`). */
export function fieldProblems(errors: readonly ErrorObject[], root: string): FieldProblem[] {
  return errors.map((error) => {
    const path = error.instancePath
      .split('/')
      .filter(Boolean)
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'additionalProperties') {
      return { field: [root, ...path, String(params.additionalProperty)].filter(Boolean).join('.'), problem: 'is not a known key' };
    }
    if (error.keyword === 'required') {
      return { field: [root, ...path, String(params.missingProperty)].filter(Boolean).join('.'), problem: 'is required' };
    }
    return { field: [root, ...path].filter(Boolean).join('.') || root, problem: error.message ?? error.keyword };
  });
}

/** A one-line summary of ajv errors. */
export function describeAjvErrors(errors: readonly ErrorObject[], root: string): string {
  const seen = new Set<string>();
  return fieldProblems(errors, root)
    .map(({ field, problem }) => `${field} ${problem}`)
    .filter((line) => (seen.has(line) ? false : (seen.add(line), true)))
    .join('; ');
}
