import { css, html } from 'lit';
import { formStyles } from '../styles.js';
import { errorMessage, signedOutApi } from '../api.js';
import type { ActivationCheck } from '../api-types.js';
import { contactProblem } from '../contact-checks.js';
import { ShellElement } from '../shell-element.js';

/**
 * First sign-in with the activation slip: step 1 checks the login and code, step 2 shows the charter and lets
 * the person choose a password (and give an email and a mobile). Reports `preau-signed-in` like the login page.
 */
export class PreauActivationPage extends ShellElement {
  static override properties = { check: { state: true }, error: { state: true }, busy: { state: true } };
  static override styles = [
    formStyles,
    css`
      form { max-width: 32rem; }
      .charter { max-height: 14rem; overflow-y: auto; padding: 0.75rem 1rem; border: 1px solid var(--preau-border, #6b7385); border-radius: var(--preau-radius-control, 8px);
        background: var(--preau-surface, #fff); line-height: 1.5; }
      .charter p { white-space: pre-line; margin: 0; }
      .charter h3 { margin-top: 0; }
    `,
  ];
  check: ActivationCheck | null = null;
  error = '';
  busy = false;
  private login = '';
  private code = '';

  private async verify(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.login = String(data.get('login') ?? '').trim().toLowerCase();
    this.code = String(data.get('code') ?? '').trim();
    this.busy = true;
    this.error = '';
    try {
      this.check = await signedOutApi(this.language).post<ActivationCheck>('/api/core/activation/check', { login: this.login, code: this.code });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#hello')?.focus();
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  private async activate(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const check = this.check!;
    const data = new FormData(event.target as HTMLFormElement);
    const password = String(data.get('password') ?? '');
    const email = String(data.get('email') ?? '').trim();
    const mobile = String(data.get('mobile') ?? '').trim();
    const problem = !data.get('acceptCharter')
      ? this.t('mustAcceptCharter')
      : password.length < check.passwordMinLength
        ? this.f('passwordTooShort', { count: check.passwordMinLength })
        : password !== data.get('confirmation')
          ? this.t('passwordsDiffer')
          : contactProblem({ email, mobile }, this.language);
    this.error = problem ?? '';
    if (problem) return;
    this.busy = true;
    try {
      const session = await signedOutApi(this.language).post('/api/core/activation', {
        login: this.login,
        code: this.code,
        password,
        acceptCharter: true,
        ...(email ? { email } : {}),
        ...(mobile ? { mobile } : {}),
      });
      this.dispatchEvent(new CustomEvent('preau-signed-in', { detail: session, bubbles: true, composed: true }));
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  private restart(): void {
    this.check = null;
    this.error = '';
  }

  private renderError() {
    return this.error ? html`<p class="error" role="alert">${this.error}</p>` : '';
  }

  private renderCheckStep() {
    return html`
      <p>${this.t('activationIntro')}</p>
      <form @submit=${this.verify} novalidate>
        <label>${this.t('login')}<input name="login" autocomplete="username" required autocapitalize="none" spellcheck="false" .value=${this.login}></label>
        <div class="field">
          <label for="code">${this.t('activationCode')}</label>
          <input id="code" name="code" required autocomplete="one-time-code" autocapitalize="characters" spellcheck="false" aria-describedby="code-hint">
          <p class="hint" id="code-hint">${this.t('activationCodeHint')}</p>
        </div>
        ${this.renderError()}
        <button ?disabled=${this.busy}>${this.t('continue')}</button>
      </form>
    `;
  }

  private renderChoiceStep(check: ActivationCheck) {
    return html`
      <h2 id="hello" tabindex="-1">${this.f('hello', { name: check.displayName })}</h2>
      <form @submit=${this.activate} novalidate>
        <div class="charter" role="region" aria-labelledby="charter-title" tabindex="0">
          <h3 id="charter-title">${this.t('charterTitle')}</h3>
          <p>${check.charter}</p>
        </div>
        <label class="check"><input type="checkbox" name="acceptCharter" required>${this.t('acceptCharter')}</label>
        <div class="field">
          <label for="password">${this.t('password')}</label>
          <input id="password" name="password" type="password" required minlength=${check.passwordMinLength} autocomplete="new-password" aria-describedby="password-hint">
          <p class="hint" id="password-hint">${this.f('passwordMinHint', { count: check.passwordMinLength })}</p>
        </div>
        <label>${this.t('confirmPassword')}<input name="confirmation" type="password" required autocomplete="new-password"></label>
        <div class="field">
          <label for="email">${this.t('email')}</label>
          <input id="email" name="email" type="email" autocomplete="email" aria-describedby="email-hint" .value=${check.email ?? ''}>
          <p class="hint" id="email-hint">${check.email ? this.t('emailOnFileHint') : this.t('emailHint')}</p>
        </div>
        <div class="field">
          <label for="mobile">${this.t('mobile')}</label>
          <input id="mobile" name="mobile" type="tel" autocomplete="tel" aria-describedby="mobile-hint">
          <p class="hint" id="mobile-hint">${this.t('mobileHint')}</p>
        </div>
        ${this.renderError()}
        <div class="actions">
          <button ?disabled=${this.busy}>${this.t('activateAccount')}</button>
          <button type="button" class="secondary" @click=${this.restart}>${this.t('otherCode')}</button>
        </div>
      </form>
    `;
  }

  override render() {
    return html`
      <h1>${this.t('activateAccount')}</h1>
      ${this.check ? this.renderChoiceStep(this.check) : this.renderCheckStep()}
      <ul class="links"><li><a href="/">${this.t('backToSignIn')}</a></li></ul>
    `;
  }
}
customElements.define('preau-activation-page', PreauActivationPage);

declare global {
  interface HTMLElementTagNameMap {
    'preau-activation-page': PreauActivationPage;
  }
}
