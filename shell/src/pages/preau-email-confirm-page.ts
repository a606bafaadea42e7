import { html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { formStyles } from '../styles.js';
import { errorMessage, shellApiContext, signedOutApi } from '../api.js';
import { ShellElement } from '../shell-element.js';

/**
 * The page of the link mailed to a new address (`/email-confirm?token=…`): it confirms the address as it opens
 * and says so. The link may be opened signed in (the session's client carries the CSRF token) or not (the
 * phone that reads the mail): the token alone is the proof.
 */
export class PreauEmailConfirmPage extends ShellElement {
  static override properties = { token: {}, signedIn: { type: Boolean }, confirmed: { state: true }, error: { state: true } };
  static override styles = formStyles;
  token = '';
  signedIn = false;
  confirmed = '';
  error = '';
  private started = false;
  private api = new ContextConsumer(this, { context: shellApiContext });

  override firstUpdated(): void {
    if (this.token && !this.started) void this.confirm();
  }

  private async confirm(): Promise<void> {
    this.started = true;
    try {
      const client = this.signedIn && this.api.value ? this.api.value : signedOutApi(this.language);
      const { email } = await client.post<{ email: string }>('/api/core/email/confirm', { token: this.token });
      this.confirmed = email;
      if (this.signedIn) this.dispatchEvent(new CustomEvent('preau-me-changed', { bubbles: true, composed: true }));
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  private renderOutcome() {
    if (!this.token) return html`<p class="error" role="alert">${this.t('emailConfirmMissingToken')}</p>`;
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    if (this.confirmed) return html`<p class="success" role="status">${this.f('emailConfirmed', { email: this.confirmed })}</p>`;
    return html`<p role="status">${this.t('emailConfirming')}</p>`;
  }

  override render() {
    return html`
      <h1>${this.t('emailConfirmTitle')}</h1>
      ${this.renderOutcome()}
      <ul class="links">
        <li>${this.signedIn ? html`<a href="/account">${this.t('backToAccount')}</a>` : html`<a href="/">${this.t('backToSignIn')}</a>`}</li>
      </ul>
    `;
  }
}
customElements.define('preau-email-confirm-page', PreauEmailConfirmPage);

declare global {
  interface HTMLElementTagNameMap {
    'preau-email-confirm-page': PreauEmailConfirmPage;
  }
}
