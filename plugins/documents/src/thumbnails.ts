import sharp from 'sharp';
import type { PluginServices } from '@preau/sdk';
import { NoThumbnail } from './errors.js';
import { hasThumbnail, thumbnailHolder, type NodeRow } from './nodes.js';

// One image at a time per process and no cache of decoded images: thumbnails are made once per version, and
// a server with little memory must not hold several 12-megapixel images at once.
sharp.cache(false);
sharp.concurrency(1);

/** The longest side of a thumbnail, in pixels (a grid cell on a retina screen). */
export const THUMBNAIL_SIZE = 320;

/**
 * The blob id of the current version's thumbnail, made on first request and kept as a blob held by the
 * version (`documents:thumbnail:<id>`), so it is made once whatever the number of processes.
 */
export async function thumbnailOf(services: Pick<PluginServices, 'db' | 'storage' | 'log'>, node: NodeRow): Promise<string> {
  if (!node.is_file || !hasThumbnail(node.media_type)) throw NoThumbnail();
  const version = await services.db('versions').where({ node_id: node.id, number: node.current_version }).first('id', 'blob_id', 'thumbnail_blob_id');
  if (!version) throw NoThumbnail();
  if (version.thumbnail_blob_id) return version.thumbnail_blob_id as string;
  const source = await services.storage.get(version.blob_id);
  if (!source) throw NoThumbnail();
  const resize = sharp({ limitInputPixels: 100_000_000, failOn: 'error' })
    .rotate()
    .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 72 });
  source.stream.on('error', (error) => resize.destroy(error));
  source.stream.pipe(resize);
  let blob;
  try {
    blob = await services.storage.put(resize, { owner: source.blob.owner ?? node.owner_id, name: `vignette-${version.id}.webp` });
  } catch (error) {
    services.log.warn({ err: error, node: node.id }, 'documents: no thumbnail for this image');
    throw NoThumbnail();
  }
  const kept = await services.db.transaction(async (trx) => {
    const updated = await trx('versions').where({ id: version.id }).whereNull('thumbnail_blob_id').update({ thumbnail_blob_id: blob.id });
    if (updated === 0) return false;
    await services.storage.addReference(blob.id, thumbnailHolder(version.id), { transaction: trx });
    return true;
  });
  if (kept) return blob.id;
  // Another request made it at the same time: keep theirs.
  await services.storage.delete(blob.id);
  return (await services.db('versions').where({ id: version.id }).first('thumbnail_blob_id')).thumbnail_blob_id as string;
}
