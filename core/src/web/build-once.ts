import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as esbuild from 'esbuild';

/**
 * What a build left behind: the files it wrote and the inputs it read, both relative to `outdir` so that a
 * bundle shipped in a package names no folder of the machine that built it.
 */
export interface BuildStamp {
  key: string;
  inputs: Record<string, string>;
  outputs: string[];
  /** The file name of each entry point, by entry name. */
  entries: Record<string, string>;
}

function fingerprint(file: string): string {
  try {
    const stat = statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

function readStamp(outdir: string): BuildStamp | null {
  try {
    return JSON.parse(readFileSync(join(outdir, 'build-stamp.json'), 'utf8')) as BuildStamp;
  } catch {
    return null;
  }
}

/** The bundle built in `outdir` earlier (by `preau build`), whatever its inputs became; null when there is none. */
export function readBuild(outdir: string): BuildStamp | null {
  const stamp = readStamp(outdir);
  return stamp && stamp.outputs.every((file) => existsSync(join(outdir, file))) ? stamp : null;
}

/**
 * Runs an esbuild build into `outdir` unless the previous one had the same options and none of the files it
 * read changed since (size and modification time): `npm start` does not rebuild what did not change.
 * Returns the stamp, whose `entries` map entry names to their content-hashed file names.
 */
export async function buildOnce(outdir: string, options: esbuild.BuildOptions & { entryPoints: Record<string, string> }): Promise<BuildStamp> {
  const absOut = resolve(outdir);
  const key = createHash('sha256')
    .update(JSON.stringify({ options, esbuild: esbuild.version }))
    .digest('base64url');
  const previous = readStamp(absOut);
  if (
    previous &&
    previous.key === key &&
    Object.entries(previous.inputs).every(([file, print]) => fingerprint(resolve(absOut, file)) === print) &&
    previous.outputs.every((file) => existsSync(join(absOut, file)))
  ) {
    return previous;
  }
  rmSync(absOut, { recursive: true, force: true });
  mkdirSync(absOut, { recursive: true });
  const result = await esbuild.build({
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: 'linked',
    entryNames: '[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'silent',
    // Lit's reactive properties are accessors on the prototype: class fields with define semantics would
    // shadow them and nothing would re-render. Set here, not read from whichever tsconfig.json is nearest,
    // so that every plugin's web code compiles the same way (and a change of it rebuilds, being in the key).
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: false, experimentalDecorators: true } },
    ...options,
    outdir: absOut,
    metafile: true,
    write: true,
  });
  const metafile = result.metafile!;
  const cwd = options.absWorkingDir ?? process.cwd();
  const inputs = Object.fromEntries(
    Object.keys(metafile.inputs)
      .filter((input) => !input.includes(':'))
      .map((input) => {
        const file = resolve(cwd, input);
        return [relative(absOut, file), fingerprint(file)];
      }),
  );
  const entries: Record<string, string> = {};
  const outputs: string[] = [];
  for (const [output, meta] of Object.entries(metafile.outputs)) {
    const file = resolve(cwd, output).slice(absOut.length + 1);
    outputs.push(file);
    if (meta.entryPoint) {
      const name = Object.entries(options.entryPoints).find(([, source]) => resolve(cwd, String(source)) === resolve(cwd, meta.entryPoint!))?.[0];
      if (name) entries[name] = file;
    }
  }
  const stamp: BuildStamp = { key, inputs, outputs, entries };
  writeFileSync(join(absOut, 'build-stamp.json'), JSON.stringify(stamp, null, 2));
  return stamp;
}
