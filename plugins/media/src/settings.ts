import { Type, type Static } from '@preau/sdk';

/** The media app's settings in `preau.config.json` (`plugins` entry `settings`), with their defaults. */
export const MediaSettings = Type.Object({
  /** The longest sound recording, in seconds (10 minutes). */
  audioLimitSeconds: Type.Integer({ minimum: 5, maximum: 3600, default: 600 }),
  /** The longest video recording, in seconds (5 minutes). */
  videoLimitSeconds: Type.Integer({ minimum: 5, maximum: 3600, default: 300 }),
  /**
   * The longest one conversion may run, in seconds. Below the core's job lock (5 minutes), so that no other
   * process claims the job while ffmpeg still runs.
   */
  conversionLimitSeconds: Type.Number({ exclusiveMinimum: 0, maximum: 280, default: 240 }),
  /** How many times a conversion that timed out is tried before the recording is marked failed. */
  conversionAttempts: Type.Integer({ minimum: 1, maximum: 4, default: 3 }),
  /** ffmpeg's threads per conversion: 1 leaves the other core to the web requests on a 2-core server. */
  ffmpegThreads: Type.Integer({ minimum: 0, maximum: 16, default: 1 }),
}, { default: {} });
export type MediaSettings = Static<typeof MediaSettings>;

/** The largest chunk of an upload (a phone on a school's Wi-Fi resends at most this much after a drop). */
export const CHUNK_BYTES = 4 * 1024 * 1024;
