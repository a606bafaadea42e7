import { fileTypeFromBuffer } from 'file-type';

/** How many leading bytes are kept to detect the type (file-type's own sample size). */
export const SNIFF_BYTES = 4100;

// Text formats a client may name for bytes that are valid UTF-8 text. Never text/html, image/svg+xml or
// anything a browser would run: those stay text/plain.
const TEXT_TYPES = new Set(['text/plain', 'text/csv', 'text/calendar', 'text/vcard', 'text/markdown', 'text/tab-separated-values']);

/** Types a page may show inline (no script can run in them). */
export const INLINE_SAFE = /^(image\/(png|jpeg|gif|webp|avif|bmp)|audio\/[a-z0-9.+-]+|video\/[a-z0-9.+-]+)$/;

/**
 * Checks that a stream of bytes is UTF-8 text (no NUL nor other control characters than tab, line feed,
 * carriage return and form feed), chunk by chunk.
 */
export class TextCheck {
  #decoder = new TextDecoder('utf-8', { fatal: true });
  #text = true;

  push(chunk: Uint8Array): void {
    if (!this.#text) return;
    try {
      const decoded = this.#decoder.decode(chunk, { stream: true });
      if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(decoded)) this.#text = false;
    } catch {
      this.#text = false;
    }
  }

  /** True when every byte pushed made UTF-8 text. */
  end(): boolean {
    if (!this.#text) return false;
    try {
      this.#decoder.decode();
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * The media type of a file from its first bytes: what `file-type` recognizes; else, for UTF-8 text, the
 * client's text type when it is a harmless one, else `text/plain`; else `application/octet-stream`.
 */
export async function detectMediaType(head: Uint8Array, isText: boolean, claimed?: string): Promise<string> {
  const detected = head.length > 0 ? await fileTypeFromBuffer(head) : undefined;
  if (detected) return detected.mime;
  if (!isText) return 'application/octet-stream';
  const wanted = claimed?.split(';')[0]?.trim().toLowerCase();
  return wanted && TEXT_TYPES.has(wanted) ? wanted : 'text/plain';
}
