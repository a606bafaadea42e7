import { html } from 'lit';
import { formStyles } from '../styles.js';

import { errorMessage, signedOutApi } from '../api.js';
import { ShellElement } from '../shell-element.js';

/** Asks for a password reset link by email; the answer is the same whether or not the account exists. */
export class PreauPasswordForgottenPage extends ShellElement {
  static override properties = { error: { state: true }, done: { state: true }, busy: { state: true } };
  static override styles = formStyles;
  error = '';
  done = '';
  busy = false;

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const login = String(new FormData(event.target as HTMLFormElement).get('login') ?? '').trim().toLowerCase();
    this.busy = true;
    this.error = '';
    try {
      this.done = (await signedOutApi(this.language).post<{ message: string }>('/api/core/password/forgotten', { login })).message;
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`
      <h1>${this.t('passwordForgotten')}</h1>
      ${this.done
        ? html`<p class="success" role="status">${this.done}</p>`
        : html`<p>${this.t('forgottenPasswordIntro')}</p>
            <form @submit=${this.submit} novalidate>
              <label>${this.t('login')}<input name="login" autocomplete="username" required autocapitalize="none" spellcheck="false"></label>
              ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
              <button ?disabled=${this.busy}>${this.t('sendLink')}</button>
            </form>`}
      <ul class="links">
        <li><a href="/">${this.t('backToSignIn')}</a></li>
        <li><a href="/login-forgotten">${this.t('loginForgotten')}</a></li>
      </ul>
    `;
  }
}
customElements.define('preau-password-forgotten-page', PreauPasswordForgottenPage);

declare global {
  interface HTMLElementTagNameMap {
    'preau-password-forgotten-page': PreauPasswordForgottenPage;
  }
}
