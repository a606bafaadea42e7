import { css, html, nothing } from 'lit';
import type { BookWithPages } from './book-types.js';
import { MediaElement } from './media-element.js';
import './media-book-page.js';

/** A swipe is a horizontal move of at least this many pixels, more horizontal than vertical. */
const SWIPE_PX = 50;

/**
 * A book read as a book (`/books/:id/read`): one page at a time, turned with the buttons, the keyboard's arrows
 * or a swipe, in full screen if wished, each page's sound playable. `printing` (`/books/:id/print`) lays every
 * page one after another for paper, without the players.
 */
export class MediaBookReader extends MediaElement {
  static override properties = { bookId: { type: Number }, printing: { type: Boolean }, data: { state: true }, index: { state: true }, error: { state: true }, fullscreen: { state: true } };
  static override styles = [MediaElement.styles, css`
    :host { display: block; }
    .book { background: var(--preau-surface, #fff); display: grid; gap: var(--preau-space-3, 0.75rem); padding: var(--preau-space-2, 0.5rem); }
    .book:fullscreen { padding: var(--preau-space-4, 1rem); overflow: auto; }
    .sheet { touch-action: pan-y; min-height: 12rem; }
    .turns { display: flex; align-items: center; justify-content: space-between; gap: var(--preau-space-2, 0.5rem); flex-wrap: wrap; }
    .where { font-variant-numeric: tabular-nums; }
    .print-page { break-inside: avoid; page-break-after: always; margin-block: var(--preau-space-4, 1rem); }
    .tag { display: inline-block; font-size: 0.85rem; font-weight: 600; border-radius: 999px; padding: 0.1rem 0.6rem; background: #fff3cd; color: #5c4400; }
    @media print { .no-print { display: none !important; } }
  `];
  bookId = 0;
  printing = false;
  data: BookWithPages | null = null;
  index = 0;
  error = '';
  fullscreen = false;
  private swipeFrom: { x: number; y: number } | null = null;
  private readonly onKey = (event: KeyboardEvent) => this.key(event);
  private readonly onFullscreen = () => {
    this.fullscreen = document.fullscreenElement !== null;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
    document.addEventListener('fullscreenchange', this.onFullscreen);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey);
    document.removeEventListener('fullscreenchange', this.onFullscreen);
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('bookId') && this.bookId) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.data = await this.api.get<BookWithPages>(`/api/media/books/${this.bookId}`);
      this.index = 0;
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private turn(by: number): void {
    const last = (this.data?.pages.length ?? 1) - 1;
    const next = Math.min(last, Math.max(0, this.index + by));
    if (next === this.index) return;
    // A sound or video still playing on the page left stops: the next page's is another story.
    for (const player of this.renderRoot.querySelector('media-book-page')?.renderRoot.querySelectorAll('audio, video') ?? []) (player as HTMLMediaElement).pause();
    this.index = next;
  }

  /** The arrows turn the pages, unless the focus is in a player or a field (where they seek or move the caret). */
  private key(event: KeyboardEvent): void {
    if (this.printing || !this.data || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    if (event.composedPath().some((target) => target instanceof HTMLMediaElement || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return;
    event.preventDefault();
    this.turn(event.key === 'ArrowRight' ? 1 : -1);
  }

  private swipeStart(event: PointerEvent): void {
    if (event.pointerType !== 'mouse') this.swipeFrom = { x: event.clientX, y: event.clientY };
  }

  private swipeEnd(event: PointerEvent): void {
    const from = this.swipeFrom;
    this.swipeFrom = null;
    if (!from) return;
    const dx = event.clientX - from.x;
    if (Math.abs(dx) >= SWIPE_PX && Math.abs(dx) > Math.abs(event.clientY - from.y)) this.turn(dx < 0 ? 1 : -1);
  }

  private async toggleFullscreen(): Promise<void> {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await this.renderRoot.querySelector<HTMLElement>('.book')?.requestFullscreen();
  }

  private renderPrint(data: BookWithPages) {
    return html`
      <p class="no-print"><a href="/apps/media/books/${data.book.id}">← ${data.book.title}</a></p>
      <h1>${data.book.title}</h1>
      <div class="actions no-print"><button @click=${() => window.print()}>${this.t('print')}</button></div>
      ${data.pages.map((page, i) => html`<section class="print-page" aria-label=${this.f('pageOf', { n: i + 1, total: data.pages.length })}>
        <media-book-page .page=${page} printing></media-book-page>
        <p class="muted">${i + 1} / ${data.pages.length}</p>
      </section>`)}
    `;
  }

  override render() {
    if (!this.data) return this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing;
    const data = this.data;
    if (this.printing) return this.renderPrint(data);
    const page = data.pages[this.index];
    const total = data.pages.length;
    return html`
      <p><a href="/apps/media/books/${data.book.id}">← ${this.t('backToBook')}</a></p>
      <div class="book">
        <h1>${data.book.title}</h1>
        ${page ? html`
          <div class="sheet" @pointerdown=${this.swipeStart} @pointerup=${this.swipeEnd} @pointercancel=${() => (this.swipeFrom = null)}>
            ${page.state === 'submitted' ? html`<p><span class="tag">${this.t('waiting')}</span></p>` : nothing}
            <media-book-page .page=${page}></media-book-page>
          </div>
          <div class="turns">
            <button class="secondary" ?disabled=${this.index === 0} @click=${() => this.turn(-1)}>← ${this.t('previousPage')}</button>
            <span class="where" aria-live="polite">${this.f('pageOf', { n: this.index + 1, total })}</span>
            <button class="secondary" ?disabled=${this.index >= total - 1} @click=${() => this.turn(1)}>${this.t('nextPage')} →</button>
          </div>` : html`<preau-empty-state heading=${this.t('noPages')}></preau-empty-state>`}
        <div class="actions">
          <button class="secondary" aria-pressed=${this.fullscreen ? 'true' : 'false'} @click=${this.toggleFullscreen}>${this.fullscreen ? this.t('exitFullscreen') : this.t('fullscreen')}</button>
          <a class="button secondary" href="/apps/media/books/${data.book.id}/print">${this.t('printable')}</a>
          <a class="button secondary" href="/api/media/books/${data.book.id}/zip" download>${this.t('downloadZip')}</a>
        </div>
      </div>
    `;
  }
}
customElements.define('media-book-reader', MediaBookReader);

declare global {
  interface HTMLElementTagNameMap {
    'media-book-reader': MediaBookReader;
  }
}
