import type { Readable } from 'node:stream';

/** Where the bytes of blobs live: the local disk or S3-compatible object storage. */
export interface BlobDriver {
  /** A name for logs and the doctor. */
  readonly label: string;
  /**
   * Writes every chunk of `source` under `key`; the object appears only once all were written (a failed or
   * aborted write leaves nothing).
   */
  write(key: string, source: AsyncIterable<Uint8Array>): Promise<void>;
  /** The bytes under `key`. */
  read(key: string): Promise<Readable>;
  /** Removes `key`; nothing happens when it is absent. */
  remove(key: string): Promise<void>;
  close?(): void;
}
