import { html } from 'lit';
import { formStyles } from '../styles.js';

import { errorMessage, signedOutApi } from '../api.js';
import { ShellElement } from '../shell-element.js';

/** The page of the emailed link (`/password-reset?token=…`): choose a new password, then sign in with it. */
export class PreauPasswordResetPage extends ShellElement {
  static override properties = { token: {}, error: { state: true }, done: { state: true }, busy: { state: true } };
  static override styles = formStyles;
  token = '';
  error = '';
  done = false;
  busy = false;

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const password = String(data.get('password') ?? '');
    this.error = password !== data.get('confirmation') ? this.t('passwordsDiffer') : '';
    if (this.error) return;
    this.busy = true;
    try {
      await signedOutApi(this.language).post('/api/core/password/reset', { token: this.token, password });
      this.done = true;
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  private renderForm() {
    if (!this.token) return html`<p class="error" role="alert">${this.t('resetMissingToken')}</p>`;
    return html`
      <form @submit=${this.submit} novalidate>
        <label>${this.t('newPassword')}<input name="password" type="password" required autocomplete="new-password"></label>
        <label>${this.t('confirmPassword')}<input name="confirmation" type="password" required autocomplete="new-password"></label>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        <button ?disabled=${this.busy}>${this.t('resetSubmit')}</button>
      </form>
    `;
  }

  override render() {
    return html`
      <h1>${this.t('resetTitle')}</h1>
      ${this.done ? html`<p class="success" role="status">${this.t('resetDone')}</p>` : this.renderForm()}
      <ul class="links">
        <li><a href="/">${this.t('backToSignIn')}</a></li>
        ${this.token && !this.done ? '' : html`<li><a href="/password-forgotten">${this.t('passwordForgotten')}</a></li>`}
      </ul>
    `;
  }
}
customElements.define('preau-password-reset-page', PreauPasswordResetPage);

declare global {
  interface HTMLElementTagNameMap {
    'preau-password-reset-page': PreauPasswordResetPage;
  }
}
