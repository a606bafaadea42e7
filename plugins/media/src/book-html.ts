import { INSERTED_FILE_PREFIX } from '@preau/sdk';
import type { BookRow } from './books.js';
import type { PageRow } from './pages.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Every inserted file a sanitized text points at (pictures and players put in the page's text with the editor). */
const INSERTED = new RegExp(`${INSERTED_FILE_PREFIX.replaceAll('/', '\\/')}([a-f0-9]{32})`, 'g');

/** The blobs a page shows, in the order it shows them: its layout's files, then those inserted in its text. */
export function blobsOf(page: PageRow): string[] {
  const own = [page.picture_blob_id, page.second_picture_blob_id, page.video_blob_id, page.poster_blob_id, page.sound_blob_id];
  return [...new Set([...own.filter((id): id is string => id !== null), ...[...page.text.matchAll(INSERTED)].map((m) => m[1]!)])];
}

/**
 * The book as one self-contained HTML page (styles inline, no script, no address outside the ZIP): every
 * page one after another, each file by its name beside it (`local`). It opens from a USB key years later.
 */
export function bookHtml(book: Pick<BookRow, 'title'>, pages: readonly PageRow[], local: (blobId: string) => string): string {
  const file = (id: string) => escapeHtml(local(id));
  const body = pages.map((page, index) => {
    const pictures = [page.picture_blob_id, page.second_picture_blob_id].filter((id): id is string => id !== null)
      .map((id) => `<img src="${file(id)}" alt="">`).join('');
    const video = page.video_blob_id
      ? `<video src="${file(page.video_blob_id)}"${page.poster_blob_id ? ` poster="${file(page.poster_blob_id)}"` : ''} controls preload="metadata"></video>` : '';
    const sound = page.sound_blob_id ? `<audio src="${file(page.sound_blob_id)}" controls preload="metadata"></audio>` : '';
    const text = page.text.replace(INSERTED, (_, id: string) => file(id));
    return `<section class="page ${page.template}" aria-label="Page ${index + 1}">
<div class="media">${pictures}${video}</div>
<div class="text">${text}</div>
${sound}
<p class="number">${index + 1} / ${pages.length}</p>
</section>`;
  }).join('\n');
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(book.title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1b1b1b; line-height: 1.5; }
h1 { text-align: center; }
.page { border: 1px solid #ccc; border-radius: 8px; padding: 1rem; margin: 1rem 0; break-inside: avoid; page-break-after: always; }
.media { display: grid; gap: 0.5rem; }
.two-pictures .media { grid-template-columns: 1fr 1fr; }
.picture-text { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
@media (max-width: 40rem) { .picture-text, .two-pictures .media { grid-template-columns: 1fr; } }
img, video { max-width: 100%; height: auto; border-radius: 4px; }
audio { width: 100%; margin-top: 0.5rem; }
.number { text-align: right; color: #555; font-size: 0.9rem; }
@media print { audio, video { display: none; } .page { border: none; } }
</style>
</head>
<body>
<h1>${escapeHtml(book.title)}</h1>
${body}
</body>
</html>
`;
}
