import { LitElement, css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { format, text, type Language } from '../i18n.js';
import { shellApiContext } from '../api.js';
import { liveNotifications } from './live-notifications.js';

/**
 * The bell in the header: the unread count, kept live over `/ws`, linking to the timeline on the home page.
 * It owns the tab's live connection (started when the signed-in header shows, stopped when it goes). New
 * notifications are announced to screen readers, except during quiet hours.
 */
export class PreauNotificationBell extends LitElement {
  static override properties = { language: {}, count: { state: true }, announcement: { state: true } };
  static override styles = css`
    :host { display: inline-flex; }
    a { position: relative; color: inherit; display: inline-flex; align-items: center; justify-content: center; min-width: 44px; min-height: 44px; border-radius: 6px; text-decoration: none; }
    a:focus-visible { outline: var(--preau-focus, 3px solid #f2a900); outline-offset: 2px; }
    svg { width: 1.5rem; height: 1.5rem; fill: currentColor; }
    .badge { position: absolute; top: 2px; right: 0; min-width: 1.25rem; height: 1.25rem; padding: 0 0.3rem; box-sizing: border-box; border-radius: 999px;
      background: #fff; color: var(--preau-accent, #1f5fbf); font-size: 0.75rem; font-weight: 700; display: inline-flex; align-items: center; justify-content: center; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  `;
  language: Language = 'fr';
  count = 0;
  announcement = '';
  #stops: (() => void)[] = [];
  private api = new ContextConsumer(this, { context: shellApiContext });

  override connectedCallback(): void {
    super.connectedCallback();
    const live = liveNotifications();
    this.#stops = [
      live.on('unread', ({ count }) => (this.count = count)),
      live.on('notification', ({ item, quiet, missed }) => {
        if (!quiet && !missed) this.announcement = format('timelineNew', this.language, { text: item.text });
      }),
    ];
    live.start();
    // The socket sends the count when it opens; this covers a socket that cannot open (a proxy without WebSocket).
    void this.api.value?.get<{ count: number }>('/api/core/timeline/unread-count').then(({ count }) => (this.count = count), () => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this.#stops) stop();
    liveNotifications().stop();
  }

  override render() {
    const label = this.count > 0 ? format('bellLabel', this.language, { count: this.count }) : text('bellNone', this.language);
    return html`
      <a href="/#timeline" aria-label=${label} title=${label}>
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"/></svg>
        ${this.count > 0 ? html`<span class="badge" aria-hidden="true">${this.count > 99 ? '99+' : this.count}</span>` : ''}
      </a>
      <span class="visually-hidden" role="status" aria-live="polite">${this.announcement}</span>
    `;
  }
}
customElements.define('preau-notification-bell', PreauNotificationBell);

declare global {
  interface HTMLElementTagNameMap {
    'preau-notification-bell': PreauNotificationBell;
  }
}
