import { LitElement, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { apiContext, languageContext } from '@preau/sdk/web';
import type { Item, Page } from './api-types.js';
import { texts } from './texts.js';
import { documentsStyles } from './styles.js';

/** A dialog to pick a destination folder among the user's own, level by level (move, copy). */
export class DocumentsFolderChooser extends LitElement {
  static override properties = { trail: { state: true }, folders: { state: true } };
  static override styles = [documentsStyles];
  /** The folders opened, from the top of Mes documents. */
  trail: { id: number; name: string }[] = [];
  folders: Item[] = [];
  private excluded?: number;
  private resolve?: (value: number | null | undefined) => void;
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });

  /** Opens the dialog; resolves with the folder chosen (null: the top), or undefined when cancelled. */
  choose(excluded?: number): Promise<number | null | undefined> {
    this.excluded = excluded;
    this.trail = [];
    void this.open();
    this.renderRoot.querySelector('dialog')!.showModal();
    return new Promise((resolve) => {
      this.resolve = resolve;
    });
  }

  private async open(): Promise<void> {
    const here = this.trail[this.trail.length - 1]?.id;
    const page = await this.api.value!.get<Page>(`/api/documents/nodes?limit=200${here ? `&folderId=${here}` : ''}`);
    this.folders = page.items.filter((item) => item.kind === 'folder' && item.id !== this.excluded);
  }

  private finish(value: number | null | undefined): void {
    this.renderRoot.querySelector('dialog')!.close();
    this.resolve?.(value);
    this.resolve = undefined;
  }

  override render() {
    const lang = this.language.value ?? 'fr';
    const t = (key: Parameters<typeof texts.text>[0]) => texts.text(key, lang);
    return html`<dialog aria-labelledby="chooser-title" @cancel=${() => this.finish(undefined)}>
      <h2 id="chooser-title">${t('chooseFolder')}</h2>
      <p>
        <button @click=${() => { this.trail = []; void this.open(); }}>${t('myDocuments')}</button>
        ${this.trail.map((step, i) => html` › <button @click=${() => { this.trail = this.trail.slice(0, i + 1); void this.open(); }}>${step.name}</button>`)}
      </p>
      <ul>${this.folders.map((folder) => html`<li><button @click=${() => { this.trail = [...this.trail, { id: folder.id, name: folder.name }]; void this.open(); }}>📁 ${folder.name}</button></li>`)}</ul>
      ${this.folders.length === 0 ? html`<p class="muted">${t('empty')}</p>` : nothing}
      <div class="actions">
        <button @click=${() => this.finish(undefined)}>${t('cancel')}</button>
        <button class="primary" @click=${() => this.finish(this.trail[this.trail.length - 1]?.id ?? null)}>${t('here')}</button>
      </div>
    </dialog>`;
  }
}
customElements.define('documents-folder-chooser', DocumentsFolderChooser);

declare global {
  interface HTMLElementTagNameMap {
    'documents-folder-chooser': DocumentsFolderChooser;
  }
}
