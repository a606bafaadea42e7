import { insertedFileUrl, type Knex, type PluginServices } from '@preau/sdk';
import { RecordingNotFound } from './errors.js';
import type { Recording, RecordingKind, RecordingStatus } from './schemas.js';

export interface RecordingRow {
  id: number;
  owner_id: number;
  kind: RecordingKind;
  name: string;
  status: RecordingStatus;
  size: string | number;
  received: string | number;
  trim_start_ms: number | null;
  trim_end_ms: number | null;
  original_blob_id: string | null;
  blob_id: string | null;
  poster_blob_id: string | null;
  media_type: string | null;
  duration_ms: number | null;
  attempts: number;
  error: string | null;
  created_at: Date | string;
}

/**
 * The storage holder of a recording's blobs (original, converted file, poster): they count in the owner's quota
 * and live as long as the recording, or longer when a text holds them too.
 */
export const recordingHolder = (id: number): string => `media:recording:${id}`;

export function toRecording(row: RecordingRow): Recording {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    status: row.status,
    size: Number(row.size),
    received: Number(row.received),
    src: row.blob_id ? insertedFileUrl(row.blob_id) : null,
    poster: row.poster_blob_id ? insertedFileUrl(row.poster_blob_id) : null,
    mediaType: row.media_type,
    durationMs: row.duration_ms,
    trimStartMs: row.trim_start_ms,
    trimEndMs: row.trim_end_ms,
    error: row.error,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The user's own recording; anyone else's reads as absent (404). */
export async function ownRecording(db: Knex | Knex.Transaction, ownerId: number, id: number): Promise<RecordingRow> {
  const row = (await db('recordings').where({ id, owner_id: ownerId }).first()) as RecordingRow | undefined;
  if (!row) throw RecordingNotFound();
  return row;
}

/**
 * Deletes a recording: its chunks and its hold on its blobs (those no text holds are deleted after the commit,
 * freeing the quota). A conversion running on another process notices and stops.
 */
export async function deleteRecording(services: Pick<PluginServices, 'db' | 'storage'>, row: RecordingRow): Promise<void> {
  const chunkBlobs = (await services.db('chunks').where({ recording_id: row.id }).pluck('blob_id')) as string[];
  await services.db.transaction(async (trx) => {
    await trx('recordings').where({ id: row.id }).delete();
    const held = [row.original_blob_id, row.blob_id, row.poster_blob_id].filter((id): id is string => id !== null);
    await services.storage.removeReferences(held, recordingHolder(row.id), { transaction: trx });
  });
  await Promise.all(chunkBlobs.map((id) => services.storage.delete(id).catch(() => false)));
}

/** The folder of the owner's Documents where their playable recordings are filed. */
export const RECORDINGS_FOLDER = 'Enregistrements';

/**
 * Files a playable recording in its owner's Documents (« Enregistrements »), after its commit, when an app keeps
 * personal files and is on for them. Best effort: the recording stays playable and insertable if it fails.
 */
export async function fileInDocuments(services: Pick<PluginServices, 'personalFiles' | 'log'>, row: Pick<RecordingRow, 'id' | 'owner_id'>, blobId: string): Promise<void> {
  try {
    await services.personalFiles.file({ ownerId: row.owner_id, folder: RECORDINGS_FOLDER, blobId });
  } catch (error) {
    services.log.warn({ err: error, recording: row.id }, 'media: the recording could not be filed in Documents');
  }
}
