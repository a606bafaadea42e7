import { LitElement, css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { apiContext, formatDay, languageContext, onLiveNotification } from '@preau/sdk/web';
import type { Item } from './api-types.js';
import { text } from './i18n.js';

/** The home widget: the latest news of my threads, headlines first, each a link to the item. */
export class NewsHeadlines extends LitElement {
  static override properties = { items: { state: true } };
  static override styles = css`
    :host { display: block; background: var(--preau-surface, #fff); border-radius: var(--preau-radius, 10px); padding: var(--preau-space-4, 1rem); box-shadow: var(--preau-shadow, 0 1px 3px rgb(0 0 0 / 0.15)); }
    h2 { font-size: 1.1rem; margin: 0 0 0.5rem; }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
    a { color: var(--preau-link, #1f5fbf); font-weight: 600; }
    a:focus-visible { outline: var(--preau-focus, 3px solid #f2a900); outline-offset: 2px; }
    .meta { display: block; color: var(--preau-muted, #4a5263); font-size: 0.9rem; }
    .pin { background: var(--preau-accent, #1f5fbf); color: var(--preau-accent-fg, #fff); border-radius: var(--preau-radius-sm, 6px); padding: 0 0.35rem; font-size: 0.8rem; margin-right: 0.35rem; }
  `;
  items: Item[] = [];
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });
  private stopLive?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    this.stopLive = onLiveNotification((n) => {
      if (n.type === 'published') void this.load();
    }, 'news');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopLive?.();
  }

  private async load(): Promise<void> {
    try {
      this.items = (await this.api.value?.get<Item[]>('/api/news/headlines?limit=5')) ?? [];
    } catch {
      this.items = [];
    }
  }

  override render() {
    const language = this.language.value ?? 'fr';
    return html`<section aria-labelledby="news-headlines-title">
      <h2 id="news-headlines-title">${text('news', language)}</h2>
      ${this.items.length === 0 ? html`<p>${text('none', language)}</p>` : html`<ul>
        ${this.items.map((item) => html`<li>
          ${item.headline ? html`<span class="pin">${text('headline', language)}</span>` : ''}
          <a href="/apps/news/items/${item.id}">${item.title}</a>
          <span class="meta">${item.threadTitle} · ${formatDay(item.publishAt ?? item.createdAt, language)}</span>
        </li>`)}
      </ul>`}
      <p><a href="/apps/news">${text('allNews', language)}</a></p>
    </section>`;
  }
}
customElements.define('news-headlines', NewsHeadlines);

declare global {
  interface HTMLElementTagNameMap {
    'news-headlines': NewsHeadlines;
  }
}
