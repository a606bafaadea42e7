import { LitElement, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, languageContext } from '@preau/sdk/web';
import type { Role, SharedPage } from './api-types.js';
import { formatSize, texts, type TextKey } from './texts.js';
import { documentsStyles } from './styles.js';

const ROLE_TEXT: Record<Role, TextKey> = { read: 'roleRead', contribute: 'roleContribute', manage: 'roleManage', owner: 'roleOwner' };

/** Partagé avec moi: what others shared with the user, grouped by the person who shared it. */
export class DocumentsShared extends LitElement {
  static override properties = { people: { state: true }, next: { state: true }, error: { state: true } };
  static override styles = [documentsStyles];
  people: SharedPage['people'] = [];
  next: string | null = null;
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

  private async load(cursor?: string): Promise<void> {
    try {
      const page = await this.api.value!.get<SharedPage>(`/api/documents/shared-with-me${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
      const people = cursor ? [...this.people] : [];
      for (const group of page.people) {
        // A sharer may continue from the previous page.
        const last = people[people.length - 1];
        if (last && last.sharedBy?.id === group.sharedBy?.id) last.items = [...last.items, ...group.items];
        else people.push(group);
      }
      this.people = people;
      this.next = page.nextCursor;
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  override render() {
    const lang = this.language.value ?? 'fr';
    return html`
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${this.people.length === 0 && !this.error ? html`<p class="muted">${this.t('nothingShared')}</p>` : nothing}
      ${this.people.map((group) => html`<section>
        <h3>${texts.format('sharedBy', lang, { name: group.sharedBy?.displayName ?? '—' })}</h3>
        <ul>${group.items.map((item) => html`<li>
          <a href=${item.kind === 'folder' ? `/apps/documents/folders/${item.id}` : `/apps/documents/files/${item.id}`}>${item.kind === 'folder' ? '📁' : '📄'} ${item.name}</a>
          <span class="muted">${item.kind === 'file' ? `${formatSize(item.size, lang)} — ` : ''}${this.t(ROLE_TEXT[item.role])}</span>
        </li>`)}</ul>
      </section>`)}
      ${this.next ? html`<button @click=${() => this.load(this.next!)}>${this.t('more')}</button>` : nothing}
    `;
  }
}
customElements.define('documents-shared', DocumentsShared);

declare global {
  interface HTMLElementTagNameMap {
    'documents-shared': DocumentsShared;
  }
}
