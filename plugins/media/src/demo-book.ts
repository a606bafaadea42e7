import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoContext, PluginServices } from '@preau/sdk';
import { createBook } from './books.js';
import { pageHolder } from './pages.js';

/** What ffmpeg draws for the demo: a beach, a forest with its sun, a short film with its poster, a sound. */
const SOURCES = {
  beach: { name: 'plage.jpg', args: ['-f', 'lavfi', '-i', 'color=c=0x87ceeb:s=800x450,drawbox=y=300:w=800:h=150:color=0xf2d49b:t=fill,drawbox=y=260:w=800:h=40:color=0x1e6fa8:t=fill', '-frames:v', '1'] },
  forest: { name: 'foret.jpg', args: ['-f', 'lavfi', '-i', 'color=c=0x2e7d32:s=800x450,drawbox=x=600:y=40:w=120:h=120:color=0xffd54f:t=fill', '-frames:v', '1'] },
  shells: { name: 'coquillages.jpg', args: ['-f', 'lavfi', '-i', 'color=c=0xf2d49b:s=800x450,drawbox=x=200:y=180:w=90:h=70:color=0xf8bbd0:t=fill,drawbox=x=480:y=220:w=70:h=60:color=0xffffff:t=fill', '-frames:v', '1'] },
  film: { name: 'vagues.mp4', args: ['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25:duration=4', '-f', 'lavfi', '-i', 'sine=frequency=330:duration=4', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-preset', 'veryfast', '-c:a', 'aac', '-shortest', '-movflags', '+faststart', '-f', 'mp4'] },
  poster: { name: 'vagues.jpg', args: ['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=1:duration=1', '-frames:v', '1'] },
  voice: { name: 'poeme.m4a', args: ['-f', 'lavfi', '-i', 'sine=frequency=523:duration=3', '-c:a', 'aac', '-b:a', '96k', '-f', 'mp4'] },
} as const;

/**
 * The CM2's multimedia book of its trip to the sea, three pages: a beach with a pupil's poem to hear, two
 * pictures, a film of the waves. Made by ffmpeg; without it, nothing (the app says recordings are not converted).
 */
export async function demoBook(context: DemoContext, services: PluginServices): Promise<void> {
  const { db, storage, clock, ffmpeg, insertedFiles, sanitize } = services;
  const teacher = context.teachers.at(-1) ?? context.teachers[0];
  if (!teacher || !ffmpeg.available || (await db('books').where({ school_id: context.schoolId }).first('id'))) return;
  const dir = await mkdtemp(join(tmpdir(), 'preau-media-book-'));
  const stored: string[] = [];
  try {
    const blob: Partial<Record<keyof typeof SOURCES, string>> = {};
    for (const [key, source] of Object.entries(SOURCES) as [keyof typeof SOURCES, (typeof SOURCES)[keyof typeof SOURCES]][]) {
      const file = join(dir, source.name);
      await ffmpeg.run(['-v', 'error', ...source.args, '-y', file], { timeoutMs: 60_000 });
      const put = await storage.put(createReadStream(file), { owner: teacher.id, name: source.name });
      stored.push(put.id);
      blob[key] = put.id;
    }
    const bookId = await createBook(services, { schoolId: context.schoolId, classId: teacher.classId, title: 'Notre classe de mer', owner: teacher.id });
    const pages = [
      { template: 'picture-text', text: '<p><strong>Lundi.</strong> Arrivée à la mer ! Léa nous lit le poème qu’elle a écrit sur la plage.</p>', picture_blob_id: blob.beach, sound_blob_id: blob.voice },
      { template: 'two-pictures', text: '<p>La forêt de pins derrière la dune, et les coquillages ramassés à marée basse.</p>', picture_blob_id: blob.forest, second_picture_blob_id: blob.shells },
      { template: 'video-text', text: '<p><strong>Mercredi.</strong> Les vagues filmées par Tom depuis la digue.</p>', video_blob_id: blob.film, poster_blob_id: blob.poster },
    ] as const;
    await db.transaction(async (transaction) => {
      const now = clock.now();
      for (const [index, page] of pages.entries()) {
        const [row] = await transaction('pages').insert({
          book_id: bookId, author_id: teacher.id, position: index + 1, state: 'published', created_at: now, updated_at: now,
          ...page, text: sanitize.richText(page.text),
        }).returning('id');
        const held = Object.entries(page).filter(([column]) => column.endsWith('_blob_id')).map(([, id]) => id as string);
        await insertedFiles.hold(held, pageHolder(row.id as number), { transaction });
      }
    });
  } catch (error) {
    await Promise.all(stored.map((id) => storage.delete(id).catch(() => false)));
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
