import { LitElement, html } from 'lit';
import { ApiError } from '@preau/sdk/web';
import { signedOutApi } from '../api.js';
import { formStyles } from '../styles.js';
import { text } from '../i18n.js';

/** The sign-in form; reports `preau-signed-in` with the session (user and CSRF token). */
export class PreauLoginPage extends LitElement {
  static override properties = { language: {}, error: { state: true }, busy: { state: true } };
  static override styles = formStyles;
  language: 'fr' | 'en' = 'fr';
  error = '';
  busy = false;

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.busy = true;
    this.error = '';
    try {
      const session = await signedOutApi(this.language).post('/api/core/session', { login: data.get('login'), password: data.get('password') });
      this.dispatchEvent(new CustomEvent('preau-signed-in', { detail: session, bubbles: true, composed: true }));
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const t = (key: Parameters<typeof text>[0]) => text(key, this.language);
    return html`
      <h1>${t('signIn')}</h1>
      <form @submit=${this.submit} novalidate>
        <label>${t('login')}<input name="login" autocomplete="username" required autocapitalize="none" spellcheck="false"></label>
        <label>${t('password')}<input name="password" type="password" autocomplete="current-password" required></label>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        <button ?disabled=${this.busy}>${t('signIn')}</button>
      </form>
      <p class="hint">${t('firstTimeHelp')}</p>
      <ul class="links">
        <li><a href="/activate">${t('activateAccount')}</a></li>
        <li><a href="/password-forgotten">${t('passwordForgotten')}</a></li>
        <li><a href="/login-forgotten">${t('loginForgotten')}</a></li>
      </ul>
    `;
  }
}
customElements.define('preau-login-page', PreauLoginPage);

declare global {
  interface HTMLElementTagNameMap {
    'preau-login-page': PreauLoginPage;
  }
}
