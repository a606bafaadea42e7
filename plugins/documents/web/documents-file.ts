import { LitElement, css, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, formatDateTime, languageContext, openShareDialog } from '@preau/sdk/web';
import { includes, type NodeDetails, type Version } from './api-types.js';
import { formatSize, texts, type TextKey } from './texts.js';
import { documentsStyles } from './styles.js';

/** One file: its preview in the page (image, PDF, audio, video), download, share, and its versions. */
export class DocumentsFile extends LitElement {
  static override properties = { fileId: { type: Number }, details: { state: true }, versions: { state: true }, error: { state: true } };
  static override styles = [documentsStyles, css`
    .preview img, .preview video, .preview iframe { max-width: 100%; border-radius: 8px; }
    .preview iframe { width: 100%; height: 70vh; border: 1px solid #c9cfdb; }
    ol.versions { padding-left: 1.25rem; display: grid; gap: 0.5rem; }
    ol.versions li { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  `];
  fileId = 0;
  details?: NodeDetails;
  versions: Version[] = [];
  error = '';
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });

  private t(key: TextKey): string {
    return texts.text(key, this.language.value ?? 'fr');
  }

  private loadedFor?: number;

  override updated(): void {
    if (this.loadedFor === this.fileId) return;
    this.loadedFor = this.fileId;
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.details = await this.api.value!.get<NodeDetails>(`/api/documents/nodes/${this.fileId}`);
      this.versions = await this.api.value!.get<Version[]>(`/api/documents/nodes/${this.fileId}/versions`);
      this.error = '';
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private async act(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
      await this.load();
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private newVersion(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    input.value = '';
    void this.act(() => this.api.value!.upload(`/api/documents/nodes/${this.fileId}/versions`, form));
  }

  private preview() {
    const item = this.details!.item;
    const src = `/api/documents/nodes/${item.id}/content?inline=true&v=${item.version}`;
    const type = item.mediaType ?? '';
    if (item.thumbnail) return html`<img src=${src} alt=${item.name} />`;
    if (type === 'application/pdf') return html`<iframe src=${src} title=${item.name}></iframe>`;
    if (type.startsWith('audio/')) return html`<audio controls src=${src}></audio>`;
    if (type.startsWith('video/')) return html`<video controls src=${src}></video>`;
    return html`<p class="muted">${this.t('noPreview')}</p>`;
  }

  override render() {
    const lang = this.language.value ?? 'fr';
    if (!this.details) return this.error ? html`<p role="alert">${this.error}</p>` : html`<p>${this.t('loading')}</p>`;
    const { item, role, path } = this.details;
    return html`
      <nav aria-label=${this.t('breadcrumb')}><a href="/apps/documents">${this.t('myDocuments')}</a>
        ${path.map((p) => html` › <a href="/apps/documents/folders/${p.id}">${p.name}</a>`)}</nav>
      <h2>${item.name}</h2>
      <p class="muted">${formatSize(item.size, lang)} — ${formatDateTime(item.updatedAt, lang)}</p>
      <div class="toolbar">
        <a class="button primary" href="/api/documents/nodes/${item.id}/content" download>${this.t('download')}</a>
        ${includes(role, 'contribute') ? html`<label class="button">${this.t('newVersion')}<input class="visually-hidden" type="file" @change=${this.newVersion} /></label>` : nothing}
        ${includes(role, 'manage') ? html`<button @click=${() => openShareDialog({ app: 'documents', type: 'file', resourceId: String(item.id), resourceName: item.name })}>${this.t('share')}</button>` : nothing}
      </div>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      <div class="preview">${this.preview()}</div>
      <section aria-labelledby="versions-title">
        <h3 id="versions-title">${this.t('versions')}</h3>
        <ol class="versions">${this.versions.map((v) => html`<li>
          <span>${texts.format('versionBy', lang, { number: v.number, author: v.author?.displayName ?? '—', date: formatDateTime(v.createdAt, lang) })}
            (${formatSize(v.size, lang)})${v.current ? html` — <strong>${this.t('current')}</strong>` : nothing}</span>
          <a class="button" href="/api/documents/nodes/${item.id}/versions/${v.id}/content" download>${this.t('download')}</a>
          ${!v.current && includes(role, 'contribute') ? html`<button @click=${() => this.act(() => this.api.value!.post(`/api/documents/nodes/${item.id}/versions/${v.id}/restore`))}>${this.t('restore')}</button>` : nothing}
        </li>`)}</ol>
      </section>
    `;
  }
}
customElements.define('documents-file', DocumentsFile);

declare global {
  interface HTMLElementTagNameMap {
    'documents-file': DocumentsFile;
  }
}
