import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { FfmpegError, type FfmpegBinary, type FfmpegService } from '@preau/sdk';

const require = createRequire(import.meta.url);

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function versionOf(path: string): string | undefined {
  const result = spawnSync(path, ['-hide_banner', '-version'], { encoding: 'utf8', timeout: 10_000 });
  return result.status === 0 ? result.stdout.split('\n')[0]?.trim() : undefined;
}

/**
 * Finds ffmpeg: `PREAU_FFMPEG` when set (a path, or `none` to run without it), else the binary of
 * `@ffmpeg-installer/ffmpeg` (a platform package installed with Préau, nothing downloaded at install), else the
 * first `ffmpeg` on the PATH. Each candidate must answer `-version`.
 */
export function locateFfmpeg(env: NodeJS.ProcessEnv = process.env): FfmpegBinary | null {
  // Asked once per process and setting (each platform a test makes asks again otherwise: a process start each).
  const key = `${env.PREAU_FFMPEG ?? ''}\0${env.PATH ?? ''}`;
  if (!located.has(key)) located.set(key, search(env));
  return located.get(key)!;
}

const located = new Map<string, FfmpegBinary | null>();

function search(env: NodeJS.ProcessEnv): FfmpegBinary | null {
  const forced = env.PREAU_FFMPEG?.trim();
  if (forced === 'none') return null;
  if (forced) {
    const version = executable(forced) ? versionOf(forced) : undefined;
    return version ? { path: forced, source: 'path', version } : null;
  }
  try {
    // The package throws a string when its platform's binary is absent (an unsupported machine).
    const installed = require('@ffmpeg-installer/ffmpeg') as { path: string };
    const version = versionOf(installed.path);
    if (version) return { path: installed.path, source: 'package', version };
  } catch {
    // fall through to the machine's own
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, process.platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg');
    if (!executable(candidate)) continue;
    const version = versionOf(candidate);
    if (version) return { path: candidate, source: 'path', version };
  }
  return null;
}

/** How much of ffmpeg's error output is kept for the logs (its last lines say why it failed). */
const STDERR_KEPT = 8_000;

/** The `ffmpeg` service plugins receive: one child process per run, killed at its time limit. */
export function createFfmpegService(binary: FfmpegBinary | null): FfmpegService {
  return {
    available: binary,
    run(args, options) {
      if (!binary) return Promise.reject(new FfmpegError('missing', 'ffmpeg is not installed'));
      return new Promise((resolve, reject) => {
        const child = spawn(binary.path, ['-hide_banner', '-nostdin', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        let stopped: 'timeout' | 'aborted' | undefined;
        child.stderr.setEncoding('utf8');
        child.stderr.on('data', (chunk: string) => {
          stderr = (stderr + chunk).slice(-STDERR_KEPT);
        });
        const stop = (why: 'timeout' | 'aborted') => {
          stopped ??= why;
          child.kill('SIGKILL');
        };
        const timer = setTimeout(() => stop('timeout'), options.timeoutMs);
        const onAbort = () => stop('aborted');
        if (options.signal?.aborted) onAbort();
        options.signal?.addEventListener('abort', onAbort, { once: true });
        const done = () => {
          clearTimeout(timer);
          options.signal?.removeEventListener('abort', onAbort);
        };
        child.once('error', (error) => {
          done();
          reject(new FfmpegError('exit', `ffmpeg could not start: ${error.message}`, stderr));
        });
        child.once('close', (code) => {
          done();
          if (stopped === 'timeout') reject(new FfmpegError('timeout', `ffmpeg ran past its ${options.timeoutMs} ms limit`, stderr));
          else if (stopped === 'aborted') reject(new FfmpegError('aborted', 'ffmpeg was stopped', stderr));
          else if (code === 0) resolve({ stderr });
          else reject(new FfmpegError('exit', `ffmpeg exited with ${code}`, stderr));
        });
      });
    },
  };
}
