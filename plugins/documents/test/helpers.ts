import { filesUpload, type TestPlatform, type TestUser } from '@preau/core/testing';

/** A file to upload: its name and bytes. */
export interface UploadFile {
  name: string;
  content: Buffer;
}

/**
 * Uploads files as `user` into a folder (or the top of their space, or "Fichiers insérés" as the editor's picker
 * does with `inserted`), with relative folder paths if given.
 */
export async function upload(platform: TestPlatform, user: TestUser, files: readonly UploadFile[], options: { folderId?: number; paths?: string[]; inserted?: boolean } = {}): Promise<Awaited<ReturnType<ReturnType<TestPlatform['as']>['inject']>>> {
  const form = filesUpload(Object.fromEntries(files.map((file, i) => [`file${i}`, file])));
  let payload = form.payload;
  if (options.paths) {
    // The `paths` field goes last, after the files, as a browser's FormData puts it when appended last.
    const boundary = /boundary=(.*)$/.exec(form.headers['content-type']!)![1]!;
    const text = payload.toString('latin1');
    const end = text.lastIndexOf(`--${boundary}--`);
    payload = Buffer.concat([
      payload.subarray(0, end),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="paths"\r\n\r\n${JSON.stringify(options.paths)}\r\n--${boundary}--\r\n`, 'utf8'),
    ]);
  }
  const query = options.inserted ? '?inserted=true' : options.folderId ? `?folderId=${options.folderId}` : '';
  return platform.as(user).inject({ method: 'POST', url: `/api/documents/uploads${query}`, payload, headers: form.headers });
}

/** Makes a folder and returns its id. */
export async function folder(platform: TestPlatform, user: TestUser, name: string, parentId?: number): Promise<number> {
  const response = await platform.as(user).inject({ method: 'POST', url: '/api/documents/folders', payload: { name, ...(parentId ? { parentId } : {}) } });
  if (response.statusCode !== 201) throw new Error(`folder ${name}: ${response.body}`);
  return response.json().id as number;
}

/** The names in a folder's first page (or the top of the user's space). */
export async function names(platform: TestPlatform, user: TestUser, folderId?: number, query = ''): Promise<string[]> {
  const response = await platform.as(user).inject(`/api/documents/nodes?${folderId ? `folderId=${folderId}&` : ''}${query}`);
  if (response.statusCode !== 200) throw new Error(response.body);
  return response.json().items.map((item: { name: string }) => item.name);
}

/** Bytes of a given size, different for each seed. */
export const bytes = (size: number, seed = 1): Buffer => Buffer.alloc(size, seed);
