import type { ApiClient } from '@preau/sdk/web';

const EMBEDDED_PICTURE = /<img\b[^>]*\bsrc\s*=\s*["']?(data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/=\s]+)/gi;

/**
 * The pictures a paste or a drop brings, read while the event lasts: image files (a screenshot, a photo dragged
 * from the desktop), else the images embedded in its HTML (Word and some web pages put `data:` images there).
 */
export function picturesIn(data: DataTransfer): Promise<File[]> {
  const files = [...data.files].filter((file) => file.type.startsWith('image/'));
  if (files.length) return Promise.resolve(files);
  const sources = [...data.getData('text/html').matchAll(EMBEDDED_PICTURE)].map((match) => match[1]!.replace(/\s/g, ''));
  return Promise.all(sources.map(async (source, index) => {
    const blob = await (await fetch(source)).blob();
    return new File([blob], `image-${index + 1}.${blob.type.split('/')[1] ?? 'png'}`, { type: blob.type });
  }));
}

/**
 * An uploaded picture: where texts point to it. Its description is asked of the writer, never made from its file
 * name ("IMG_2041" tells nothing to someone who cannot see it).
 */
export interface UploadedPicture {
  src: string;
}

/** Stores a picture for a text in the user's storage (`POST /api/core/text-images`). */
export async function uploadPicture(api: ApiClient, file: File): Promise<UploadedPicture> {
  const form = new FormData();
  form.append('file', file, file.name || 'image.png');
  const stored = await api.upload<{ src: string; name: string }>('/api/core/text-images', form);
  return { src: stored.src };
}
