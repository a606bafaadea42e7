import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The CLI's entry, as `npx preau` runs it. */
export const PREAU_BIN = fileURLToPath(new URL('../../bin/preau.js', import.meta.url));
/** The CLI under test is the workspace's source, like the rest of the suite (the compiled one is tested from its package). */
const SOURCE = ['--conditions=@preau/source'];

/** Runs `preau <args>` to completion in `cwd`; returns its exit code and output. */
export function runCli(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...SOURCE, PREAU_BIN, ...args], { cwd: options.cwd, env: { ...process.env, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `preau start [args]` and resolves once it prints its URL (or `ready` matches). */
export function startCli(options: { cwd: string; env?: NodeJS.ProcessEnv; args?: string[]; ready?: RegExp }): Promise<{ child: ChildProcess; url: string; setupToken?: string; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...SOURCE, PREAU_BIN, 'start', ...(options.args ?? [])], {
      cwd: options.cwd,
      env: { ...process.env, PORT: '0', PREAU_LOG_LEVEL: 'warn', ...options.env },
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const setup = /(http:\/\/[^/\s]+)\/setup\?token=(\S+)/.exec(output);
      const ready = /Préau écoute sur (http:\/\/\S+)/.exec(output);
      if (options.ready ? options.ready.test(output) : setup || ready) {
        clearTimeout(timer);
        resolve({ child, url: (setup?.[1] ?? ready?.[1])!, setupToken: setup?.[2], output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

/** Resolves with the exit code once the process ends. */
export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
}
