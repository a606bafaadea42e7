import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoContext, PluginServices } from '@preau/sdk';
import { demoBook } from './demo-book.js';
import { recordingHolder } from './recordings.js';

const NAME = 'Le « la » du diapason';

/**
 * A recording for the first teacher of the demo school: five seconds of the tuning fork's A (440 Hz), made by
 * ffmpeg as the conversion job would have left it, ready to insert in a text; and a class's multimedia book.
 * Without ffmpeg, nothing.
 */
export async function demo(context: DemoContext, services: PluginServices): Promise<void> {
  await demoRecording(context, services);
  await demoBook(context, services);
}

async function demoRecording(context: DemoContext, services: PluginServices): Promise<void> {
  const { db, storage, clock, ffmpeg } = services;
  const owner = context.teachers[0]?.id ?? context.director;
  if (!ffmpeg.available || (await db('recordings').where({ owner_id: owner, name: NAME }).first('id'))) return;
  const dir = await mkdtemp(join(tmpdir(), 'preau-media-demo-'));
  try {
    const file = join(dir, 'la.m4a');
    await ffmpeg.run(['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=5', '-c:a', 'aac', '-b:a', '96k', '-f', 'mp4', '-y', file], { timeoutMs: 60_000 });
    const blob = await storage.put(createReadStream(file), { owner, name: `${NAME}.m4a` });
    try {
      await db.transaction(async (trx) => {
        const now = clock.now();
        const [row] = await trx('recordings').insert({
          owner_id: owner, kind: 'audio', name: NAME, status: 'ready', size: blob.size, received: blob.size,
          blob_id: blob.id, media_type: blob.mediaType, duration_ms: 5000, created_at: now, updated_at: now,
        }).returning('id');
        await storage.addReference(blob.id, recordingHolder(row.id as number), { transaction: trx });
      });
    } catch (error) {
      await storage.delete(blob.id);
      throw error;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
