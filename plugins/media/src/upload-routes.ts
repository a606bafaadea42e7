import { Readable, Transform } from 'node:stream';
import { type PluginApp, type PluginServices } from '@preau/sdk';
import { BadChunk, BadTrim, NotMedia, TooLarge, UploadDone, WrongOffset } from './errors.js';
import { deleteRecording, fileInDocuments, ownRecording, recordingHolder, toRecording, type RecordingRow } from './recordings.js';
import { ChunkQuery, Errors, Recording, RecordingInput, RecordingParams } from './schemas.js';
import { CHUNK_BYTES } from './settings.js';

/** The stream cut off with an error past `limit` bytes (a chunk sent without a Content-Length). */
function atMost(source: Readable, limit: number): Readable {
  let seen = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit) done(BadChunk(CHUNK_BYTES));
      else done(null, chunk);
    },
  });
  source.on('error', (error) => guard.destroy(error));
  return source.pipe(guard);
}

/**
 * Puts the chunks together as the recording's original file, checks from its bytes that it is sound or video,
 * and hands it to the conversion job (or keeps it as it is without ffmpeg). A file that is not media, or that
 * does not fit the quota, leaves nothing behind: chunks, recording and file go.
 */
async function assemble(services: PluginServices, row: RecordingRow): Promise<RecordingRow> {
  const { db, storage, clock, jobs } = services;
  const chunks = (await db('chunks').where({ recording_id: row.id }).orderBy('offset').select('blob_id')) as { blob_id: string }[];
  async function* bytes(): AsyncGenerator<Uint8Array> {
    for (const chunk of chunks) {
      const got = await storage.get(chunk.blob_id);
      if (!got) throw new Error(`media: chunk ${chunk.blob_id} of recording ${row.id} is missing`);
      for await (const part of got.stream) yield part as Uint8Array;
    }
  }
  let blob;
  try {
    blob = await storage.put(Readable.from(bytes()), { owner: row.owner_id, name: row.name, size: Number(row.size) });
  } catch (error) {
    await deleteRecording(services, row);
    throw error;
  }
  if (!/^(audio|video)\//.test(blob.mediaType)) {
    await storage.delete(blob.id);
    await deleteRecording(services, row);
    throw NotMedia();
  }
  const converts = services.ffmpeg.available !== null;
  const kept = await db.transaction(async (trx) => {
    const updated = await trx('recordings').where({ id: row.id, status: 'uploading' }).update({
      status: converts ? 'converting' : 'original',
      original_blob_id: blob.id,
      blob_id: converts ? null : blob.id,
      media_type: converts ? null : blob.mediaType,
      updated_at: clock.now(),
    });
    if (updated === 0) return false;
    await storage.addReference(blob.id, recordingHolder(row.id), { transaction: trx });
    await trx('chunks').where({ recording_id: row.id }).delete();
    if (converts) await jobs.schedule('convert', clock.now(), { recordingId: row.id }, { key: `convert:${row.id}`, transaction: trx });
    return true;
  });
  // Deleted while it was being put together: nothing holds the file.
  if (!kept) await storage.delete(blob.id);
  else if (!converts) await fileInDocuments(services, row, blob.id);
  await Promise.all(chunks.map((chunk) => storage.delete(chunk.blob_id).catch(() => false)));
  return ownRecording(db, row.owner_id, row.id);
}

/**
 * A small resumable upload protocol (the tus idea, in three routes): announce the recording and its size,
 * ask where the upload stands, send each chunk at that offset. A chunk cut by a dropped connection is not kept;
 * the phone asks the offset again and resends from there. Each chunk is a blob of the owner's storage (their
 * quota counts it), swept by the core's nightly sweep if the upload is abandoned.
 */
export async function uploadRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, storage, clock } = services;

  // Chunks arrive as raw bytes, streamed to storage as they come (never whole in memory).
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

  app.post('/recordings', { schema: { body: RecordingInput, response: { 201: Recording, ...Errors } } }, async (request, reply) => {
    const me = request.currentUser!.id;
    const { kind, name, size, trimStartMs, trimEndMs } = request.body;
    if (trimStartMs !== undefined && trimEndMs !== undefined && trimEndMs <= trimStartMs) throw BadTrim();
    const usage = await storage.usage(me);
    if (size > storage.maxUploadBytes || usage.used + size > usage.quota) throw TooLarge();
    const now = clock.now();
    const [row] = await db('recordings').insert({
      owner_id: me, kind, name: name.trim(), status: 'uploading', size, received: 0,
      trim_start_ms: trimStartMs ?? null, trim_end_ms: trimEndMs ?? null, created_at: now, updated_at: now,
    }).returning('*');
    return reply.code(201).send(toRecording(row as RecordingRow));
  });

  // Where the upload stands (its `received` offset): a resumed upload starts there.
  app.get('/recordings/:recordingId/upload', { schema: { params: RecordingParams, response: { 200: Recording, ...Errors } } }, async (request) =>
    toRecording(await ownRecording(db, request.currentUser!.id, request.params.recordingId)));

  app.put('/recordings/:recordingId/chunks', {
    schema: { params: RecordingParams, querystring: ChunkQuery, response: { 200: Recording, ...Errors } },
  }, async (request) => {
    const me = request.currentUser!.id;
    const row = await ownRecording(db, me, request.params.recordingId);
    if (row.status !== 'uploading') throw UploadDone();
    const { offset } = request.query;
    const received = Number(row.received);
    if (offset !== received) throw WrongOffset(received);
    if (!(request.body instanceof Readable)) throw BadChunk(CHUNK_BYTES);
    const limit = Math.min(CHUNK_BYTES, Number(row.size) - received);
    const announced = Number(request.headers['content-length'] ?? Number.NaN);
    if (announced > limit) throw BadChunk(CHUNK_BYTES);
    const blob = await storage.put(atMost(request.body, limit), { owner: me, name: `${row.name}.partie`, ...(announced > 0 ? { size: announced } : {}) });
    if (blob.size === 0) {
      await storage.delete(blob.id);
      throw BadChunk(CHUNK_BYTES);
    }
    const accepted = await db.transaction(async (trx) => {
      const updated = await trx('recordings').where({ id: row.id, status: 'uploading', received: offset })
        .update({ received: offset + blob.size, updated_at: clock.now() });
      if (updated === 0) return false;
      await trx('chunks').insert({ recording_id: row.id, offset, size: blob.size, blob_id: blob.id });
      return true;
    });
    if (!accepted) {
      // The same chunk sent twice at once (a retry racing the first try): the first one counts.
      await storage.delete(blob.id);
      const now = await ownRecording(db, me, row.id);
      if (now.status !== 'uploading') throw UploadDone();
      throw WrongOffset(Number(now.received));
    }
    const after = { ...row, received: offset + blob.size };
    if (after.received < Number(row.size)) return toRecording(after);
    return toRecording(await assemble(services, after));
  });
}
