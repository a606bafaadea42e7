import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { FfmpegError, type PluginServices, type StoredBlob } from '@preau/sdk';
import { fileInDocuments, recordingHolder, type RecordingRow } from './recordings.js';
import type { MediaSettings } from './settings.js';

/** Why a recording could not be converted, in French as the app shows it (the original stays playable to its owner). */
export const CONVERSION_FAILED = {
  unreadable: "L'enregistrement est incomplet ou illisible : il n'a pas pu être converti. Recommencez l'enregistrement.",
  timeout: "La conversion de l'enregistrement a pris trop de temps et a été abandonnée après plusieurs essais.",
} as const;

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/**
 * ffmpeg's arguments: sound to AAC (.m4a), video to H.264/AAC MP4 at most 1280 px wide, the kept part only. A
 * video's poster (a frame half a second in: the first is often black while a camera starts) is a second output of
 * the same run, so the file is read and decoded once.
 */
export function conversionArgs(row: Pick<RecordingRow, 'kind' | 'trim_start_ms' | 'trim_end_ms'>, input: string, output: string, threads: number, poster?: string): string[] {
  const trim = [
    ...(row.trim_start_ms ? ['-ss', seconds(row.trim_start_ms)] : []),
    ...(row.trim_end_ms ? ['-t', seconds(row.trim_end_ms - (row.trim_start_ms ?? 0))] : []),
  ];
  // -xerror: a truncated or damaged file fails rather than being converted half-way without a word.
  const common = ['-v', 'error', '-stats', '-xerror', ...trim.slice(0, 2), '-i', input, ...trim.slice(2), '-threads', String(threads)];
  if (row.kind === 'audio') return [...common, '-vn', '-c:a', 'aac', '-b:a', '128k', '-movflags', '+faststart', '-f', 'mp4', '-y', output];
  return [
    ...common, '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p',
    '-vf', "scale='trunc(min(1280,iw)/2)*2':-2", '-c:a', 'aac', '-b:a', '128k', '-movflags', '+faststart', '-f', 'mp4', '-y', output,
    ...(poster ? ['-map', '0:v:0', '-ss', '0.5', '-frames:v', '1', '-vf', "scale='min(1280,iw)':-2", '-q:v', '4', '-f', 'image2', '-y', poster] : []),
  ];
}

// What ffmpeg says (at the `error` level) when the file stops in the middle or is damaged: it then exits with 0
// after converting what it could read, so its output is read as well as its exit code.
const DAMAGED = /read error|ended prematurely|invalid data found|truncat|corrupt|error while decoding/i;

/** True when ffmpeg's error output (progress lines aside) says the input is cut short or damaged. */
export function inputDamaged(stderr: string): boolean {
  return stderr.split(/[\r\n]+/).some((line) => !/^\s*(frame|size)=/.test(line) && DAMAGED.test(line));
}

/** The duration ffmpeg reports having written (its last `time=`), in milliseconds. */
export function writtenDuration(stderr: string): number | null {
  const times = [...stderr.matchAll(/time=(\d+):(\d{2}):(\d{2}(?:\.\d+)?)/g)];
  const last = times[times.length - 1];
  if (!last) return null;
  return Math.round((Number(last[1]) * 3600 + Number(last[2]) * 60 + Number(last[3])) * 1000);
}

/**
 * The `convert` job: the original to a format every browser plays, the trim applied, a poster for a video.
 * Claimed by one process (core jobs); ffmpeg is killed at its time limit, below the job's lock. A timeout is
 * retried (the core runs the job again later) until `conversionAttempts`, then the recording is marked failed;
 * a file ffmpeg cannot read fails at once. The original is kept until the converted file is in place. A
 * recording deleted meanwhile stops ffmpeg (checked every second) and keeps nothing.
 */
export function defineConvertJob(services: PluginServices, settings: MediaSettings): void {
  const { db, storage, clock, ffmpeg, log } = services;

  const markFailed = async (id: number, error: string) => {
    await db('recordings').where({ id, status: 'converting' }).update({ status: 'failed', error, updated_at: clock.now() });
  };

  services.jobs.define('convert', async (payload) => {
    const id = Number(payload.recordingId);
    const claimed = await db.transaction(async (trx) => {
      const row = (await trx('recordings').where({ id, status: 'converting' }).forUpdate().first()) as RecordingRow | undefined;
      if (!row) return undefined;
      await trx('recordings').where({ id }).update({ attempts: row.attempts + 1 });
      return { ...row, attempts: row.attempts + 1 };
    });
    if (!claimed?.original_blob_id) return;
    const source = await storage.get(claimed.original_blob_id);
    if (!source) return markFailed(id, CONVERSION_FAILED.unreadable);

    const dir = await mkdtemp(join(tmpdir(), 'preau-media-'));
    const stop = new AbortController();
    const watch = setInterval(() => {
      void db('recordings').where({ id }).first('id').then((row) => row || stop.abort(), () => undefined);
    }, 1000);
    const produced: StoredBlob[] = [];
    try {
      const input = join(dir, 'original');
      const output = join(dir, 'converted');
      const poster = join(dir, 'poster.jpg');
      await pipeline(source.stream, createWriteStream(input));
      const timeoutMs = settings.conversionLimitSeconds * 1000;
      let stderr: string;
      try {
        ({ stderr } = await ffmpeg.run(conversionArgs(claimed, input, output, settings.ffmpegThreads, claimed.kind === 'video' ? poster : undefined), { timeoutMs, signal: stop.signal }));
      } catch (error) {
        if (!(error instanceof FfmpegError)) throw error;
        if (error.reason === 'aborted') return;
        if (error.reason === 'timeout' && claimed.attempts < settings.conversionAttempts) throw error;
        log.warn({ recording: id, reason: error.reason, stderr: error.stderr.slice(-500) }, 'media: conversion failed');
        return await markFailed(id, error.reason === 'timeout' ? CONVERSION_FAILED.timeout : CONVERSION_FAILED.unreadable);
      }
      if (inputDamaged(stderr) || (await stat(output)).size === 0) return await markFailed(id, CONVERSION_FAILED.unreadable);
      const base = claimed.name.replace(/\.[a-z0-9]{2,4}$/i, '');
      produced.push(await storage.put(createReadStream(output), { owner: claimed.owner_id, name: `${base}.${claimed.kind === 'audio' ? 'm4a' : 'mp4'}` }));
      if (claimed.kind === 'video') {
        // A clip shorter than half a second has no frame there: its first frame then.
        if (!(await stat(poster).catch(() => undefined))?.size) {
          await ffmpeg.run(['-v', 'error', '-i', output, '-frames:v', '1', '-vf', "scale='min(1280,iw)':-2", '-q:v', '4', '-f', 'image2', '-y', poster], { timeoutMs: 30_000, signal: stop.signal }).catch(() => undefined);
        }
        if ((await stat(poster).catch(() => undefined))?.size) produced.push(await storage.put(createReadStream(poster), { owner: claimed.owner_id, name: `${base}.jpg` }));
      }
      const [converted, posterBlob] = produced;
      const kept = await db.transaction(async (trx) => {
        const row = await trx('recordings').where({ id, status: 'converting' }).forUpdate().first('id');
        if (!row) return false;
        for (const blob of produced) await storage.addReference(blob.id, recordingHolder(id), { transaction: trx });
        await trx('recordings').where({ id }).update({
          status: 'ready', blob_id: converted!.id, poster_blob_id: posterBlob?.id ?? null, media_type: converted!.mediaType,
          duration_ms: writtenDuration(stderr), original_blob_id: null, error: null, updated_at: clock.now(),
        });
        // The original goes once the converted file is in place (deleted after the commit unless a text holds it).
        await storage.removeReferences([claimed.original_blob_id!], recordingHolder(id), { transaction: trx });
        return true;
      });
      if (kept) {
        produced.length = 0;
        await fileInDocuments(services, claimed, converted!.id);
      }
    } catch (error) {
      if (stop.signal.aborted) return;
      throw error;
    } finally {
      clearInterval(watch);
      await Promise.all(produced.map((blob) => storage.delete(blob.id).catch(() => false)));
      await rm(dir, { recursive: true, force: true });
    }
  });
}
