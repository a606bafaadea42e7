/**
 * The body and headers of a browser's file upload (`multipart/form-data`, one file in the field `file`), to
 * spread into `inject`: `platform.as(user).inject({ method: 'POST', url, ...fileUpload('menu.pdf', bytes) })`.
 * The type sent is only what a browser claims: storage reads the real one from the bytes.
 */
export function fileUpload(name: string, content: Buffer, type = 'application/octet-stream'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----preau${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * The body and headers of a form with several files, one per field (the ONDE import's `pupils` and
 * `guardians`): `inject({ method: 'POST', url, ...filesUpload({ pupils: { name, content }, guardians: … }) })`.
 */
export function filesUpload(files: Record<string, { name: string; content: Buffer; type?: string }>): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----preau${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(files).flatMap(([field, file]) => [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`),
    file.content,
    Buffer.from('\r\n'),
  ]);
  return { payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
