import { html, nothing } from 'lit';
import { showToast } from '@preau/sdk/web';
import type { Book, BookWithPages } from './book-types.js';
import { MediaElement } from './media-element.js';

interface Creatable { classes: { id: number; schoolId: number; label: string }[] }

/** The books the user reads (`/books`), and for a class's teachers the form to make one. */
export class MediaBookList extends MediaElement {
  static override properties = { books: { state: true }, creatable: { state: true }, creating: { state: true }, error: { state: true } };
  books: Book[] | null = null;
  creatable: Creatable = { classes: [] };
  creating = false;
  error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      [this.books, this.creatable] = await Promise.all([this.api.get<Book[]>('/api/media/books'), this.api.get<Creatable>('/api/media/books-creatable')]);
      this.error = '';
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    try {
      const made = await this.api.post<BookWithPages>('/api/media/books', { classId: Number(data.get('classId')), title: data.get('title') });
      showToast(this.t('bookCreated'), 'success');
      this.go(`/books/${made.book.id}`);
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private renderCreate() {
    const { classes } = this.creatable;
    if (classes.length === 0) return nothing;
    if (!this.creating) return html`<div class="actions"><button @click=${() => (this.creating = true)}>${this.t('newBook')}</button></div>`;
    return html`<form class="card" @submit=${this.create}>
      <h2>${this.t('newBook')}</h2>
      <label>${this.t('forClass')}<select name="classId" required>${classes.map((c) => html`<option value=${c.id}>${c.label}</option>`)}</select></label>
      <label>${this.t('bookTitle')}<input name="title" required maxlength="120" autocomplete="off"></label>
      <p class="muted">${this.t('sharedByDefault')}</p>
      <div class="actions"><button type="submit">${this.t('createBook')}</button><button type="button" class="secondary" @click=${() => (this.creating = false)}>${this.t('cancel')}</button></div>
    </form>`;
  }

  override render() {
    return html`
      <p><a href="/apps/media">← ${this.t('appTitle')}</a></p>
      <h1>${this.t('books')}</h1>
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing}
      ${this.renderCreate()}
      ${this.books === null ? nothing : this.books.length === 0
        ? html`<preau-empty-state heading=${this.t('noBooks')}></preau-empty-state>`
        : html`<ul class="cards">${this.books.map((b) => html`<li class="card">
            <h2><a href="/apps/media/books/${b.id}">${b.title}</a></h2>
            <p class="muted">${this.f('pagesCount', { n: b.pages })}${b.waiting ? html` · <strong>${this.f('waitingCount', { n: b.waiting })}</strong>` : nothing}</p>
            <a class="button secondary" href="/apps/media/books/${b.id}/read">${this.t('readBook')}</a>
          </li>`)}</ul>`}
    `;
  }
}
customElements.define('media-book-list', MediaBookList);

declare global {
  interface HTMLElementTagNameMap {
    'media-book-list': MediaBookList;
  }
}
