import type { ApiClient } from './api-client.js';

/**
 * Sends the files a user just chose in `<input type="file">` to `path` (multipart, each in the field `file`, as
 * storage's `receive` reads them), empties the input for the next choice, and returns the app's answer.
 * Nothing chosen, nothing sent: `[]`.
 */
export async function uploadChosenFiles<T>(api: ApiClient, path: string, input: HTMLInputElement): Promise<T[]> {
  if (!input.files?.length) return [];
  const form = new FormData();
  for (const file of input.files) form.append('file', file, file.name);
  const uploaded = await api.upload<T[]>(path, form);
  input.value = '';
  return uploaded;
}
