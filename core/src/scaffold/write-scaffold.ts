import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SDK_VERSION } from '@preau/sdk';
import { CORE_ROOT } from '../package-root.js';
import { packageFiles, type ScaffoldKind } from './package-files.js';
import { addProjectReference, preauWorkspaceOf } from './preau-workspace.js';

/** A plugin or bundle name: what its routes, schema, tables and custom elements are named after. */
export const SCAFFOLD_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** What `preau new` is asked for. */
export interface ScaffoldOptions {
  kind: ScaffoldKind;
  name: string;
  /** The folder to write; it must not exist or be empty. */
  dir: string;
  /** The app's title (French first); by default made from the name. */
  title?: string;
  /** The npm package name; by default `@preau/plugin-<name>` in the Préau repository, else `preau-plugin-<name>`. */
  packageName?: string;
}

/** What `preau new` wrote. */
export interface Scaffold {
  dir: string;
  packageName: string;
  /** Paths relative to `dir`, sorted. */
  files: string[];
  /** The Préau repository it was written into, if any. */
  workspace: string | null;
  /** True when the root tsconfig.json now references it. */
  referenced: boolean;
}

function templateFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? templateFiles(dir, join(prefix, entry.name)) : [join(prefix, entry.name)],
  );
}

/** Writes the fixed skeleton of a plugin or bundle (see core/templates/) with its names filled in. */
export function writeScaffold(options: ScaffoldOptions): Scaffold {
  const { kind, name, dir } = options;
  if (!SCAFFOLD_NAME.test(name) || name.length > 40) {
    throw new Error(`nom invalide « ${name} » : des minuscules, des chiffres et des tirets simples, 40 caractères au plus (invalid name)`);
  }
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} existe déjà et n'est pas vide (already exists)`);
  const workspace = preauWorkspaceOf(dir);
  const title = options.title ?? `${name.charAt(0).toUpperCase()}${name.slice(1).replace(/-/g, ' ')}`;
  const packageName = options.packageName ?? (workspace ? `@preau/${kind}-${name}` : `preau-${kind}-${name}`);
  const words = name.split('-');
  const fill = (text: string): string =>
    text
      .replaceAll('__name__', name)
      .replaceAll('__Name__', words.map((word) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`).join(''))
      .replaceAll('__NAME__', words.join('_').toUpperCase())
      .replaceAll('__schema__', words.join('_'))
      .replaceAll('__title__', title)
      .replaceAll('__sdkMajor__', SDK_VERSION.split('.')[0]!);

  const templates = join(CORE_ROOT, 'templates', kind);
  const files: Record<string, string> = {
    ...Object.fromEntries(templateFiles(templates).map((file) => [fill(file), fill(readFileSync(join(templates, file), 'utf8'))])),
    ...packageFiles(kind, { dir, packageName, title, workspace }),
  };
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  const referenced = workspace?.member ? addProjectReference(workspace, dir) : false;
  return { dir, packageName, files: Object.keys(files).sort(), workspace: workspace?.root ?? null, referenced };
}
