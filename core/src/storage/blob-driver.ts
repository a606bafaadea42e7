import type { Readable } from 'node:stream';

/** Bytes `start` to `end` of a blob, both included (an HTTP `Range`). */
export interface ByteRange {
  start: number;
  end: number;
}

/** Where the bytes of blobs live: the local disk or S3-compatible object storage. */
export interface BlobDriver {
  /** A name for logs and the doctor. */
  readonly label: string;
  /**
   * Writes every chunk of `source` under `key`; the object appears only once all were written (a failed or
   * aborted write leaves nothing).
   */
  write(key: string, source: AsyncIterable<Uint8Array>): Promise<void>;
  /** The bytes under `key`, or only those from `range.start` to `range.end` (inclusive, as HTTP ranges). */
  read(key: string, range?: ByteRange): Promise<Readable>;
  /** Removes `key`; nothing happens when it is absent. */
  remove(key: string): Promise<void>;
  close?(): void;
}
