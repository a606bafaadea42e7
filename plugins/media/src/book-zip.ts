import { Readable } from 'node:stream';
import yazl from 'yazl';
import { fileNameSlug, type PluginServices } from '@preau/sdk';
import { blobsOf, bookHtml } from './book-html.js';
import type { BookRow } from './books.js';
import type { PageRow } from './pages.js';

/** The file name extension of each type a page may show; others keep `.bin` (they still play from the page). */
const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp', 'image/avif': 'avif',
  'video/mp4': 'mp4', 'video/webm': 'webm', 'audio/mp4': 'm4a', 'audio/mpeg': 'mp3', 'audio/webm': 'weba', 'audio/ogg': 'ogg', 'audio/wav': 'wav',
};

/** `Content-Disposition` for a download: an ASCII fallback and the exact name (RFC 6266 / 5987). */
function attachmentHeader(name: string): string {
  const fallback = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * The book as a ZIP stream: `index.html` (self-contained) and `media/` beside it. Each file's bytes are read
 * from storage only when the archive reaches it, so memory stays flat whatever the videos weigh. Pictures and
 * media are already compressed: stored as they are.
 */
export async function bookZip(services: Pick<PluginServices, 'storage' | 'log' | 'clock'>, book: BookRow, pages: readonly PageRow[]): Promise<{ stream: Readable; disposition: string }> {
  const ids = [...new Set(pages.flatMap(blobsOf))];
  const blobs = new Map((await services.storage.statMany(ids)).map((b) => [b.id, b]));
  // Numbered in reading order, so that the folder lists the files as the book shows them.
  const names = new Map(ids.filter((id) => blobs.has(id)).map((id, index) => [id, `media/${String(index + 1).padStart(3, '0')}.${EXTENSIONS[blobs.get(id)!.mediaType] ?? 'bin'}`]));
  const mtime = services.clock.now();
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(bookHtml(book, pages, (id) => names.get(id) ?? '')), 'index.html', { mtime });
  for (const [blobId, name] of names) {
    zip.addReadStreamLazy(name, { mtime, compress: false, size: blobs.get(blobId)!.size }, (callback: (error: Error | null, stream: NodeJS.ReadableStream) => void) => {
      services.storage.get(blobId).then(
        (got) => (got ? callback(null, got.stream) : callback(new Error(`media: blob ${blobId} is gone`), Readable.from([]))),
        (error: Error) => callback(error, Readable.from([])),
      );
    });
  }
  zip.end();
  zip.outputStream.on('error', (error: Error) => services.log.error({ err: error }, 'media: book zip stream failed'));
  return { stream: zip.outputStream as Readable, disposition: attachmentHeader(`${fileNameSlug(book.title) || 'cahier'}.zip`) };
}
