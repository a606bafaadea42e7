import { html, nothing } from 'lit';
import type { StaffWordView } from './types.js';

type Attachment = StaffWordView['attachments'][number];

function size(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} Mo` : `${Math.max(1, Math.round(bytes / 1024))} Ko`;
}

/** A word's files as download links (served by the notebook, which checks who may read the word). */
export function attachmentList(wordId: number, attachments: readonly Attachment[], title: string) {
  if (attachments.length === 0) return nothing;
  return html`<section aria-label=${title}><ul class="files">
    ${attachments.map((a) => html`<li><a href="/api/liaison/words/${wordId}/attachments/${a.id}" download=${a.name}>📎 ${a.name}</a> <span class="muted">(${size(a.size)})</span></li>`)}
  </ul></section>`;
}
