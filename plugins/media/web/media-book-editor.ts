import { css, html, nothing } from 'lit';
import { openShareDialog, showToast } from '@preau/sdk/web';
import { roleIncludes, type BookWithPages, type Page } from './book-types.js';
import { MediaElement } from './media-element.js';
import type { TextKey } from './texts.js';

export const TEMPLATE_LABEL: Record<Page['template'], TextKey> = {
  picture: 'templatePicture', 'picture-text': 'templatePictureText', 'two-pictures': 'templateTwoPictures', 'video-text': 'templateVideoText',
};

/**
 * A book's pages as a list to work on (`/books/:id`): read it, share it, add a page, and for its managers
 * reorder the pages (drag and drop, or the move buttons from the keyboard), validate pupils' pages, delete.
 */
export class MediaBookEditor extends MediaElement {
  static override properties = { bookId: { type: Number }, data: { state: true }, error: { state: true }, announce: { state: true }, dragged: { state: true } };
  static override styles = [MediaElement.styles, css`
    :host { display: block; }
    ol { list-style: none; padding: 0; display: grid; gap: var(--preau-space-2, 0.5rem); }
    li { display: grid; grid-template-columns: 4rem minmax(0, 1fr); gap: var(--preau-space-2, 0.5rem); align-items: center; }
    li[draggable='true'] { cursor: grab; }
    li.dragged { opacity: 0.5; }
    .thumb { width: 4rem; height: 3rem; object-fit: cover; border-radius: 4px; background: #eee; }
    .row { display: flex; flex-wrap: wrap; gap: var(--preau-space-1, 0.25rem); align-items: center; }
    .tag { display: inline-block; font-size: 0.85rem; font-weight: 600; border-radius: 999px; padding: 0.1rem 0.6rem; background: #fff3cd; color: #5c4400; }
  `];
  bookId = 0;
  data: BookWithPages | null = null;
  error = '';
  /** Read out after a page moved (the list itself does not say it). */
  announce = '';
  dragged: number | null = null;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('bookId') && this.bookId) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.data = await this.api.get<BookWithPages>(`/api/media/books/${this.bookId}`);
      this.error = '';
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private get manages(): boolean {
    return Boolean(this.data && roleIncludes(this.data.book.role, 'manage'));
  }

  private async reorder(ids: number[], moved: number): Promise<void> {
    try {
      this.data = await this.api.put<BookWithPages>(`/api/media/books/${this.bookId}/order`, { pageIds: ids });
      this.announce = this.f('pageMoved', { n: ids.indexOf(moved) + 1, total: ids.length });
    } catch (error) {
      this.error = this.message(error);
    }
  }

  /** The move buttons: the page goes one place up or down, and the focus stays on the same button. */
  private async move(page: Page, by: -1 | 1, event: Event): Promise<void> {
    const which = (event.currentTarget as HTMLElement).dataset.move;
    const ids = this.data!.pages.map((p) => p.id);
    const from = ids.indexOf(page.id);
    const to = from + by;
    if (to < 0 || to >= ids.length) return;
    ids.splice(to, 0, ...ids.splice(from, 1));
    await this.reorder(ids, page.id);
    await this.updateComplete;
    const button = this.renderRoot.querySelector<HTMLButtonElement>(`li[data-page="${page.id}"] button[data-move="${which}"]`);
    (button && !button.disabled ? button : this.renderRoot.querySelector<HTMLButtonElement>(`li[data-page="${page.id}"] button[data-move]:not([disabled])`))?.focus();
  }

  private drop(target: Page, event: DragEvent): void {
    event.preventDefault();
    const moved = this.dragged;
    this.dragged = null;
    if (moved === null || moved === target.id) return;
    const ids = this.data!.pages.map((p) => p.id).filter((id) => id !== moved);
    ids.splice(ids.indexOf(target.id) + (this.data!.pages.findIndex((p) => p.id === moved) < this.data!.pages.findIndex((p) => p.id === target.id) ? 1 : 0), 0, moved);
    void this.reorder(ids, moved);
  }

  private async publish(page: Page): Promise<void> {
    try {
      await this.api.post(`/api/media/pages/${page.id}/publish`, {});
      showToast(this.t('pagePublished'), 'success');
      await this.load();
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private async deletePage(page: Page): Promise<void> {
    if (!confirm(this.t('confirmDeletePage'))) return;
    try {
      await this.api.delete(`/api/media/pages/${page.id}`);
      await this.load();
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private async deleteBook(): Promise<void> {
    if (!confirm(this.t('confirmDeleteBook'))) return;
    try {
      await this.api.delete(`/api/media/books/${this.bookId}`);
      showToast(this.t('bookDeleted'), 'success');
      this.go('/books');
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private async share(): Promise<void> {
    const dialog = await openShareDialog({ app: 'media', type: 'book', resourceId: String(this.bookId), resourceName: this.data!.book.title });
    dialog.addEventListener('share-changed', () => void this.load());
  }

  private renderPage(page: Page, index: number, total: number) {
    const thumb = page.pictures[0] ?? page.video?.poster;
    const n = index + 1;
    return html`<li class="card ${this.dragged === page.id ? 'dragged' : ''}" data-page=${page.id} draggable=${this.manages ? 'true' : 'false'}
        @dragstart=${(event: DragEvent) => { this.dragged = page.id; event.dataTransfer?.setData('text/plain', String(page.id)); }}
        @dragend=${() => (this.dragged = null)}
        @dragover=${(event: DragEvent) => { if (this.dragged !== null) event.preventDefault(); }}
        @drop=${(event: DragEvent) => this.drop(page, event)}>
      ${thumb ? html`<img class="thumb" src=${thumb} alt="">` : html`<span class="thumb" aria-hidden="true"></span>`}
      <div>
        <p class="row"><strong>${this.f('pageNumber', { n })}</strong> · ${this.t(TEMPLATE_LABEL[page.template])}${page.sound ? html` · 🔊` : nothing}
          ${page.state === 'submitted' ? html`<span class="tag">${this.t('waiting')}</span>` : nothing}
          ${page.author ? html`<small class="muted">${page.author.displayName}</small>` : nothing}</p>
        <div class="row">
          ${this.manages ? html`
            <button class="quiet" data-move="up" ?disabled=${index === 0} aria-label=${this.f('moveUp', { n })} @click=${(e: Event) => this.move(page, -1, e)}>↑</button>
            <button class="quiet" data-move="down" ?disabled=${index === total - 1} aria-label=${this.f('moveDown', { n })} @click=${(e: Event) => this.move(page, 1, e)}>↓</button>` : nothing}
          ${page.canEdit ? html`<a class="button quiet" href="/apps/media/pages/${page.id}/edit" aria-label=${this.f('editPage', { n })}>${this.t('edit')}</a>` : nothing}
          ${this.manages && page.state === 'submitted' ? html`<button class="secondary" @click=${() => this.publish(page)}>${this.t('validate')}</button>` : nothing}
          ${page.canEdit ? html`<button class="quiet" aria-label=${this.f('deletePage', { n })} @click=${() => this.deletePage(page)}>${this.t('delete')}</button>` : nothing}
        </div>
      </div>
    </li>`;
  }

  override render() {
    if (!this.data) return this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing;
    const { book, pages } = this.data;
    const contributes = roleIncludes(book.role, 'contribute');
    return html`
      <p><a href="/apps/media/books">← ${this.t('books')}</a></p>
      <h1>${book.title}</h1>
      <div class="actions">
        <a class="button" href="/apps/media/books/${book.id}/read">${this.t('readBook')}</a>
        ${contributes ? html`<a class="button secondary" href="/apps/media/books/${book.id}/pages/new">${this.t('addPage')}</a>` : nothing}
        ${this.manages ? html`<button class="secondary" @click=${this.share}>${this.t('share')}</button>` : nothing}
        <a class="button secondary" href="/apps/media/books/${book.id}/print">${this.t('printable')}</a>
        <a class="button secondary" href="/api/media/books/${book.id}/zip" download>${this.t('downloadZip')}</a>
      </div>
      ${contributes && this.user?.profile === 'Student' ? html`<p class="notice">${this.t('pupilWaits')}</p>` : nothing}
      ${this.manages && pages.length > 1 ? html`<p class="muted">${this.t('reorderHint')}</p>` : nothing}
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing}
      <p class="visually-hidden" aria-live="polite">${this.announce}</p>
      ${pages.length === 0 ? html`<preau-empty-state heading=${this.t('noPages')}></preau-empty-state>`
        : html`<ol aria-label=${this.t('pages')}>${pages.map((page, i) => this.renderPage(page, i, pages.length))}</ol>`}
      ${this.manages ? html`<div class="actions"><button class="quiet" @click=${this.deleteBook}>${this.t('deleteBook')}</button></div>` : nothing}
    `;
  }
}
customElements.define('media-book-editor', MediaBookEditor);

declare global {
  interface HTMLElementTagNameMap {
    'media-book-editor': MediaBookEditor;
  }
}
