import { LitElement, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, formatDay, languageContext } from '@preau/sdk/web';
import type { TrashItem } from './api-types.js';
import { formatSize, texts, type TextKey } from './texts.js';
import { documentsStyles } from './styles.js';

/** The Corbeille: restore, delete for good, empty; each entry says when it goes for good. */
export class DocumentsTrash extends LitElement {
  static override properties = { items: { state: true }, error: { state: true } };
  static override styles = [documentsStyles];
  items: TrashItem[] = [];
  error = '';
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });

  private t(key: TextKey): string {
    return texts.text(key, this.language.value ?? 'fr');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.items = await this.api.value!.get<TrashItem[]>('/api/documents/trash');
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private async act(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
      this.error = '';
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
    await this.load();
  }

  override render() {
    const lang = this.language.value ?? 'fr';
    return html`
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${this.items.length === 0 ? html`<p class="muted">${this.t('trashEmpty')}</p>` : html`
        <div class="toolbar"><button @click=${() => confirm(this.t('confirmEmpty')) && this.act(() => this.api.value!.delete('/api/documents/trash'))}>${this.t('emptyTrash')}</button></div>
        <ul class="trash">${this.items.map((item) => html`<li>
          <span aria-hidden="true">${item.kind === 'folder' ? '📁' : '📄'}</span> <strong>${item.name}</strong>
          <span class="muted">${item.kind === 'file' ? formatSize(item.size, lang) : this.t('folder')} — ${texts.format('purgeOn', lang, { date: formatDay(item.purgeAt, lang) })}</span>
          <button @click=${() => this.act(() => this.api.value!.post(`/api/documents/trash/${item.id}/restore`))}>${this.t('restore')}</button>
          <button @click=${() => this.act(() => this.api.value!.delete(`/api/documents/trash/${item.id}`))}>${this.t('deleteForever')}</button>
        </li>`)}</ul>`}
    `;
  }
}
customElements.define('documents-trash', DocumentsTrash);

declare global {
  interface HTMLElementTagNameMap {
    'documents-trash': DocumentsTrash;
  }
}
