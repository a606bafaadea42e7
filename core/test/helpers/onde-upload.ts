import { readFile } from 'node:fs/promises';

/** The sample ONDE exports copied from ../shared/fixtures/onde. */
export const SAMPLES = {
  jeanMoulin: new URL('../fixtures/onde/ecole-jean-moulin/', import.meta.url),
  tilleuls: new URL('../fixtures/onde/ecole-maternelle-les-tilleuls/', import.meta.url),
};

/** The two files of a sample folder. */
export async function sampleFiles(folder: URL): Promise<{ pupils: Buffer; guardians: Buffer }> {
  return {
    pupils: await readFile(new URL('CSVExtraction-eleves.csv', folder)),
    guardians: await readFile(new URL('CSVExtraction-responsables.csv', folder)),
  };
}

/** A multipart/form-data body with the two files, as a browser sends it. */
export function ondeUpload(files: { pupils?: Uint8Array; guardians?: Uint8Array }): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----preau${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [field, bytes] of Object.entries(files)) {
    if (!bytes) continue;
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="CSVExtraction.csv"\r\nContent-Type: text/csv\r\n\r\n`));
    parts.push(Buffer.from(bytes), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
