import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yazl from 'yazl';
import type { PluginServices } from '@preau/sdk';
import { TooMany } from './errors.js';
import { subtreeOf, type NodeRow } from './nodes.js';

// yazl checksums every byte with buffer-crc32, in JavaScript: about 100 MiB/s, which made a ZIP of photos ten
// times slower than reading them. Node's zlib.crc32 (native, since 20.15) gives the same values (a running CRC
// continued from `previous`) at disk speed: the very module yazl requires gets it.
const yazlRequire = createRequire(createRequire(import.meta.url).resolve('yazl'));
const bufferCrc32 = yazlRequire('buffer-crc32') as { unsigned: (data: Buffer, previous?: number) => number };
bufferCrc32.unsigned = (data, previous) => crc32(data, typeof previous === 'number' ? previous : 0);

/** The most entries one ZIP holds (the listing of a folder is read whole before the first byte). */
export const ZIP_LIMIT = 50_000;

// Formats that deflate does not shrink: stored as they are, so a folder of photos zips at disk speed.
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|rtf|x-ndjson)|image\/svg\+xml)/;

/** The same, to show in the page. */
export const inlineHeader = (name: string): string => attachmentHeader(name, 'inline');

/** `Content-Disposition` for a download: an ASCII fallback and the exact name (RFC 6266 / 5987). */
export function attachmentHeader(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const fallback = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * A folder as a ZIP stream: each file's bytes are read from storage only when the archive reaches it, so
 * memory stays flat whatever the folder's size (yazl writes ZIP64 past 4 GiB).
 */
export async function folderZip(services: Pick<PluginServices, 'db' | 'storage' | 'log'>, folder: NodeRow): Promise<{ stream: Readable; disposition: string }> {
  const nodes = await subtreeOf(services.db, folder.id, ZIP_LIMIT + 1);
  if (nodes.length > ZIP_LIMIT) throw TooMany(ZIP_LIMIT);
  const zip = new yazl.ZipFile();
  for (const node of nodes) {
    if (node.id === folder.id) continue;
    const mtime = new Date(node.updated_at);
    if (!node.is_file) {
      zip.addEmptyDirectory(node.path, { mtime });
    } else if (node.blob_id) {
      const blobId = node.blob_id;
      zip.addReadStreamLazy(node.path, { mtime, compress: COMPRESSIBLE.test(node.media_type ?? ''), size: Number(node.size) }, (callback: (error: Error | null, stream: NodeJS.ReadableStream) => void) => {
        services.storage.get(blobId).then(
          (got) => (got ? callback(null, got.stream) : callback(new Error(`documents: blob ${blobId} is gone`), Readable.from([]))),
          (error: Error) => callback(error, Readable.from([])),
        );
      });
    }
  }
  zip.end();
  zip.outputStream.on('error', (error: Error) => services.log.error({ err: error }, 'documents: zip stream failed'));
  return { stream: zip.outputStream as Readable, disposition: attachmentHeader(`${folder.name}.zip`) };
}
