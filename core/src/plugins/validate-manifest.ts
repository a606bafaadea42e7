import semver from 'semver';
import type { DefinedPlugin } from '@preau/sdk';
import { ManifestSchema, RESERVED_NAMES } from './manifest-schema.js';
import { createAjv, fieldProblems } from '../http/ajv.js';
import { PluginManifestInvalid } from '../errors.js';

const ajv = createAjv();
const validate = ajv.compile(ManifestSchema);

/** A JSON copy of a manifest: URLs become their href, functions become "[function]" (anything else stays as is). */
export function manifestData(manifest: object): Record<string, unknown> {
  const convert = (value: unknown): unknown => {
    if (value instanceof URL) return value.href;
    if (typeof value === 'function') return '[function]';
    if (Array.isArray(value)) return value.map(convert);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
    }
    return value;
  };
  return convert(manifest) as Record<string, unknown>;
}

/** The name to report a plugin under, even when its manifest is broken. */
export function nameForReport(manifest: unknown, fallback: string): string {
  const name = (manifest as { name?: unknown } | null)?.name;
  return typeof name === 'string' && /^[a-z][a-z0-9-]*$/.test(name) ? name : fallback;
}

/**
 * Checks a manifest's shape and values: throws `PREAU_ERR_PLUGIN_MANIFEST` naming the plugin, the first
 * failing field and the problem (all problems are in `details.problems`).
 */
export function validateManifest(manifest: DefinedPlugin, fallbackName: string): void {
  const name = nameForReport(manifest, fallbackName);
  const data = manifestData(manifest);
  const fail = (field: string, problem: string, problems?: unknown): never => {
    const error = PluginManifestInvalid(name, field, problem);
    throw Object.assign(error, { details: { field, problem, ...(problems ? { problems } : {}) } });
  };
  if (!validate(data)) {
    const problems = fieldProblems(validate.errors ?? [], '');
    const first = problems[0]!;
    fail(first.field || '(manifest)', first.problem, problems);
  }
  if (RESERVED_NAMES.has(manifest.name)) fail('name', `"${manifest.name}" is reserved`);
  if (!semver.validRange(manifest.sdk)) fail('sdk', `"${manifest.sdk}" is not a semver range`);
  if (manifest.dependsOn?.includes(manifest.name)) fail('dependsOn', 'lists the plugin itself');
  // The shell only lets a plugin define elements under its own prefix (plugin-tag-guard).
  const foreign = manifest.web?.home?.find((item) => !item.element.startsWith(`${manifest.name}-`));
  if (foreign) fail('web.home', `element "${foreign.element}" is not named after the plugin ("${manifest.name}-…")`);
  const foreignSection = manifest.web?.account?.find((element) => !element.startsWith(`${manifest.name}-`));
  if (foreignSection) fail('web.account', `element "${foreignSection}" is not named after the plugin ("${manifest.name}-…")`);
  const sharingRight = Object.entries(manifest.sharing ?? {}).find(([, declared]) => declared.right && !manifest.rights?.[declared.right]);
  if (sharingRight) fail(`sharing.${sharingRight[0]}.right`, `"${sharingRight[1].right}" is not a right of the manifest`);
  for (const [type, declared] of Object.entries(manifest.sharing ?? {})) {
    const names = (declared.roles ?? []).map((role) => role.name);
    // `owner` is what the service answers for the person a resource is registered for, above every role.
    if (names.includes('owner')) fail(`sharing.${type}.roles`, '"owner" is not a role one can grant');
    const twice = names.find((name, index) => names.indexOf(name) !== index);
    if (twice) fail(`sharing.${type}.roles`, `"${twice}" is listed twice`);
  }
  if (manifest.settings) {
    try {
      ajv.compile(manifest.settings);
    } catch (error) {
      fail('settings', `is not a valid JSON schema: ${(error as Error).message}`);
    }
  }
}
