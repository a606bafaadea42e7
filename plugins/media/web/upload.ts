import { ApiError, type ApiClient } from '@preau/sdk/web';

/** A recording as the API returns it. */
export interface Recording {
  id: number;
  kind: 'audio' | 'video';
  name: string;
  status: 'uploading' | 'converting' | 'ready' | 'original' | 'failed';
  size: number;
  received: number;
  src: string | null;
  poster: string | null;
  mediaType: string | null;
  durationMs: number | null;
  error: string | null;
  createdAt: string;
}

/** What the recorder learns from the server first. */
export interface MediaStatus {
  converts: boolean;
  audioLimitSeconds: number;
  videoLimitSeconds: number;
  chunkBytes: number;
  /** Staff: the recorder offers the screen. */
  mayRecordScreen: boolean;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends a recording in chunks at the offset the server has reached. A chunk lost with the connection (a phone
 * leaving the school's Wi-Fi) is resent from the offset the server gives back, after a growing wait; the
 * server's refusals (not media, too big) end it with their French message.
 */
export async function uploadInChunks(api: ApiClient, input: { kind: 'audio' | 'video'; name: string; blob: Blob; trimStartMs?: number; trimEndMs?: number; chunkBytes: number }, progress: (sent: number, retrying: boolean) => void): Promise<Recording> {
  const { blob, chunkBytes } = input;
  let recording = await api.post<Recording>('/api/media/recordings', {
    kind: input.kind, name: input.name, size: blob.size,
    ...(input.trimStartMs ? { trimStartMs: input.trimStartMs } : {}), ...(input.trimEndMs ? { trimEndMs: input.trimEndMs } : {}),
  });
  let offset = 0;
  let failures = 0;
  while (offset < blob.size) {
    try {
      recording = await api.putBytes<Recording>(`/api/media/recordings/${recording.id}/chunks?offset=${offset}`, blob.slice(offset, offset + chunkBytes));
      offset = recording.received;
      failures = 0;
      progress(offset, false);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'MEDIA_ERR_OFFSET') {
        offset = (error.details as { offset: number }).offset;
        continue;
      }
      // A network failure or a server in trouble: wait, then ask where the upload stands.
      if (error instanceof ApiError && error.status < 500 && error.code !== 'PREAU_ERR_NETWORK') throw error;
      failures += 1;
      if (failures > 30) throw error;
      progress(offset, true);
      await pause(Math.min(30_000, 500 * 2 ** Math.min(failures, 6)));
      try {
        offset = (await api.get<Recording>(`/api/media/recordings/${recording.id}/upload`)).received;
      } catch {
        // still offline: the next attempt tries again
      }
    }
  }
  return recording;
}

/** Waits while the server converts the recording ("en cours de conversion"). */
export async function whenConverted(api: ApiClient, id: number, onWait: () => void): Promise<Recording> {
  for (;;) {
    const recording = await api.get<Recording>(`/api/media/recordings/${id}`);
    if (recording.status !== 'converting') return recording;
    onWait();
    await pause(1000);
  }
}

const escapeAttribute = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The player a text holds for a recording (the inserted-files contract: `/api/core/files/<blob id>`). */
export function playerHtml(recording: Pick<Recording, 'kind' | 'src' | 'poster'>): string {
  if (!recording.src) return '';
  const src = escapeAttribute(recording.src);
  if (recording.kind === 'audio') return `<audio src="${src}" controls preload="metadata"></audio>`;
  return `<video src="${src}"${recording.poster ? ` poster="${escapeAttribute(recording.poster)}"` : ''} controls preload="metadata"></video>`;
}
