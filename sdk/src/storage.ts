import type { Readable } from 'node:stream';
import type { Knex } from 'knex';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A stored file (a blob): its bytes live in the platform's file store, its facts in the database. */
export interface StoredBlob {
  /** Opaque and unguessable; never enough on its own to read the file (the app that references it decides). */
  id: string;
  /** The user whose quota counts it. */
  owner: number | null;
  /** The sanitized file name (no path, no control characters). */
  name: string;
  /** Detected from the bytes, never taken from the client. */
  mediaType: string;
  size: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
  createdAt: Date;
}

/** A user's storage use: everything they stored in any app counts. */
export interface StorageUsage {
  used: number;
  quota: number;
}

/** What `put` needs besides the bytes. */
export interface PutOptions {
  /** The user whose quota pays for the file. */
  owner: number;
  /** The name given by the user; it is sanitized. */
  name: string;
  /**
   * What the client says the file is: only used to name a text format (`text/csv`, `text/calendar`…) of bytes
   * that are valid UTF-8 text; binary types are always detected from the bytes.
   */
  mediaType?: string;
  /**
   * The size announced by the client (Content-Length), when known: reserved on the quota at once, so racing
   * uploads are served first come, first served and one that cannot fit is refused before any byte is stored.
   */
  size?: number;
}

/** How `send` serves a blob. */
export interface SendOptions {
  /** The name the browser saves the file under (the blob's by default). */
  name?: string;
  /** Shows a raster image, audio or video in the page; every other type is always downloaded. */
  inline?: boolean;
}

/**
 * The platform's file store: documents, attachments and media all use it. Files stream in and out (never
 * whole in memory), each user's quota is enforced while the bytes arrive (racing uploads never pass it), and
 * a file shared by several items is referenced, not copied: it is deleted when nothing references it.
 * A blob no app references a day after it was stored is removed by the nightly sweep.
 */
export interface StorageService {
  /** The largest accepted file, in bytes. */
  readonly maxUploadBytes: number;
  /** Stores the bytes of `source`; refused (and nothing kept) past the upload limit or the owner's quota. */
  put(source: Readable | AsyncIterable<Uint8Array>, options: PutOptions): Promise<StoredBlob>;
  /**
   * Stores each file of a multipart request (`multipart/form-data`) as it arrives, for `owner`; the other
   * fields are returned as text. A failure removes the files already stored by this request.
   */
  receive(request: FastifyRequest, options: { owner: number; maxFiles?: number }): Promise<{ blobs: StoredBlob[]; fields: Record<string, string> }>;
  /** The blob and a stream of its bytes; undefined when it does not exist. */
  get(id: string): Promise<{ blob: StoredBlob; stream: Readable } | undefined>;
  /** The blob's facts; undefined when it does not exist. */
  stat(id: string): Promise<StoredBlob | undefined>;
  /** The facts of these blobs (unknown ids left out). */
  statMany(ids: readonly string[]): Promise<StoredBlob[]>;
  /**
   * Streams the blob as a download: `Content-Disposition` (RFC 6266/5987 name), `X-Content-Type-Options:
   * nosniff` and a sandboxing Content-Security-Policy; HTML, SVG and XML are never shown inline.
   * The caller has checked that the user may read it. 404 when it does not exist.
   */
  send(reply: FastifyReply, id: string, options?: SendOptions): Promise<FastifyReply>;
  /** Records that `holder` (e.g. `'messaging:attachment:42'`) uses the blob; idempotent. */
  addReference(id: string, holder: string, options?: { transaction?: Knex.Transaction }): Promise<void>;
  /**
   * Removes `holder`'s references to these blobs; blobs left with no reference are deleted and their owner's
   * quota freed (after the transaction commits, when one is given).
   */
  removeReferences(ids: readonly string[], holder: string, options?: { transaction?: Knex.Transaction }): Promise<void>;
  /** Deletes an unreferenced blob (an upload the user removed before using it); false when referenced or absent. */
  delete(id: string): Promise<boolean>;
  /** How much `userId` stores and may store. */
  usage(userId: number): Promise<StorageUsage>;
}
