import { LitElement, css, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, languageContext, onLiveConnected, onLiveSignal } from '@preau/sdk/web';
import type { Flash } from './api-types.js';
import { text } from './i18n.js';

const REFRESH_MS = 60_000;

/**
 * The home page's top: the flash messages for this user now, urgent first, each until "J'ai lu". A message
 * whose window opens while the page is open arrives with its live signal (no timeline line: it is already
 * here); the page also looks again when the tab comes back and every minute (a lost socket).
 * With `flashId`, one message, read or not: the page its notification opens (it has left the home page once read).
 */
export class NewsFlashMessages extends LitElement {
  static override properties = { messages: { state: true }, flashId: { type: Number }, error: { state: true } };
  static override styles = css`
    :host { display: block; }
    :host([hidden]) { display: none; }
    section { display: grid; gap: 0.75rem; }
    article { border-radius: var(--preau-radius, 10px); padding: var(--preau-space-4, 1rem) var(--preau-space-4, 1rem); border-left: 8px solid; display: grid; gap: 0.5rem; }
    .info { background: var(--preau-accent-soft, #eef3fc); border-color: var(--preau-accent, #1f5fbf); color: #0f2a52; }
    .warning { background: var(--preau-warning-soft, #fff8e6); border-color: #a86400; color: #3d2600; }
    .urgent { background: var(--preau-danger-soft, #fdecea); border-color: var(--preau-danger, #b3261e); color: #4a0d0a; }
    h2 { margin: 0; font-size: 1.15rem; }
    .body :first-child { margin-top: 0; }
    .body :last-child { margin-bottom: 0; }
    footer { display: flex; justify-content: space-between; align-items: center; gap: 1rem; flex-wrap: wrap; }
    .signature { font-style: italic; }
    button { font: inherit; min-height: var(--preau-target, 44px); padding: 0.5rem 1rem; border-radius: var(--preau-radius-control, 8px); border: 2px solid currentColor; background: var(--preau-surface, #fff); color: inherit; cursor: pointer; font-weight: 600; }
    button:focus-visible { outline: var(--preau-focus, 3px solid #f2a900); outline-offset: 2px; }
  `;
  messages: (Flash & { read?: boolean })[] = [];
  flashId?: number;
  /** Why the one message asked for is not shown (not for this user, or deleted). */
  error = '';
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });
  private stopLive?: () => void;
  private timer?: ReturnType<typeof setInterval>;
  private readonly onVisible = () => {
    if (document.visibilityState === 'visible') void this.load();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    if (this.flashId) return;
    const stopSignal = onLiveSignal('news', (signal) => {
      if (signal.name === 'flash-started') void this.load();
    });
    // A message that started while the page was still connecting would otherwise wait for the next minute.
    const stopConnected = onLiveConnected(() => void this.load());
    this.stopLive = () => {
      stopSignal();
      stopConnected();
    };
    document.addEventListener('visibilitychange', this.onVisible);
    this.timer = setInterval(() => void this.load(), REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopLive?.();
    document.removeEventListener('visibilitychange', this.onVisible);
    clearInterval(this.timer);
  }

  private async load(): Promise<void> {
    try {
      if (this.flashId) this.messages = [await this.api.value!.get<Flash & { read: boolean }>(`/api/news/flash/${this.flashId}`)];
      else this.messages = (await this.api.value?.get<Flash[]>('/api/news/flash')) ?? [];
    } catch (error) {
      if (this.flashId) this.error = error instanceof ApiError ? error.message : String(error);
      // The home page stays usable without its flash messages; the next look tries again.
    }
    this.hidden = this.messages.length === 0 && !this.error;
  }

  private async dismiss(message: Flash): Promise<void> {
    this.messages = this.flashId ? this.messages.map((m) => (m.id === message.id ? { ...m, read: true } : m)) : this.messages.filter((m) => m.id !== message.id);
    this.hidden = this.messages.length === 0;
    await this.api.value?.post(`/api/news/flash/${message.id}/read`).catch(() => this.load());
  }

  override render() {
    if (this.error) return html`<p role="alert">${this.error}</p>`;
    if (this.messages.length === 0) return nothing;
    const language = this.language.value ?? 'fr';
    return html`<section aria-label=${text('flashRegion', language)}>
      ${this.messages.map((message) => html`<article class=${message.colour} role=${message.colour === 'urgent' ? 'alert' : 'status'} aria-labelledby="flash-${message.id}" data-flash=${message.id}>
        <h2 id="flash-${message.id}">${message.title}</h2>
        <preau-rich-text class="body" .html=${message.body}></preau-rich-text>
        <footer>
          <span class="signature">${message.signature}</span>
          ${message.read ? html`<span>${text('flashRead', language)}</span>` : html`<button type="button" @click=${() => this.dismiss(message)} aria-describedby="flash-${message.id}">${text('dismiss', language)}</button>`}
        </footer>
      </article>`)}
    </section>`;
  }
}
customElements.define('news-flash-messages', NewsFlashMessages);

declare global {
  interface HTMLElementTagNameMap {
    'news-flash-messages': NewsFlashMessages;
  }
}
