/** Where the platform found ffmpeg: the registry package installed with Préau, or the machine's own. */
export interface FfmpegBinary {
  path: string;
  source: 'package' | 'path';
  /** The first line of `ffmpeg -version` ("ffmpeg version 4.1 …"), or the package's version. */
  version: string;
}

/** How one ffmpeg run is bounded. */
export interface FfmpegRunOptions {
  /** Killed (SIGKILL) past this many milliseconds: a hanging ffmpeg never holds a job for ever. */
  timeoutMs: number;
  /** Stops it early (the recording was deleted while it converted). */
  signal?: AbortSignal;
}

/** Why an ffmpeg run failed: not installed, killed at its time limit, stopped by the caller, or exited in error. */
export type FfmpegFailure = 'missing' | 'timeout' | 'aborted' | 'exit';

/** What `run` rejects with. */
export class FfmpegError extends Error {
  constructor(readonly reason: FfmpegFailure, message: string, readonly stderr = '') {
    super(message);
    this.name = 'FfmpegError';
  }
}

/**
 * ffmpeg for every app (recordings converted to formats every browser plays, posters, thumbnails of videos):
 * `@ffmpeg-installer/ffmpeg` installed with Préau, else an `ffmpeg` on the machine's PATH, else none
 * (`available` is null; `preau doctor` says which). Each run is a child process with a time limit.
 */
export interface FfmpegService {
  readonly available: FfmpegBinary | null;
  /**
   * Runs ffmpeg with `args` (`-hide_banner -nostdin` are added); resolves with its error output when it exits
   * with 0, rejects with an {@link FfmpegError} otherwise.
   */
  run(args: readonly string[], options: FfmpegRunOptions): Promise<{ stderr: string }>;
}
