import { css, html, nothing } from 'lit';
import type { Page } from './book-types.js';
import { MediaElement } from './media-element.js';

/**
 * One page of a book laid out by its template: one big picture (its text as a caption), a picture beside its
 * text, two pictures side by side, or a video above its text; its sound as a player under it. `printing` leaves
 * out the players (paper holds the text and pictures).
 */
export class MediaBookPage extends MediaElement {
  static override properties = { page: { attribute: false }, printing: { type: Boolean } };
  static override styles = [MediaElement.styles, css`
    :host { display: block; }
    .layout { display: grid; gap: var(--preau-space-3, 0.75rem); }
    .picture-text { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); align-items: start; }
    .pictures { display: grid; gap: var(--preau-space-2, 0.5rem); }
    .two-pictures .pictures { grid-template-columns: 1fr 1fr; }
    img, video { width: 100%; height: auto; max-height: 70vh; object-fit: contain; border-radius: var(--preau-radius, 8px); background: #f2f2f2; }
    .picture img { max-height: 75vh; }
    .text { overflow-wrap: anywhere; }
    audio { width: 100%; margin-top: var(--preau-space-2, 0.5rem); }
    @media (max-width: 40rem) { .picture-text, .two-pictures .pictures { grid-template-columns: 1fr; } }
  `];
  page?: Page;
  printing = false;

  override render() {
    const page = this.page;
    if (!page) return nothing;
    const pictures = page.pictures.length
      ? html`<div class="pictures">${page.pictures.map((src) => html`<img src=${src} alt="" loading="lazy">`)}</div>` : nothing;
    const video = page.video && !this.printing
      ? html`<video src=${page.video.src} poster=${page.video.poster ?? nothing} controls preload="metadata" aria-label=${this.t('pageVideo')}></video>`
      : page.video?.poster ? html`<img src=${page.video.poster} alt="">` : nothing;
    const text = page.text ? html`<preau-rich-text class="text" .html=${page.text}></preau-rich-text>` : nothing;
    return html`
      <div class="layout ${page.template}">${pictures}${video}${text}</div>
      ${page.sound && !this.printing ? html`<audio src=${page.sound} controls preload="metadata" aria-label=${this.t('pageSound')}></audio>` : nothing}
    `;
  }
}
customElements.define('media-book-page', MediaBookPage);

declare global {
  interface HTMLElementTagNameMap {
    'media-book-page': MediaBookPage;
  }
}
