import { css, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { formStyles } from '../styles.js';
import { profileName, text } from '../i18n.js';
import { errorMessage, shellApiContext } from '../api.js';
import type { Me } from '../api-types.js';
import { contactProblem } from '../contact-checks.js';
import '../account/preau-sessions-list.js';
import '../account/preau-email-change.js';
import '../account/preau-storage-usage.js';
import '../directory/preau-directory-visibility.js';
import '../notifications/preau-notification-preferences.js';
import '../account/preau-push-devices.js';
import '../layout/preau-home-elements.js';
import type { LauncherApp } from '../layout/preau-launcher.js';
import { ShellElement } from '../shell-element.js';

type Outcome = { ok: boolean; message: string } | null;

/**
 * "Mon compte": who I am, my email (changed with my password, confirmed from the new address), mobile and
 * language, my password, my open sessions, my data.
 * Reports `preau-me-changed` when the user changed, so that the shell reads it again.
 */
export class PreauAccountPage extends ShellElement {
  static override properties = { me: { attribute: false }, apps: { attribute: false }, contactOutcome: { state: true }, passwordOutcome: { state: true }, busy: { state: true } };
  static override styles = [
    formStyles,
    css`
      section { margin-bottom: 2rem; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.4rem 1rem; margin: 0; }
      dt { font-weight: 600; }
      dd { margin: 0; }
      .download { display: inline-flex; align-items: center; min-height: 44px; font-weight: 600; }
    `,
  ];
  me?: Me;
  /** The user's apps: those with sections of Mon compte (`web.account`) show them here. */
  apps: LauncherApp[] = [];
  contactOutcome: Outcome = null;
  passwordOutcome: Outcome = null;
  busy = false;
  private api = new ContextConsumer(this, { context: shellApiContext });

  private async saveContact(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const mobile = String(data.get('mobile') ?? '').trim();
    const language = data.get('language') === 'en' ? 'en' : 'fr';
    const problem = contactProblem({ email: '', mobile }, this.language);
    if (problem) {
      this.contactOutcome = { ok: false, message: problem };
      return;
    }
    this.busy = true;
    try {
      await this.api.value!.patch('/api/core/me', { mobile: mobile || null, language });
      this.contactOutcome = { ok: true, message: text('saved', language) };
      this.dispatchEvent(new CustomEvent('preau-me-changed', { bubbles: true, composed: true }));
    } catch (error) {
      this.contactOutcome = { ok: false, message: errorMessage(error) };
    } finally {
      this.busy = false;
    }
  }

  private async changePassword(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    if (data.get('newPassword') !== data.get('confirmation')) {
      this.passwordOutcome = { ok: false, message: this.t('passwordsDiffer') };
      return;
    }
    this.busy = true;
    try {
      await this.api.value!.put('/api/core/me/password', { currentPassword: data.get('currentPassword'), newPassword: data.get('newPassword') });
      form.reset();
      this.passwordOutcome = { ok: true, message: this.t('passwordChanged') };
      this.renderRoot.querySelector('preau-sessions-list')?.reload();
    } catch (error) {
      this.passwordOutcome = { ok: false, message: errorMessage(error) };
    } finally {
      this.busy = false;
    }
  }

  private outcome(outcome: Outcome) {
    if (!outcome) return '';
    return outcome.ok ? html`<p class="success" role="status">${outcome.message}</p>` : html`<p class="error" role="alert">${outcome.message}</p>`;
  }

  private renderProfile(me: Me) {
    return html`
      <section aria-labelledby="profile">
        <h2 id="profile">${this.t('profileSection')}</h2>
        <dl>
          <dt>${this.t('displayName')}</dt><dd>${me.user.displayName}</dd>
          <dt>${this.t('login')}</dt><dd>${me.user.login}</dd>
          <dt>${this.t('profile')}</dt><dd>${profileName(me.user.profile, this.language)}</dd>
          ${me.user.schools.length ? html`<dt>${this.t('schools')}</dt><dd>${me.user.schools.map((s) => s.name).join(', ')}</dd>` : ''}
        </dl>
      </section>
    `;
  }

  private renderContact(me: Me) {
    return html`
      <section aria-labelledby="contact">
        <h2 id="contact">${this.t('contactSection')}</h2>
        <form @submit=${this.saveContact} novalidate>
          <div class="field">
            <label for="mobile">${this.t('mobile')}</label>
            <input id="mobile" name="mobile" type="tel" autocomplete="tel" .value=${me.contact.mobile ?? ''} aria-describedby="mobile-hint">
            <p class="hint" id="mobile-hint">${this.t('mobileHint')}</p>
          </div>
          <label>${this.t('language')}
            <select name="language">
              <option value="fr" ?selected=${me.user.language === 'fr'} lang="fr">Français</option>
              <option value="en" ?selected=${me.user.language === 'en'} lang="en">English</option>
            </select>
          </label>
          ${this.outcome(this.contactOutcome)}
          <button ?disabled=${this.busy}>${this.t('save')}</button>
        </form>
      </section>
    `;
  }

  private renderPassword() {
    return html`
      <section aria-labelledby="password">
        <h2 id="password">${this.t('passwordSection')}</h2>
        <form @submit=${this.changePassword} novalidate>
          <input type="text" name="username" autocomplete="username" .value=${this.me?.user.login ?? ''} hidden>
          <label>${this.t('currentPassword')}<input name="currentPassword" type="password" required autocomplete="current-password"></label>
          <label>${this.t('newPassword')}<input name="newPassword" type="password" required autocomplete="new-password"></label>
          <label>${this.t('confirmPassword')}<input name="confirmation" type="password" required autocomplete="new-password"></label>
          ${this.outcome(this.passwordOutcome)}
          <button ?disabled=${this.busy}>${this.t('changePassword')}</button>
        </form>
      </section>
    `;
  }

  override render() {
    const me = this.me;
    if (!me) return html``;
    return html`
      <h1>${this.t('myAccount')}</h1>
      ${this.renderProfile(me)}
      <preau-email-change .email=${me.contact.email} .pendingEmail=${me.contact.pendingEmail} .login=${me.user.login} .language=${this.language}></preau-email-change>
      ${this.renderContact(me)}
      <preau-directory-visibility .contact=${me.contact} .language=${this.language}></preau-directory-visibility>
      ${this.renderPassword()}
      <section id="notifications" aria-labelledby="notifications-title">
        <h2 id="notifications-title">${this.t('notificationPreferences')}</h2>
        <preau-notification-preferences .language=${this.language}></preau-notification-preferences>
        <h3 id="devices-title">${this.t('devicesTitle')}</h3>
        <preau-push-devices .language=${this.language} aria-labelledby="devices-title"></preau-push-devices>
      </section>
      <section id="storage" aria-labelledby="storage-title">
        <h2 id="storage-title">${this.language === 'fr' ? 'Espace de stockage' : 'Storage'}</h2>
        <preau-storage-usage .language=${this.language}></preau-storage-usage>
      </section>
      ${this.apps.some((app) => app.account?.length)
        ? html`<div class="app-sections"><preau-home-elements .apps=${this.apps} placement="account"></preau-home-elements></div>`
        : nothing}
      <section aria-labelledby="sessions">
        <h2 id="sessions">${this.t('sessionsSection')}</h2>
        <preau-sessions-list .language=${this.language}></preau-sessions-list>
      </section>
      <section aria-labelledby="data">
        <h2 id="data">${this.t('dataSection')}</h2>
        <p>${this.t('dataIntro')}</p>
        <a class="download" href="/api/core/me/export" download=${`preau-${me.user.login}.json`}>${this.t('downloadData')}</a>
      </section>
    `;
  }
}
customElements.define('preau-account-page', PreauAccountPage);

declare global {
  interface HTMLElementTagNameMap {
    'preau-account-page': PreauAccountPage;
  }
}
