const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_NAME = 180;

/**
 * A file name safe to store and to send back: the last path segment only, NFC, no control, bidi-override or
 * reserved characters, no leading dots, at most 180 characters with the extension kept. Never empty.
 */
export function sanitizeFileName(raw: string): string {
  let name = (raw ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  // Control characters, and bidi overrides that make "photo‮gpj.exe" read as "photoexe.jpg".
  name = name.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  name = name.replace(/[<>:"|?*]/g, '_').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').replace(/[. ]+$/, '');
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  if (name.length > MAX_NAME) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
    name = Array.from(name.slice(0, name.length - extension.length)).slice(0, MAX_NAME - extension.length).join('') + extension;
  }
  return name || 'fichier';
}

/**
 * The `Content-Disposition` value for `name`: an ASCII fallback and the exact name in RFC 5987 encoding
 * (`filename*=UTF-8''…`), as RFC 6266 recommends.
 */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline'): string {
  const fallback = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
