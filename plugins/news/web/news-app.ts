import { LitElement, css, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, formatDay, languageContext, refreshBadges } from '@preau/sdk/web';
import { roleIncludes, type Capabilities, type Item, type Profile, type SchoolRight, type Thread } from './api-types.js';
import { text, type TextKey } from './i18n.js';
import { formStyles } from './shared-styles.js';
import { itemAttachments } from './item-attachments.js';
import './news-item-editor.js';
import './news-thread-form.js';
import './news-flash-composer.js';
import './news-item-comments.js';

type View = { name: 'list' } | { name: 'item'; id: number } | { name: 'write' } | { name: 'queue' } | { name: 'drafts' } | { name: 'threads' } | { name: 'flash' } | { name: 'flash-message'; id: number };

function viewOf(path: string): View {
  const [, first, second] = path.split('/');
  if (first === 'items' && Number(second) > 0) return { name: 'item', id: Number(second) };
  if (first === 'flash' && Number(second) > 0) return { name: 'flash-message', id: Number(second) };
  if (first === 'write' || first === 'queue' || first === 'drafts' || first === 'threads' || first === 'flash') return { name: first };
  return { name: 'list' };
}

/** The news app page: the news of my threads, an item, writing, the validation queue, threads, flash messages. */
export class NewsApp extends LitElement {
  static override properties = {
    path: {}, threads: { state: true }, items: { state: true }, next: { state: true }, threadFilter: { state: true },
    item: { state: true }, editing: { state: true }, capabilities: { state: true }, error: { state: true }, status: { state: true },
    threadCreators: { state: true },
  };
  static override styles = [formStyles, css`
    ol.items { list-style: none; padding: 0; display: grid; gap: var(--preau-space-3, 0.75rem); }
    ol.items > li, article.item { background: var(--preau-surface, #fff); border-radius: var(--preau-radius, 10px); padding: var(--preau-space-4, 1rem); box-shadow: var(--preau-shadow, 0 1px 3px rgb(0 0 0 / 0.15)); }
    h2 { font-size: 1.15rem; margin: 0 0 0.25rem; }
    .meta { color: var(--preau-muted, #4a5263); font-size: var(--preau-text-small, 0.9rem); }
    .pin { background: var(--preau-accent, #1f5fbf); color: var(--preau-accent-fg, #fff); border-radius: var(--preau-radius-sm, 6px); padding: 0 0.35rem; font-size: 0.8rem; }
    .status { font-weight: 600; color: var(--preau-warning, #8a4b00); }
    section.thread { margin-bottom: var(--preau-space-5, 1.5rem); }
  `];
  path = '';
  threads: Thread[] = [];
  items: Item[] = [];
  next: string | null = null;
  threadFilter = 0;
  item?: Item;
  editing = false;
  capabilities: Capabilities = { createThreads: [], writeFlash: [], administer: [] };
  /** Per school the user administers: may its teachers create threads? */
  /** Per school the user administers: the profiles holding the core's right `news/createThreads` there. */
  threadCreators: Record<number, Profile[]> = {};
  error = '';
  status = '';
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });

  private t(key: TextKey): string {
    return text(key, this.language.value);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadThreads();
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('path')) {
      this.editing = false;
      this.status = '';
      void this.loadView();
    }
  }

  private async run<T>(work: () => Promise<T>): Promise<T | undefined> {
    this.error = '';
    try {
      return await work();
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
      return undefined;
    }
  }

  private async loadThreads(): Promise<void> {
    await this.run(async () => {
      this.threads = (await this.api.value?.get<Thread[]>('/api/news/threads')) ?? [];
      this.capabilities = (await this.api.value?.get<Capabilities>('/api/news/capabilities')) ?? this.capabilities;
      const rights = await Promise.all(this.capabilities.administer.map(async (schoolId) => [schoolId,
        (await this.api.value!.get<SchoolRight[]>(`/api/core/schools/${schoolId}/rights`)).find((r) => r.app === 'news' && r.right === 'createThreads')?.profiles ?? []] as const));
      this.threadCreators = Object.fromEntries(rights);
    });
  }

  // The same right as in Administration → the school → Applications: only the teachers' part changes here.
  private async letTeachersCreate(schoolId: number, on: boolean): Promise<void> {
    const others = (this.threadCreators[schoolId] ?? []).filter((profile) => profile !== 'Teacher');
    const changed = await this.run(() => this.api.value!.put<SchoolRight>(`/api/core/schools/${schoolId}/rights/news/createThreads`, { profiles: on ? [...others, 'Teacher'] : others }));
    if (changed) this.threadCreators = { ...this.threadCreators, [schoolId]: changed.profiles };
  }

  private async loadView(): Promise<void> {
    const view = viewOf(this.path);
    const api = this.api.value;
    if (!api) return;
    await this.run(async () => {
      if (view.name === 'list') {
        const page = await api.get<{ items: Item[]; next: string | null }>(`/api/news/items?limit=20${this.threadFilter ? `&threadId=${this.threadFilter}` : ''}`);
        this.items = page.items;
        this.next = page.next;
      } else if (view.name === 'item') {
        this.item = await api.get<Item>(`/api/news/items/${view.id}`);
      } else if (view.name === 'queue') {
        this.items = await api.get<Item[]>('/api/news/queue');
      } else if (view.name === 'drafts') {
        this.items = await api.get<Item[]>('/api/news/drafts');
      }
    });
  }

  private async more(): Promise<void> {
    await this.run(async () => {
      const page = await this.api.value!.get<{ items: Item[]; next: string | null }>(`/api/news/items?limit=20&after=${this.next}${this.threadFilter ? `&threadId=${this.threadFilter}` : ''}`);
      this.items = [...this.items, ...page.items];
      this.next = page.next;
    });
  }

  private go(path: string): void {
    this.dispatchEvent(new CustomEvent('preau-navigate', { detail: path, bubbles: true, composed: true }));
  }

  private async validate(item: Item): Promise<void> {
    await this.run(async () => {
      await this.api.value!.post(`/api/news/items/${item.id}/publish`, {});
      refreshBadges();
      await this.loadView();
      this.status = this.t('validated');
    });
  }

  private async trash(item: Item): Promise<void> {
    await this.run(async () => {
      await this.api.value!.post(`/api/news/items/${item.id}/trash`);
      this.go('/apps/news');
    });
  }

  private statusOf(item: Item): string {
    if (item.status === 'draft') return this.t('statusDraft');
    if (item.status === 'submitted') return this.t('statusSubmitted');
    if (item.status === 'published' && item.publishAt && new Date(item.publishAt) > new Date()) return this.t('statusScheduled');
    return '';
  }

  private renderSummary(item: Item, actions?: unknown) {
    const language = this.language.value ?? 'fr';
    return html`<li data-item=${item.id}>
      <h2>${item.headline ? html`<span class="pin">${this.t('headline')}</span> ` : ''}<a href="/apps/news/items/${item.id}">${item.title}</a></h2>
      <p class="meta">${item.threadTitle} · ${formatDay(item.publishAt ?? item.createdAt, language)}${item.author ? html` · ${this.t('by')} ${item.author.displayName}` : ''}
        ${this.statusOf(item) ? html` · <span class="status">${this.statusOf(item)}</span>` : ''}</p>
      ${actions ?? nothing}
    </li>`;
  }

  private renderNav(view: View) {
    const publishes = this.threads.some((th) => roleIncludes(th.role, 'publish'));
    const writes = this.threads.some((th) => roleIncludes(th.role, 'contribute'));
    const manages = this.threads.some((th) => th.role === 'manage') || this.capabilities.createThreads.length > 0;
    // The design system's tabs, as links between the app's pages.
    const tabs: { id: View['name']; href: string; key: TextKey; shown: boolean }[] = [
      { id: 'list', href: '/apps/news', key: 'news', shown: true },
      { id: 'write', href: '/apps/news/write', key: 'write', shown: writes },
      { id: 'drafts', href: '/apps/news/drafts', key: 'drafts', shown: writes },
      { id: 'queue', href: '/apps/news/queue', key: 'queue', shown: publishes },
      { id: 'threads', href: '/apps/news/threads', key: 'threads', shown: manages },
      { id: 'flash', href: '/apps/news/flash', key: 'flash', shown: this.capabilities.writeFlash.length > 0 },
    ];
    return html`<preau-tabs label=${this.t('news')} selected=${view.name}
      .tabs=${tabs.filter((tab) => tab.shown).map((tab) => ({ id: tab.id, label: this.t(tab.key), href: tab.href }))}></preau-tabs>`;
  }

  private renderItem() {
    const item = this.item;
    if (!item) return nothing;
    const thread = this.threads.find((th) => th.id === item.threadId);
    const language = this.language.value ?? 'fr';
    const publishes = !!thread && roleIncludes(thread.role, 'publish');
    if (this.editing) {
      return html`<news-item-editor .threads=${this.threads} .item=${item} @news-saved=${(e: CustomEvent<Item>) => { this.item = e.detail; this.editing = false; }}></news-item-editor>`;
    }
    return html`<p><a href="/apps/news">← ${this.t('back')}</a></p>
      <article class="item" aria-labelledby="item-title">
        <h1 id="item-title">${item.title}</h1>
        <p class="meta">${item.threadTitle} · ${formatDay(item.publishAt ?? item.createdAt, language)}${item.author ? ` · ${this.t('by')} ${item.author.displayName}` : ''}
          ${this.statusOf(item) ? html` · <span class="status">${this.statusOf(item)}</span>` : ''}</p>
        <preau-rich-text class="body" .html=${item.body}></preau-rich-text>
        ${itemAttachments(item.id, item.attachments, this.t('attachments'))}
        <div class="actions">
          ${publishes && item.status === 'submitted' ? html`<button type="button" class="secondary" @click=${() => this.validate(item)}>${this.t('validate')}</button>` : nothing}
          ${publishes || (item.status === 'draft' || item.status === 'submitted') ? html`<button type="button" class="secondary" @click=${() => (this.editing = true)}>${this.t('edit')}</button>
            <button type="button" class="secondary" @click=${() => this.trash(item)}>${this.t('trash')}</button>` : nothing}
        </div>
      </article>
      ${item.status === 'published' && thread?.commentsEnabled ? html`<news-item-comments .itemId=${item.id} .moderates=${publishes}></news-item-comments>` : nothing}`;
  }

  private renderThreads() {
    const managed = this.threads.filter((th) => th.role === 'manage');
    return html`
      ${this.capabilities.createThreads.map((schoolId) => html`<section class="thread"><h2>${this.t('newThread')}</h2>
        <news-thread-form .schoolId=${schoolId} @news-saved=${() => { this.status = this.t('threadCreated'); void this.loadThreads(); }}></news-thread-form></section>`)}
      ${this.capabilities.administer.map((schoolId) => html`<section class="thread">
        <label class="check"><input type="checkbox" .checked=${this.threadCreators[schoolId]?.includes('Teacher') ?? false} @change=${(e: Event) => this.letTeachersCreate(schoolId, (e.target as HTMLInputElement).checked)} /> ${this.t('teachersCreate')}</label>
      </section>`)}
      ${managed.map((thread) => html`<section class="thread"><h2>${thread.title}</h2>
        <news-thread-form .thread=${thread} @news-saved=${() => { this.status = this.t('saved'); void this.loadThreads(); }}></news-thread-form></section>`)}`;
  }

  override render() {
    const view = viewOf(this.path);
    return html`
      ${this.renderNav(view)}
      <p role="status">${this.status}</p>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${view.name === 'list' ? html`
        <label>${this.t('thread')}
          <select @change=${(e: Event) => { this.threadFilter = Number((e.target as HTMLSelectElement).value); void this.loadView(); }}>
            <option value="0">${this.t('allThreads')}</option>
            ${this.threads.map((th) => html`<option value=${th.id}>${th.title}</option>`)}
          </select>
        </label>
        ${this.items.length === 0 ? html`<preau-empty-state heading=${this.t('none')}></preau-empty-state>` : html`<ol class="items">${this.items.map((item) => this.renderSummary(item))}</ol>`}
        ${this.next ? html`<button type="button" class="secondary" @click=${this.more}>${this.t('more')}</button>` : nothing}` : nothing}
      ${view.name === 'item' ? this.renderItem() : nothing}
      ${view.name === 'write' ? html`<news-item-editor .threads=${this.threads} @news-saved=${(e: CustomEvent<Item>) => this.go(`/apps/news/items/${e.detail.id}`)}></news-item-editor>` : nothing}
      ${view.name === 'queue' ? (this.items.length === 0 ? html`<preau-empty-state heading=${this.t('emptyQueue')}></preau-empty-state>` : html`<ol class="items">${this.items.map((item) => this.renderSummary(item,
        html`<button type="button" class="secondary" @click=${() => this.validate(item)}>${this.t('validate')}</button>`))}</ol>`) : nothing}
      ${view.name === 'drafts' ? (this.items.length === 0 ? html`<preau-empty-state heading=${this.t('emptyDrafts')}></preau-empty-state>` : html`<ol class="items">${this.items.map((item) => this.renderSummary(item))}</ol>`) : nothing}
      ${view.name === 'threads' ? this.renderThreads() : nothing}
      ${view.name === 'flash-message' ? html`<news-flash-messages .flashId=${view.id}></news-flash-messages>` : nothing}
      ${view.name === 'flash' ? html`<news-flash-composer .schoolIds=${this.capabilities.writeFlash}></news-flash-composer>` : nothing}
    `;
  }
}
customElements.define('news-app', NewsApp);

declare global {
  interface HTMLElementTagNameMap {
    'news-app': NewsApp;
  }
}
