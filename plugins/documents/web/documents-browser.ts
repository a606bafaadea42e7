import { LitElement, css, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, formatDateTime, languageContext, openShareDialog } from '@preau/sdk/web';
import { includes, type Item, type NodeDetails, type Page } from './api-types.js';
import { formatSize, texts, type TextKey } from './texts.js';
import { documentsStyles } from './styles.js';
import { UploadQueue, chosenFiles, droppedFiles } from './upload-queue.js';
import './documents-folder-chooser.js';
import type { DocumentsFolderChooser } from './documents-folder-chooser.js';

type Sort = 'name' | 'date' | 'size';

/** Mes documents and every folder: breadcrumb, list or grid, sort, search, new folder, uploads, per-item actions. */
export class DocumentsBrowser extends LitElement {
  static override properties = {
    folderId: { type: Number }, details: { state: true }, items: { state: true }, next: { state: true }, view: { state: true },
    sort: { state: true }, order: { state: true }, query: { state: true }, error: { state: true }, dragging: { state: true }, status: { state: true },
  };
  static override styles = [documentsStyles, css`
    nav ol { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.25rem; }
    nav li + li::before { content: '›'; margin-right: 0.25rem; color: #4a5263; }
    nav a { color: #1f5fbf; }
    .drop { border: 2px dashed transparent; border-radius: 12px; padding: 0.25rem; }
    .drop.dragging { border-color: #1f5fbf; background: #eef3fb; }
    ul.items { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.25rem; }
    ul.items.grid { grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: 0.75rem; }
    li.item { display: flex; align-items: center; gap: 0.5rem; background: var(--preau-surface, #fff); border-radius: 10px; padding: 0.25rem 0.5rem; box-shadow: 0 1px 2px rgb(0 0 0 / 0.12); }
    .grid li.item { flex-direction: column; align-items: stretch; padding: 0.5rem; }
    li.item a.name { flex: 1; min-width: 0; overflow-wrap: anywhere; color: #1d2330; text-decoration: none; min-height: 44px; display: flex; align-items: center; gap: 0.5rem; }
    .grid li.item a.name { flex-direction: column; }
    .icon { font-size: 1.5rem; width: 2.5rem; text-align: center; }
    img.thumb { width: 2.5rem; height: 2.5rem; object-fit: cover; border-radius: 4px; }
    .grid img.thumb, .grid .icon { width: 100%; height: 7rem; font-size: 3rem; line-height: 7rem; }
    details.menu { position: relative; }
    details.menu summary { list-style: none; min-width: 44px; min-height: 44px; display: grid; place-items: center; cursor: pointer; border-radius: 8px; }
    details.menu summary::-webkit-details-marker { display: none; }
    details.menu .panel { position: absolute; right: 0; z-index: 2; background: #fff; border-radius: 8px; box-shadow: 0 4px 16px rgb(0 0 0 / 0.25); display: grid; min-width: 12rem; padding: 0.25rem; }
    details.menu .panel > * { border: none; text-align: left; border-radius: 6px; }
    .uploads { background: #f4f6fa; border-radius: 10px; padding: 0.5rem 0.75rem; margin: 0.5rem 0; }
    .uploads ul { list-style: none; padding: 0; margin: 0.25rem 0; display: grid; gap: 0.25rem; max-height: 12rem; overflow: auto; }
    progress { width: 100%; height: 0.75rem; }
    @media (max-width: 480px) { .toolbar > * { flex: 1 1 100%; } }
  `];

  /** The folder shown; 0 for the top of Mes documents. */
  folderId = 0;
  details?: NodeDetails;
  items: Item[] = [];
  next: string | null = null;
  view: 'list' | 'grid' = 'list';
  sort: Sort = 'name';
  order: 'asc' | 'desc' = 'asc';
  query = '';
  error = '';
  /** What a long action (an extraction) is doing, read out politely. */
  status = '';
  dragging = false;
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });
  private uploads = new UploadQueue(this, () => this.api.value, () => void this.load());
  private searchTimer?: ReturnType<typeof setTimeout>;

  private t(key: TextKey): string {
    return texts.text(key, this.language.value ?? 'fr');
  }

  private loadedFor?: number;

  override updated(): void {
    if (this.loadedFor === this.folderId) return;
    this.loadedFor = this.folderId;
    this.query = '';
    void this.load();
  }

  private listUrl(cursor?: string): string {
    const query = new URLSearchParams({ sort: this.sort, order: this.order, limit: '100' });
    if (this.folderId) query.set('folderId', String(this.folderId));
    if (this.query.trim()) query.set('q', this.query.trim());
    if (cursor) query.set('cursor', cursor);
    return `/api/documents/nodes?${query}`;
  }

  async load(): Promise<void> {
    const api = this.api.value;
    if (!api) return;
    try {
      this.details = this.folderId ? await api.get<NodeDetails>(`/api/documents/nodes/${this.folderId}`) : undefined;
      const page = await api.get<Page>(this.listUrl());
      this.items = page.items;
      this.next = page.nextCursor;
      this.error = '';
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private async more(): Promise<void> {
    if (!this.next) return;
    const page = await this.api.value!.get<Page>(this.listUrl(this.next));
    this.items = [...this.items, ...page.items];
    this.next = page.nextCursor;
  }

  private async act(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
      this.error = '';
      await this.load();
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private get canAdd(): boolean {
    return !this.folderId || includes(this.details?.role, 'contribute');
  }

  private ask(label: string, value = '', submit = this.t('create')): Promise<string | null> {
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.ask')!;
    const input = dialog.querySelector('input')!;
    dialog.querySelector('label span')!.textContent = label;
    dialog.querySelector('button[value="ok"]')!.textContent = submit;
    input.value = value;
    dialog.showModal();
    return new Promise((resolve) => {
      dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok' && input.value.trim() ? input.value.trim() : null), { once: true });
    });
  }

  private async newFolder(): Promise<void> {
    const name = await this.ask(this.t('folderName'));
    if (name) await this.act(() => this.api.value!.post('/api/documents/folders', { name, ...(this.folderId ? { parentId: this.folderId } : {}) }));
  }

  private async rename(item: Item): Promise<void> {
    const name = await this.ask(this.t('newName'), item.name, this.t('rename'));
    if (name && name !== item.name) await this.act(() => this.api.value!.patch(`/api/documents/nodes/${item.id}`, { name }));
  }

  private async moveOrCopy(item: Item, action: 'move' | 'copy'): Promise<void> {
    const chooser = this.renderRoot.querySelector<DocumentsFolderChooser>('documents-folder-chooser')!;
    const destination = await chooser.choose(item.kind === 'folder' ? item.id : undefined);
    if (destination === undefined) return;
    await this.act(() => this.api.value!.post(`/api/documents/nodes/${item.id}/${action}`, { folderId: destination }));
  }

  /** Asks for a ZIP's extraction (a job on the server) and follows it until it is done. */
  private async extract(item: Item): Promise<void> {
    const lang = this.language.value ?? 'fr';
    try {
      let state = await this.api.value!.post<{ id: number; state: string; files: number; message: string | null }>(`/api/documents/nodes/${item.id}/extract`);
      this.status = texts.format('extracting', lang, { name: item.name });
      for (let tries = 0; state.state === 'pending' && tries < 300; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        state = await this.api.value!.get(`/api/documents/extractions/${state.id}`);
      }
      if (state.state === 'failed') this.error = state.message ?? '';
      this.status = state.state === 'done' ? texts.format('extracted', lang, { name: item.name, files: state.files }) : '';
      await this.load();
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private async share(item: { id: number; kind: 'folder' | 'file'; name: string }): Promise<void> {
    const dialog = await openShareDialog({ app: 'documents', type: item.kind, resourceId: String(item.id), resourceName: item.name });
    dialog.addEventListener('share-changed', () => void this.load());
  }

  private async toggleFollow(): Promise<void> {
    const following = this.details?.following;
    await this.act(() => (following ? this.api.value!.delete(`/api/documents/nodes/${this.folderId}/follow`) : this.api.value!.put(`/api/documents/nodes/${this.folderId}/follow`)));
  }

  private onSearch(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.load(), 250);
  }

  private onSort(event: Event): void {
    const [sort, order] = (event.target as HTMLSelectElement).value.split(':') as [Sort, 'asc' | 'desc'];
    this.sort = sort;
    this.order = order;
    void this.load();
  }

  private onChosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = chosenFiles(input);
    input.value = '';
    if (files.length) void this.uploads.add(files, this.folderId || null);
  }

  private async onDrop(event: DragEvent): Promise<void> {
    event.preventDefault();
    this.dragging = false;
    if (!this.canAdd || !event.dataTransfer) return;
    const files = await droppedFiles(event.dataTransfer);
    if (files.length) void this.uploads.add(files, this.folderId || null);
  }

  private itemHref(item: Item): string {
    return item.kind === 'folder' ? `/apps/documents/folders/${item.id}` : `/apps/documents/files/${item.id}`;
  }

  private renderItem(item: Item) {
    const lang = this.language.value ?? 'fr';
    const manage = !this.folderId || includes(this.details?.role, 'manage');
    const picture = item.thumbnail
      ? html`<img class="thumb" src="/api/documents/nodes/${item.id}/thumbnail" alt="" loading="lazy" />`
      : html`<span class="icon" aria-hidden="true">${item.kind === 'folder' ? '📁' : '📄'}</span>`;
    return html`<li class="item">
      <a class="name" href=${this.itemHref(item)}>${picture}<span>${item.name}</span>
        <span class="muted">${item.kind === 'file' ? formatSize(item.size, lang) : this.t('folder')}</span></a>
      <details class="menu">
        <summary aria-label=${texts.format('actionsFor', lang, { name: item.name })}>⋯</summary>
        <div class="panel">
          ${item.kind === 'file'
            ? html`<a class="button" href="/api/documents/nodes/${item.id}/content" download>${this.t('download')}</a>`
            : html`<a class="button" href="/api/documents/nodes/${item.id}/zip" download>${this.t('downloadZip')}</a>`}
          ${manage ? html`<button @click=${() => this.rename(item)}>${this.t('rename')}</button>
            <button @click=${() => this.moveOrCopy(item, 'move')}>${this.t('move')}</button>` : nothing}
          <button @click=${() => this.moveOrCopy(item, 'copy')}>${this.t('copy')}</button>
          ${item.mediaType === 'application/zip' && this.canAdd ? html`<button @click=${() => this.extract(item)}>${this.t('extract')}</button>` : nothing}
          ${manage ? html`<button @click=${() => this.share(item)}>${this.t('share')}</button>
            <button @click=${() => this.act(() => this.api.value!.post(`/api/documents/nodes/${item.id}/trash`))}>${this.t('delete')}</button>` : nothing}
        </div>
      </details>
    </li>`;
  }

  private renderUploads() {
    if (this.uploads.entries.length === 0) return nothing;
    const lang = this.language.value ?? 'fr';
    const state = (s: string) => ({ done: this.t('uploadDone'), failed: this.t('uploadFailed'), cancelled: this.t('uploadCancelled') } as Record<string, string>)[s] ?? '';
    return html`<section class="uploads" aria-label=${this.t('uploads')}>
      <label>${this.t('overall')} <progress max="1" .value=${this.uploads.overall}></progress></label>
      <ul>${this.uploads.entries.map((e) => html`<li>
        <label>${e.path ? `${e.path}/` : ''}${e.file.name} (${formatSize(e.file.size, lang)}) ${state(e.state)} ${e.error ?? ''}
          <progress max=${Math.max(e.file.size, 1)} .value=${e.state === 'done' ? Math.max(e.file.size, 1) : e.loaded}></progress></label>
      </li>`)}</ul>
      ${this.uploads.active ? html`<button @click=${() => this.uploads.cancel()}>${this.t('cancelUploads')}</button>` : nothing}
    </section>`;
  }

  override render() {
    const lang = this.language.value ?? 'fr';
    const details = this.details;
    return html`
      <nav aria-label=${this.t('breadcrumb')}><ol>
        <li><a href="/apps/documents">${this.t('myDocuments')}</a></li>
        ${details ? details.path.map((p) => html`<li><a href="/apps/documents/folders/${p.id}">${p.name}</a></li>`) : nothing}
        ${details ? html`<li aria-current="page">${details.item.name}</li>` : nothing}
      </ol></nav>
      <div class="toolbar">
        <label>${this.t('search')}<input type="search" .value=${this.query} @input=${this.onSearch} /></label>
        <label>${this.t('sortBy')}<select @change=${this.onSort}>
          ${(['name', 'date', 'size'] as const).flatMap((s) => (['asc', 'desc'] as const).map((o) => html`<option value="${s}:${o}" ?selected=${this.sort === s && this.order === o}>
            ${this.t(s === 'name' ? 'sortName' : s === 'date' ? 'sortDate' : 'sortSize')} (${this.t(o === 'asc' ? 'ascending' : 'descending')})</option>`))}
        </select></label>
        <button aria-pressed=${this.view === 'grid'} @click=${() => { this.view = this.view === 'grid' ? 'list' : 'grid'; }}>${this.t(this.view === 'grid' ? 'listView' : 'gridView')}</button>
        ${this.canAdd ? html`
          <button @click=${this.newFolder}>${this.t('newFolder')}</button>
          <label class="button primary">${this.t('addFiles')}<input class="visually-hidden" type="file" multiple @change=${this.onChosen} /></label>
          <label class="button">${this.t('addFolder')}<input class="visually-hidden" type="file" webkitdirectory @change=${this.onChosen} /></label>` : nothing}
        ${details && includes(details.role, 'manage') ? html`<button @click=${() => this.share({ ...details.item })}>${this.t('share')}</button>` : nothing}
        ${details ? html`<button aria-pressed=${details.following} @click=${this.toggleFollow}>${this.t(details.following ? 'unfollow' : 'follow')}</button>` : nothing}
      </div>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      <p role="status">${this.status}</p>
      ${this.renderUploads()}
      <div class="drop ${this.dragging ? 'dragging' : ''}" role="region" aria-label=${this.canAdd ? this.t('dropHere') : this.t('folder')}
        @dragover=${(e: DragEvent) => { if (this.canAdd) { e.preventDefault(); this.dragging = true; } }}
        @dragleave=${() => { this.dragging = false; }} @drop=${this.onDrop}>
        ${this.items.length === 0 ? html`<p class="muted">${this.t(this.query ? 'nothingFound' : 'empty')} ${this.canAdd ? this.t('dropHere') : ''}</p>` : nothing}
        <ul class="items ${this.view}">${this.items.map((item) => this.renderItem(item))}</ul>
        ${this.next ? html`<button @click=${this.more}>${this.t('more')}</button>` : nothing}
      </div>
      ${details ? html`<p class="muted">${formatDateTime(details.item.updatedAt, lang)}</p>` : nothing}
      <dialog class="ask"><form method="dialog">
        <label><span></span><input name="value" required maxlength="255" /></label>
        <div class="actions"><button value="cancel" formnovalidate>${this.t('cancel')}</button><button class="primary" value="ok">${this.t('create')}</button></div>
      </form></dialog>
      <documents-folder-chooser></documents-folder-chooser>
    `;
  }
}
customElements.define('documents-browser', DocumentsBrowser);

declare global {
  interface HTMLElementTagNameMap {
    'documents-browser': DocumentsBrowser;
  }
}
