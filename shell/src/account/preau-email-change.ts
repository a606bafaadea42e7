import { css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { formStyles } from '../styles.js';
import { errorMessage, shellApiContext } from '../api.js';
import type { EmailChange } from '../api-types.js';
import { contactProblem } from '../contact-checks.js';
import { ShellElement } from '../shell-element.js';

type Outcome = { ok: boolean; message: string } | null;

/**
 * "Adresse électronique" on the account page: the address, one waiting for confirmation, and the form to change
 * it with the current password (`PUT /api/core/me/email`). The new address is used only once the link mailed to
 * it is opened; reports `preau-me-changed` so that the page shows the address waiting.
 */
export class PreauEmailChange extends ShellElement {
  static override properties = { email: {}, pendingEmail: {}, login: {}, outcome: { state: true }, busy: { state: true } };
  static override styles = [
    formStyles,
    css`
      section { margin-bottom: 2rem; }
      /* One column: an address is long, and a phone has no room for a label beside it. */
      dl { margin: 0 0 1rem; }
      dt { font-weight: 600; }
      dd { margin: 0 0 0.5rem; overflow-wrap: anywhere; }
    `,
  ];
  email: string | null = null;
  pendingEmail: string | null = null;
  login = '';
  outcome: Outcome = null;
  busy = false;
  private api = new ContextConsumer(this, { context: shellApiContext });

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    // Removing the address is its own button: an empty field sent by mistake must not remove it.
    const removing = (event.submitter as HTMLButtonElement | null)?.value === 'remove';
    const email = removing ? '' : String(data.get('newEmail') ?? '').trim();
    const problem = removing ? null : email ? contactProblem({ email, mobile: '' }, this.language) : this.t('newEmailMissing');
    if (problem) {
      this.outcome = { ok: false, message: problem };
      return;
    }
    this.busy = true;
    try {
      const answer = await this.api.value!.put<EmailChange>('/api/core/me/email', { email: email || null, currentPassword: String(data.get('currentPassword') ?? '') });
      form.reset();
      this.outcome = {
        ok: true,
        message: answer.pendingEmail ? this.f('emailLinkSent', { email: answer.pendingEmail }) : this.t(answer.email ? 'emailUnchanged' : 'emailRemoved'),
      };
      this.dispatchEvent(new CustomEvent('preau-me-changed', { bubbles: true, composed: true }));
    } catch (error) {
      this.outcome = { ok: false, message: errorMessage(error) };
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`
      <section aria-labelledby="email-title">
        <h2 id="email-title">${this.t('emailSection')}</h2>
        <dl>
          <dt>${this.t('currentEmail')}</dt><dd>${this.email ?? this.t('noEmail')}</dd>
          ${this.pendingEmail ? html`<dt>${this.t('pendingEmailLabel')}</dt><dd>${this.pendingEmail}</dd>` : ''}
        </dl>
        <form @submit=${this.submit} novalidate>
          <input type="text" name="username" autocomplete="username" .value=${this.login} hidden>
          <div class="field">
            <label for="new-email">${this.t('newEmail')}</label>
            <input id="new-email" name="newEmail" type="email" autocomplete="email" maxlength="200" aria-describedby="new-email-hint">
            <p class="hint" id="new-email-hint">${this.t('newEmailHint')}</p>
          </div>
          <label>${this.t('currentPassword')}<input name="currentPassword" type="password" required autocomplete="current-password"></label>
          ${this.outcome ? html`<p class=${this.outcome.ok ? 'success' : 'error'} role=${this.outcome.ok ? 'status' : 'alert'}>${this.outcome.message}</p>` : ''}
          <div class="actions">
            <button value="change" ?disabled=${this.busy}>${this.t('changeEmail')}</button>
            ${this.email ? html`<button value="remove" class="secondary" ?disabled=${this.busy}>${this.t('removeEmail')}</button>` : ''}
          </div>
        </form>
      </section>
    `;
  }
}
customElements.define('preau-email-change', PreauEmailChange);

declare global {
  interface HTMLElementTagNameMap {
    'preau-email-change': PreauEmailChange;
  }
}
