import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import type { PluginServices, StoredBlob } from '@preau/sdk';
import { createFolder, parsePaths, placeUpload } from './files.js';
import { cleanName, shareRef, type NodeRow, NODE_COLUMNS } from './nodes.js';

/** The most files one ZIP gives, and the most bytes once uncompressed (each file also counts in the quota as stored). */
export const EXTRACT_LIMITS = { files: 2000, bytes: 2 * 1024 ** 3 };

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** Why an extraction stops, in French for the page. */
class Refused extends Error {}

/**
 * Extracts a ZIP of Documents into a new folder beside it, as its requester: refused whole when it holds more than
 * `EXTRACT_LIMITS` (counted from the entries before any byte is written, then checked against the bytes as they
 * come), a path that climbs out or is absolute (yauzl refuses them), or a link; names cleaned like uploads. All
 * or nothing: the files stored are deleted when anything fails. Runs as a job (`extract`), never in a request.
 */
export async function extractZip(services: PluginServices, extractionId: number): Promise<void> {
  const { db, storage, sharing } = services;
  const extraction = await db('extractions').where({ id: extractionId, state: 'pending' }).first();
  if (!extraction) return;
  const fail = (message: string) => db('extractions').where({ id: extractionId }).update({ state: 'failed', message });
  const zip = (await db('nodes').where({ id: extraction.zip_id }).whereNull('trashed_at').first(NODE_COLUMNS)) as NodeRow | undefined;
  const role = zip ? await sharing.roleOf(extraction.user_id, shareRef(zip)) : null;
  if (!zip || !zip.blob_id || !role) return void (await fail('Le fichier ZIP n’existe plus.'));
  const dir = await mkdtemp(join(tmpdir(), 'preau-extract-'));
  const blobs: StoredBlob[] = [];
  let folderId: number | undefined;
  try {
    const got = await storage.get(zip.blob_id);
    if (!got) throw new Refused('Le fichier ZIP n’existe plus.');
    const path = join(dir, 'archive.zip');
    await pipeline(got.stream, createWriteStream(path));
    let archive: yauzl.ZipFile;
    try {
      archive = await yauzl.openPromise(path, { strictFileNames: true, validateEntrySizes: true });
    } catch (error) {
      throw new Refused(`Ce fichier n’est pas un ZIP lisible (${(error as Error).message}).`);
    }
    if (archive.entryCount > EXTRACT_LIMITS.files) throw new Refused(`Le ZIP contient plus de ${EXTRACT_LIMITS.files} fichiers.`);
    const paths: string[] = [];
    let total = 0;
    try {
      for await (const entry of archive.eachEntry()) {
        if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) throw new Refused(`Le ZIP contient un lien (${entry.fileName}) : refusé.`);
        if (entry.fileName.endsWith('/')) continue;
        total += entry.uncompressedSize;
        if (total > EXTRACT_LIMITS.bytes) throw new Refused('Le ZIP décompressé dépasserait la taille permise.');
        const parts = entry.fileName.split('/');
        const name = cleanName(parts.pop()!);
        const stream = await archive.openReadStreamPromise(entry);
        blobs.push(await storage.put(stream, { owner: extraction.user_id, name, size: entry.uncompressedSize }));
        paths.push(parts.join('/'));
      }
    } catch (error) {
      // yauzl's refusals (a path that climbs out, an absolute one, sizes that lie) read as the archive's fault.
      if (error instanceof Error && !(error instanceof Refused) && /invalid|absolute|relative path|size/i.test(error.message)) throw new Refused(`ZIP refusé : ${error.message}.`);
      throw error;
    } finally {
      archive.close();
    }
    const base = zip.name.replace(/\.zip$/i, '') || zip.name;
    const owner = { parentId: zip.parent_id, ownerId: zip.owner_id, by: extraction.user_id };
    folderId = await db.transaction((trx) => createFolder(services, trx, owner, cleanName(base)));
    await placeUpload(services, { parentId: folderId, ownerId: zip.owner_id, by: extraction.user_id }, blobs, parsePaths(JSON.stringify(paths), blobs.length));
    blobs.length = 0;
    await db('extractions').where({ id: extractionId }).update({ state: 'done', folder_id: folderId, files: paths.length });
  } catch (error) {
    await Promise.all(blobs.map((blob) => storage.delete(blob.id).catch(() => false)));
    const made = folderId;
    if (made !== undefined) {
      await db.transaction(async (trx) => {
        await sharing.remove({ type: 'folder', id: made }, { transaction: trx });
        await trx('nodes').where({ id: made }).delete();
      });
    }
    const message = error instanceof Refused ? error.message : (error as { message?: string }).message ?? 'Extraction impossible.';
    await fail(message);
    if (!(error instanceof Refused) && !(error as { code?: string }).code) services.log.error({ err: error, extractionId }, 'documents: extraction failed');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
