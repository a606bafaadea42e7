import { html } from 'lit';
import { formStyles } from '../styles.js';

import { errorMessage, signedOutApi } from '../api.js';
import { contactProblem } from '../contact-checks.js';
import { ShellElement } from '../shell-element.js';

/** Sends the logins of an email address to it; the answer is the same whether or not an account has it. */
export class PreauLoginForgottenPage extends ShellElement {
  static override properties = { error: { state: true }, done: { state: true }, busy: { state: true } };
  static override styles = formStyles;
  error = '';
  done = '';
  busy = false;

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const email = String(new FormData(event.target as HTMLFormElement).get('email') ?? '').trim();
    this.error = (email ? contactProblem({ email, mobile: '' }, this.language) : this.t('emailInvalid')) ?? '';
    if (this.error) return;
    this.busy = true;
    try {
      this.done = (await signedOutApi(this.language).post<{ message: string }>('/api/core/login/forgotten', { email })).message;
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`
      <h1>${this.t('loginForgotten')}</h1>
      ${this.done
        ? html`<p class="success" role="status">${this.done}</p>`
        : html`<p>${this.t('forgottenLoginIntro')}</p>
            <form @submit=${this.submit} novalidate>
              <label>${this.t('emailRequired')}<input name="email" type="email" autocomplete="email" required></label>
              ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
              <button ?disabled=${this.busy}>${this.t('sendLogin')}</button>
            </form>`}
      <ul class="links">
        <li><a href="/">${this.t('backToSignIn')}</a></li>
        <li><a href="/password-forgotten">${this.t('passwordForgotten')}</a></li>
      </ul>
    `;
  }
}
customElements.define('preau-login-forgotten-page', PreauLoginForgottenPage);

declare global {
  interface HTMLElementTagNameMap {
    'preau-login-forgotten-page': PreauLoginForgottenPage;
  }
}
