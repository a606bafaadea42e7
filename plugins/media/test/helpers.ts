import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FfmpegService } from '@preau/sdk';
import type { TestPlatform, TestUser } from '@preau/core/testing';

/** The ffmpeg the platform found (the media plugin's services). */
export function ffmpegOf(platform: TestPlatform): FfmpegService {
  const record = platform.platform.plugins.get('media') as unknown as { services: { ffmpeg: FfmpegService } };
  return record.services.ffmpeg;
}

/** The media plugin's settings object as its routes read it (tests shorten the conversion's time limit). */
export function settingsOf(platform: TestPlatform): Record<string, number> {
  return (platform.platform.plugins.get('media') as unknown as { settings: Record<string, number> }).settings;
}

/** A clip made by ffmpeg's test sources: WebM (VP8 + Opus) as Chromium records, of `seconds` at `size`. */
export async function testClip(ffmpeg: FfmpegService, options: { seconds: number; size?: string; audioOnly?: boolean }): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'media-test-'));
  const out = join(dir, 'clip.webm');
  try {
    const sound = ['-f', 'lavfi', '-i', `sine=frequency=440:duration=${options.seconds}`];
    const args = options.audioOnly
      ? [...sound, '-c:a', 'libopus', '-f', 'webm', '-y', out]
      : ['-f', 'lavfi', '-i', `testsrc=size=${options.size ?? '320x240'}:rate=25:duration=${options.seconds}`, ...sound,
          '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '400k', '-c:a', 'libopus', '-shortest', '-f', 'webm', '-y', out];
    await ffmpeg.run(['-v', 'error', ...args], { timeoutMs: 60_000 });
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Starts an upload and sends `bytes` in chunks of `chunk` bytes; returns the last answer. */
export async function uploadRecording(platform: TestPlatform, user: TestUser, bytes: Buffer, options: { kind?: 'audio' | 'video'; name?: string; chunk?: number; trimStartMs?: number; trimEndMs?: number } = {}) {
  const as = platform.as(user);
  const created = await as.inject({
    method: 'POST', url: '/api/media/recordings',
    payload: { kind: options.kind ?? 'video', name: options.name ?? 'Enregistrement', size: bytes.length, ...(options.trimStartMs !== undefined ? { trimStartMs: options.trimStartMs } : {}), ...(options.trimEndMs !== undefined ? { trimEndMs: options.trimEndMs } : {}) },
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const id = created.json().id as number;
  const chunk = options.chunk ?? 1024 * 1024;
  let last = created;
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    last = await sendChunk(platform, user, id, offset, bytes.subarray(offset, offset + chunk));
    if (last.statusCode !== 200) break;
  }
  return { id, last };
}

export function sendChunk(platform: TestPlatform, user: TestUser, id: number, offset: number, bytes: Buffer) {
  return platform.as(user).inject({
    method: 'PUT', url: `/api/media/recordings/${id}/chunks?offset=${offset}`, payload: bytes, headers: { 'content-type': 'application/octet-stream' },
  });
}
