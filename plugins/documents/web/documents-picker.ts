import { LitElement, css, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, languageContext } from '@preau/sdk/web';
import type { Item, Page, SharedPage } from './api-types.js';
import { formatSize, texts, type TextKey } from './texts.js';
import { documentsStyles } from './styles.js';

/** What the picker inserts: an image with its description, or a link with the file's name and size. */
export type PickerMode = 'image' | 'document';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The HTML a text holds for a file of Documents (the inserted-files contract: `/api/core/files/<blob id>`). */
export function insertedHtml(item: Pick<Item, 'name' | 'size' | 'blobId' | 'mediaType'>, alt: string, language: 'fr' | 'en'): string {
  const src = `/api/core/files/${item.blobId}`;
  if (item.mediaType?.startsWith('image/') && alt) return `<img src="${src}" alt="${escapeHtml(alt)}">`;
  return `<a href="${src}">${escapeHtml(item.name)} (${formatSize(item.size, language)})</a>`;
}

/**
 * The editor's picker: a file from Mes documents or Partagé avec moi, or one sent from the computer into
 * "Fichiers insérés"; an image asks for its description. Made by `pickDocument`, removed once closed.
 */
export class DocumentsPicker extends LitElement {
  static override properties = { mode: {}, tab: { state: true }, trail: { state: true }, items: { state: true }, chosen: { state: true }, error: { state: true } };
  static override styles = [documentsStyles, css`
    dialog { width: min(40rem, 94vw); }
    ul { list-style: none; padding: 0; display: grid; gap: 0.25rem; max-height: 50vh; overflow: auto; }
    li button { width: 100%; text-align: left; border: none; background: #f4f6fa; }
    img.thumb { width: 2rem; height: 2rem; object-fit: cover; vertical-align: middle; }
  `];
  mode: PickerMode = 'document';
  tab: 'mine' | 'shared' = 'mine';
  trail: { id: number; name: string }[] = [];
  items: Item[] = [];
  chosen?: Item;
  error = '';
  /** Resolves with the HTML to insert, or null when cancelled. */
  result: Promise<string | null>;
  private settle!: (html: string | null) => void;
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });

  constructor() {
    super();
    this.result = new Promise((resolve) => {
      this.settle = resolve;
    });
  }

  private t(key: TextKey): string {
    return texts.text(key, this.language.value ?? 'fr');
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector('dialog')!.showModal();
    void this.load();
  }

  private async load(): Promise<void> {
    const api = this.api.value!;
    this.chosen = undefined;
    try {
      const here = this.trail[this.trail.length - 1]?.id;
      if (this.tab === 'shared' && !here) {
        const page = await api.get<SharedPage>('/api/documents/shared-with-me?limit=200');
        this.items = page.people.flatMap((group) => group.items);
      } else {
        this.items = (await api.get<Page>(`/api/documents/nodes?limit=200${here ? `&folderId=${here}` : ''}`)).items;
      }
      if (this.mode === 'image') this.items = this.items.filter((item) => item.kind === 'folder' || item.mediaType?.startsWith('image/'));
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private open(item: Item): void {
    if (item.kind === 'folder') {
      this.trail = [...this.trail, { id: item.id, name: item.name }];
      void this.load();
    } else if (this.mode === 'image' && item.mediaType?.startsWith('image/')) {
      this.chosen = item;
    } else {
      this.finish(insertedHtml(item, '', this.language.value ?? 'fr'));
    }
  }

  private async uploadFromComputer(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const [placed] = await this.api.value!.upload<{ id: number }[]>('/api/documents/uploads?inserted=true', form);
      const { item } = await this.api.value!.get<{ item: Item }>(`/api/documents/nodes/${placed!.id}`);
      this.open(item);
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private insertImage(event: SubmitEvent): void {
    event.preventDefault();
    const alt = String(new FormData(event.target as HTMLFormElement).get('alt') ?? '').trim();
    if (alt && this.chosen) this.finish(insertedHtml(this.chosen, alt, this.language.value ?? 'fr'));
  }

  private finish(result: string | null): void {
    this.renderRoot.querySelector('dialog')?.close();
    this.settle(result);
    this.remove();
  }

  private switchTab(tab: 'mine' | 'shared'): void {
    this.tab = tab;
    this.trail = [];
    void this.load();
  }

  override render() {
    const lang = this.language.value ?? 'fr';
    return html`<dialog aria-labelledby="picker-title" @cancel=${() => this.finish(null)}>
      <h2 id="picker-title">${this.t('insertDocument')}</h2>
      <div class="toolbar" role="group">
        <button aria-pressed=${this.tab === 'mine'} @click=${() => this.switchTab('mine')}>${this.t('myDocuments')}</button>
        <button aria-pressed=${this.tab === 'shared'} @click=${() => this.switchTab('shared')}>${this.t('sharedWithMe')}</button>
        <label class="button">${this.t('uploadFromComputer')}<input class="visually-hidden" type="file" accept=${this.mode === 'image' ? 'image/*' : nothing} @change=${this.uploadFromComputer} /></label>
      </div>
      <p>${this.trail.length ? html`<button @click=${() => { this.trail = this.trail.slice(0, -1); void this.load(); }}>← ${this.trail[this.trail.length - 1]!.name}</button>` : nothing}</p>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${this.chosen
        ? html`<form @submit=${this.insertImage}>
            <img src="/api/documents/nodes/${this.chosen.id}/thumbnail" alt="" style="max-width: 10rem" />
            <label>${this.t('altText')}<input name="alt" required maxlength="300" autofocus /></label>
            <div class="actions"><button type="button" @click=${() => { this.chosen = undefined; }}>${this.t('cancel')}</button><button class="primary">${this.t('insert')}</button></div>
          </form>`
        : html`<ul>${this.items.map((item) => html`<li><button @click=${() => this.open(item)}>
            ${item.thumbnail ? html`<img class="thumb" src="/api/documents/nodes/${item.id}/thumbnail" alt="" />` : html`<span aria-hidden="true">${item.kind === 'folder' ? '📁' : '📄'}</span>`}
            ${item.name} ${item.kind === 'file' ? html`<span class="muted">(${formatSize(item.size, lang)})</span>` : nothing}</button></li>`)}</ul>
          ${this.items.length === 0 ? html`<p class="muted">${this.t('empty')}</p>` : nothing}`}
      <div class="actions"><button @click=${() => this.finish(null)}>${this.t('close')}</button></div>
    </dialog>`;
  }
}
customElements.define('documents-picker', DocumentsPicker);

/** Opens the picker in the page's body; resolves with the HTML to insert, or null. */
export function pickDocument(mode: PickerMode): Promise<string | null> {
  const picker = document.createElement('documents-picker');
  picker.mode = mode;
  document.body.append(picker);
  return picker.result;
}

declare global {
  interface HTMLElementTagNameMap {
    'documents-picker': DocumentsPicker;
  }
}
