import type { StoredBlob } from '@preau/sdk';

/** A row of `core.storage_blobs`. */
export interface BlobRow {
  id: string;
  owner_id: number | null;
  name: string;
  media_type: string;
  size: string | number;
  sha256: string;
  key: string;
  created_at: Date | string;
}

export const BLOB_COLUMNS = ['id', 'owner_id', 'name', 'media_type', 'size', 'sha256', 'key', 'created_at'];

/** What a blob id looks like: anything else is unknown without asking the database. */
export const BLOB_ID = /^[a-f0-9]{32}$/;

export function toBlob(row: BlobRow): StoredBlob {
  return {
    id: row.id,
    owner: row.owner_id,
    name: row.name,
    mediaType: row.media_type,
    size: Number(row.size),
    sha256: row.sha256,
    createdAt: new Date(row.created_at),
  };
}
