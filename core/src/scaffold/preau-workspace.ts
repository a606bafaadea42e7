import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** The Préau repository a new package is written into, when it is. */
export interface PreauWorkspace {
  root: string;
  /** True when the new folder matches one of the root's `workspaces` (`plugins/*`): npm links it, `tsc -b` builds it. */
  member: boolean;
}

interface RootPackage {
  name?: string;
  workspaces?: string[];
}

/**
 * Where `preau new plugin <name>` writes without `--dir`: into `plugins/<name>` at the root of the Préau
 * repository (where the first-party apps live, as a workspace member), else `./<name>`.
 */
export function defaultPluginDir(cwd: string, name: string): string {
  const file = join(cwd, 'package.json');
  if (!existsSync(file)) return join(cwd, name);
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as RootPackage;
  const isRoot = pkg.name === 'preau' && (pkg.workspaces ?? []).includes('plugins/*') && existsSync(join(cwd, 'tsconfig.base.json'));
  return isRoot ? join(cwd, 'plugins', name) : join(cwd, name);
}

/** The Préau repository holding `dir` (a root package.json named "preau" with workspaces), or null outside one. */
export function preauWorkspaceOf(dir: string): PreauWorkspace | null {
  for (let root = dirname(dir); ; root = dirname(root)) {
    const file = join(root, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as RootPackage;
      if (pkg.name === 'preau' && Array.isArray(pkg.workspaces) && existsSync(join(root, 'tsconfig.base.json'))) {
        const path = relative(root, dir).split(sep).join('/');
        const member = pkg.workspaces.some((pattern) => pattern.endsWith('/*') ? dirname(path) === pattern.slice(0, -2) : path === pattern);
        return { root, member };
      }
    }
    if (dirname(root) === root) return null;
  }
}

/** Adds the new package to the root tsconfig.json's project references, so that `tsc -b` type-checks and builds it. */
export function addProjectReference(workspace: PreauWorkspace, dir: string): boolean {
  const file = join(workspace.root, 'tsconfig.json');
  const config = JSON.parse(readFileSync(file, 'utf8')) as { references?: { path: string }[] };
  const path = relative(workspace.root, dir).split(sep).join('/');
  const references = config.references ?? [];
  if (references.some((reference) => reference.path === path)) return false;
  // Before `test`, which may come to import the new package.
  const testIndex = references.findIndex((reference) => reference.path === 'test');
  references.splice(testIndex === -1 ? references.length : testIndex, 0, { path });
  writeFileSync(file, `${JSON.stringify({ ...config, references }, null, 2)}\n`);
  return true;
}
