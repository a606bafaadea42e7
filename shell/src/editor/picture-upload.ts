import type { ApiClient } from '@preau/sdk/web';

const EMBEDDED_PICTURE = /<img\b[^>]*\bsrc\s*=\s*["']?(data:image\/(png|jpeg|gif|webp);base64,([a-z0-9+/=\s]+))/gi;

/**
 * The pictures a paste or a drop brings, read while the event lasts: image files (a screenshot, a photo dragged
 * from the desktop), else the images embedded in its HTML (Word and some web pages put `data:` images there).
 * Nothing is awaited, so the clipboard is read before the event ends; bad base64 rejects the promise.
 */
export async function picturesIn(data: DataTransfer): Promise<File[]> {
  const files = [...data.files].filter((file) => file.type.startsWith('image/'));
  if (files.length) return files;
  // Decoded here rather than fetched: the page's CSP lets scripts connect to Préau only, not to data: URLs.
  return [...data.getData('text/html').matchAll(EMBEDDED_PICTURE)].map((match, index) => {
    const kind = match[2]!.toLowerCase();
    const bytes = Uint8Array.from(atob(match[3]!.replace(/\s/g, '')), (char) => char.charCodeAt(0));
    return new File([bytes], `image-${index + 1}.${kind}`, { type: `image/${kind}` });
  });
}

/**
 * An uploaded picture: where texts point to it. Its description is asked of the writer, never made from its file
 * name ("IMG_2041" tells nothing to someone who cannot see it).
 */
export interface UploadedPicture {
  src: string;
}

/**
 * Stores a picture for a text in the user's storage (`POST /api/core/files`): the text's readers open it once
 * the app saving the text holds it (`insertedFiles.attach`), nobody else.
 */
export async function uploadPicture(api: ApiClient, file: File): Promise<UploadedPicture> {
  const form = new FormData();
  form.append('file', file, file.name || 'image.png');
  const stored = await api.upload<{ src: string; name: string }>('/api/core/files', form);
  return { src: stored.src };
}
