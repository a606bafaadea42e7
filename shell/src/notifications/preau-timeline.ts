import { css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { formStyles } from '../styles.js';
import '../design/preau-menu.js';
import '../design/preau-empty-state.js';
import { errorMessage, shellApiContext } from '../api.js';
import { liveNotifications, type TimelineItem } from './live-notifications.js';
import { ShellElement } from '../shell-element.js';

interface TimelinePage {
  items: TimelineItem[];
  nextBefore: number | null;
  unread: number;
}

const PAGE = 20;

/**
 * The home feed: the user's notifications, newest first, with "Plus anciens" to page back, read and hide;
 * new ones arrive live. Opening an item marks it read.
 */
export class PreauTimeline extends ShellElement {
  static override properties = {
    items: { state: true },
    nextBefore: { state: true },
    loading: { state: true },
    error: { state: true },
    status: { state: true },
  };
  static override styles = [
    formStyles,
    css`
      ol { list-style: none; margin: 0; padding: 0; background: var(--preau-surface, #fff); border-radius: var(--preau-radius, 10px); box-shadow: var(--preau-shadow, 0 1px 3px rgb(0 0 0 / 0.15)); }
      /* One line per item (issue 19): the text, its date, and its actions behind "⋯". */
      li { display: flex; align-items: center; gap: var(--preau-space-2, 0.5rem); padding: 0 var(--preau-space-1, 0.25rem) 0 var(--preau-space-3, 0.75rem);
        border-bottom: 1px solid var(--preau-border-subtle, #d5d9e2); border-left: 4px solid transparent; min-width: 0; }
      li:last-child { border-bottom: 0; }
      li.unread { border-left-color: var(--preau-accent, #1f5fbf); }
      li.unread .text { font-weight: 700; }
      .text { flex: 1; min-width: 0; color: inherit; text-decoration: none; display: block; line-height: 44px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
      .text:hover { text-decoration: underline; }
      .meta { flex: none; color: var(--preau-muted, #4a5263); font-size: var(--preau-text-small, 0.9rem); white-space: nowrap; }
      .toolbar { display: flex; justify-content: flex-end; margin-bottom: 0.5rem; }
      .more { margin-top: 1rem; }
    `,
  ];
  items: TimelineItem[] = [];
  nextBefore: number | null = null;
  loading = false;
  error = '';
  status = '';
  #stops: (() => void)[] = [];
  private api = new ContextConsumer(this, { context: shellApiContext, subscribe: true });

  override connectedCallback(): void {
    super.connectedCallback();
    const live = liveNotifications();
    this.#stops = [
      live.on('notification', ({ item }) => {
        if (this.items.some((known) => known.id === item.id)) return;
        this.items = [item, ...this.items].sort((a, b) => b.id - a.id);
      }),
      live.on('read', ({ ids, all, hidden }) => {
        const read = new Set(ids ?? []);
        const gone = new Set(hidden ?? []);
        this.items = this.items.filter((item) => !gone.has(item.id)).map((item) => (all || read.has(item.id) ? { ...item, read: true } : item));
      }),
      live.on('resync', () => {
        this.status = this.t('timelineResync');
        void this.load();
      }),
    ];
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this.#stops) stop();
  }

  private async load(before?: number): Promise<void> {
    const api = this.api.value;
    if (!api) return;
    this.loading = true;
    this.error = '';
    try {
      const page = await api.get<TimelinePage>(`/api/core/timeline?limit=${PAGE}${before ? `&before=${before}` : ''}`);
      this.items = before ? [...this.items, ...page.items.filter((item) => !this.items.some((known) => known.id === item.id))] : page.items;
      this.nextBefore = page.nextBefore;
      if (!before && page.items[0]) liveNotifications().seen(page.items[0].id);
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.loading = false;
    }
  }

  private async markRead(ids: number[] | 'all'): Promise<void> {
    try {
      await this.api.value!.post('/api/core/timeline/read', ids === 'all' ? { all: true } : { ids });
      this.items = this.items.map((item) => (ids === 'all' || ids.includes(item.id) ? { ...item, read: true } : item));
      if (ids === 'all') this.status = this.t('timelineAllRead');
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  private async hide(item: TimelineItem, index: number): Promise<void> {
    try {
      await this.api.value!.post(`/api/core/timeline/${item.id}/hide`);
      this.items = this.items.filter((known) => known.id !== item.id);
      this.status = this.t('timelineHidden');
      // Keyboard users keep their place: focus moves to the next item's link (or the previous one).
      await this.updateComplete;
      const links = this.renderRoot.querySelectorAll<HTMLAnchorElement>('a.text');
      links[Math.min(index, links.length - 1)]?.focus();
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  private when(iso: string): string {
    return new Intl.DateTimeFormat(this.language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(iso));
  }

  // Today: the time; this year: the day and month; before: the date (the full date is its title).
  private short(iso: string): string {
    const date = new Date(iso);
    const now = new Date();
    const locale = this.language === 'fr' ? 'fr-FR' : 'en-GB';
    const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(d);
    const options: Intl.DateTimeFormatOptions = day(date) === day(now) ? { hour: '2-digit', minute: '2-digit' }
      : day(date).slice(0, 4) === day(now).slice(0, 4) ? { day: 'numeric', month: 'short' } : { dateStyle: 'short' };
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'Europe/Paris' }).format(date);
  }

  override render() {
    const unread = this.items.some((item) => !item.read);
    return html`
      ${unread ? html`<div class="toolbar"><button class="secondary" @click=${() => this.markRead('all')}>${this.t('timelineMarkAllRead')}</button></div>` : ''}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <p class="visually-hidden" role="status">${this.status}</p>
      ${this.items.length === 0 && !this.loading
        ? html`<preau-empty-state heading=${this.t('timelineEmpty')}></preau-empty-state>`
        : html`<ol>
            ${this.items.map(
              (item, index) => html`<li class=${item.read ? 'read' : 'unread'}>
                <a class="text" href=${item.resource.url} @click=${() => !item.read && this.markRead([item.id])}>
                  ${item.read ? '' : html`<span class="visually-hidden">${this.t('timelineUnread')} : </span>`}${item.text}
                </a>
                <span class="meta"><time datetime=${item.createdAt} title=${this.when(item.createdAt)}>${this.short(item.createdAt)}</time></span>
                <preau-menu label=${this.f('itemActionsOf', { text: item.text })}>
                  ${item.read ? '' : html`<button type="button" @click=${() => this.markRead([item.id])}>${this.t('timelineMarkRead')}</button>`}
                  <button type="button" @click=${() => this.hide(item, index)}>${this.t('timelineHide')}</button>
                </preau-menu>
              </li>`,
            )}
          </ol>`}
      ${this.nextBefore !== null
        ? html`<p class="more"><button class="secondary" ?disabled=${this.loading} @click=${() => this.load(this.nextBefore!)}>${this.t('timelineOlder')}</button></p>`
        : ''}
      ${this.loading ? html`<p role="status">${this.t('loading')}</p>` : ''}
    `;
  }
}
customElements.define('preau-timeline', PreauTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'preau-timeline': PreauTimeline;
  }
}
