import { html, nothing } from 'lit';
import type { Attachment } from './api-types.js';

function size(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} Mo` : `${Math.max(1, Math.round(bytes / 1024))} Ko`;
}

/**
 * An item's images, shown in the page (their file name as text alternative), then its other files as download
 * links; both served by the news app, which checks that the reader may see the item.
 */
export function itemAttachments(itemId: number, attachments: readonly Attachment[], title: string) {
  if (attachments.length === 0) return nothing;
  const url = (a: Attachment) => `/api/news/items/${itemId}/attachments/${encodeURIComponent(a.id)}`;
  const images = attachments.filter((a) => a.mediaType.startsWith('image/'));
  const files = attachments.filter((a) => !a.mediaType.startsWith('image/'));
  return html`<section class="attachments" aria-label=${title}>
    ${images.map((a) => html`<figure><img src="${url(a)}?inline=true" alt=${a.name} loading="lazy"></figure>`)}
    ${files.length ? html`<ul class="files">${files.map((a) => html`<li><a href=${url(a)} download=${a.name}>📎 ${a.name}</a> <span class="meta">(${size(a.size)})</span></li>`)}</ul>` : nothing}
  </section>`;
}
