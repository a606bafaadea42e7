import { LitElement, html } from 'lit';
import { ApiError } from '@preau/sdk/web';
import { signedOutApi } from '../api.js';
import { formStyles } from '../styles.js';
import { text } from '../i18n.js';

/** The first-start page: creates the academy administrator with the token printed by the server. */
export class PreauSetupPage extends LitElement {
  static override properties = { language: {}, token: {}, error: { state: true }, busy: { state: true } };
  static override styles = formStyles;
  language: 'fr' | 'en' = 'fr';
  token = '';
  error = '';
  busy = false;

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.busy = true;
    this.error = '';
    try {
      const session = await signedOutApi(this.language).post('/api/core/setup', {
        token: this.token,
        login: String(data.get('login') ?? '').trim().toLowerCase(),
        displayName: String(data.get('displayName') ?? '').trim(),
        password: data.get('password'),
      });
      this.dispatchEvent(new CustomEvent('preau-signed-in', { detail: session, bubbles: true, composed: true }));
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const t = (key: Parameters<typeof text>[0]) => text(key, this.language);
    if (!this.token) return html`<h1>${t('setupTitle')}</h1><p class="error" role="alert">${t('setupMissingToken')}</p>`;
    return html`
      <h1>${t('setupTitle')}</h1>
      <p>${t('setupIntro')}</p>
      <form @submit=${this.submit}>
        <label>${t('displayName')}<input name="displayName" required autocomplete="name"></label>
        <label>${t('login')}<input name="login" required autocomplete="username" autocapitalize="none" pattern="[a-z0-9][a-z0-9._\\-]{1,60}"></label>
        <label>${t('password')} <span class="hint">${t('passwordHint')}</span>
          <input name="password" type="password" required minlength="8" autocomplete="new-password"></label>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        <button ?disabled=${this.busy}>${t('setupSubmit')}</button>
      </form>
    `;
  }
}
customElements.define('preau-setup-page', PreauSetupPage);

declare global {
  interface HTMLElementTagNameMap {
    'preau-setup-page': PreauSetupPage;
  }
}
