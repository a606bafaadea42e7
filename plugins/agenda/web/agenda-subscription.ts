import { LitElement, css, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, formatDay } from '@preau/sdk/web';
import { texts } from './texts.js';

/**
 * The user's private subscription address for their phone's calendar. Only its hash is kept on the server, so
 * the address shows once, when made; making a new one or revoking stops the old one at once.
 */
export class AgendaSubscription extends LitElement {
  static override properties = { language: {}, state: { state: true }, address: { state: true }, error: { state: true } };
  static override styles = css`
    :host { display: block; }
    p { margin: 0.5rem 0; }
    input { font: inherit; width: 100%; min-height: 44px; box-sizing: border-box; padding: 0 0.5rem; border: 1px solid #6b7385; border-radius: 8px; }
    .actions { display: flex; gap: 0.5rem; flex-wrap: wrap; margin-top: 0.5rem; }
    button, a.button { font: inherit; min-height: 44px; padding: 0.5rem 1rem; border-radius: 8px; border: 1px solid #1f5fbf; background: #fff; color: #1f5fbf; cursor: pointer; display: inline-flex; align-items: center; text-decoration: none; }
    :is(button, a, input):focus-visible { outline: var(--preau-focus, 3px solid #f2a900); outline-offset: 2px; }
    [role='alert'] { color: #b3261e; font-weight: 600; }
  `;
  language: 'fr' | 'en' = 'fr';
  state: { active: boolean; createdAt: string | null } | null = null;
  address = '';
  error = '';
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.state = await this.api.value!.get('/api/agenda/feed');
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private async make(): Promise<void> {
    try {
      const { path } = await this.api.value!.post<{ path: string }>('/api/agenda/feed');
      this.address = `${location.origin}${path}`;
      await this.load();
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private async revoke(): Promise<void> {
    try {
      await this.api.value!.delete('/api/agenda/feed');
      this.address = '';
      await this.load();
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  override render() {
    const t = (key: Parameters<typeof texts.text>[0]) => texts.text(key, this.language);
    const webcal = this.address.replace(/^https?:/, 'webcal:');
    return html`<p>${t('subscriptionHelp')}</p>
      ${this.address
        ? html`<label>${t('subscriptionAddress')}<input readonly .value=${this.address} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} /></label>
            <div class="actions"><a class="button" href=${webcal}>${t('openInCalendar')}</a></div>`
        : this.state?.active && this.state.createdAt
          ? html`<p>${texts.format('subscriptionActive', this.language, { date: formatDay(this.state.createdAt, this.language) })}</p>`
          : nothing}
      <div class="actions">
        <button @click=${this.make}>${t(this.state?.active ? 'regenerate' : 'subscribe')}</button>
        ${this.state?.active ? html`<button @click=${this.revoke}>${t('revoke')}</button>` : nothing}
      </div>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}`;
  }
}
customElements.define('agenda-subscription', AgendaSubscription);

declare global {
  interface HTMLElementTagNameMap {
    'agenda-subscription': AgendaSubscription;
  }
}
