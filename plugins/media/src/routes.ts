import { Type, type PluginApp, type PluginServices } from '@preau/sdk';
import { bookRoutes } from './book-routes.js';
import { defineConvertJob } from './convert-job.js';
import { pageRoutes } from './page-routes.js';
import { deleteRecording, ownRecording, toRecording, type RecordingRow } from './recordings.js';
import { Errors, MediaStatus, Recording, RecordingParams } from './schemas.js';
import { CHUNK_BYTES, type MediaSettings } from './settings.js';
import { uploadRoutes } from './upload-routes.js';

/** How many recordings the app's page lists (newest first). */
export const LISTED = 200;

/**
 * A person's recordings: uploaded in resumable chunks, converted in a background job, then inserted in any
 * text as a player (`/api/core/files/<id>`, readable by the text's readers). Before any of these runs, the core
 * has checked that someone is signed in and that the app is on for one of their schools today. A recording is
 * its owner's alone: anyone else gets 404; others hear it only through a text that holds it.
 */
export async function routes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db } = services;
  const settings = services.settings as MediaSettings;
  defineConvertJob(services, settings);

  app.get('/status', { schema: { response: { 200: MediaStatus, ...Errors } } }, async (request) => ({
    converts: services.ffmpeg.available !== null,
    audioLimitSeconds: settings.audioLimitSeconds,
    videoLimitSeconds: settings.videoLimitSeconds,
    chunkBytes: CHUNK_BYTES,
    mayRecordScreen: request.currentUser!.profile === 'Teacher' || request.currentUser!.profile === 'Personnel',
  }));

  app.get('/recordings', { schema: { response: { 200: Type.Array(Recording), ...Errors } } }, async (request) => {
    const rows = (await db('recordings').where({ owner_id: request.currentUser!.id }).whereNot({ status: 'uploading' })
      .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(LISTED)) as RecordingRow[];
    return rows.map(toRecording);
  });

  app.get('/recordings/:recordingId', { schema: { params: RecordingParams, response: { 200: Recording, ...Errors } } }, async (request) =>
    toRecording(await ownRecording(db, request.currentUser!.id, request.params.recordingId)));

  // Texts it was inserted in keep playing it: they hold its files themselves.
  app.delete('/recordings/:recordingId', { schema: { params: RecordingParams, response: { 204: Type.Null(), ...Errors } } }, async (request, reply) => {
    const row = await ownRecording(db, request.currentUser!.id, request.params.recordingId);
    await deleteRecording(services, row);
    return reply.code(204).send(null);
  });

  await uploadRoutes(app, services);
  await bookRoutes(app, services);
  await pageRoutes(app, services);
}
