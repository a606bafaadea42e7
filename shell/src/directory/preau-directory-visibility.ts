import { css, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { formStyles } from '../styles.js';
import { type TextKey } from '../i18n.js';
import { errorMessage, shellApiContext } from '../api.js';
import { ShellElement } from '../shell-element.js';

/** The user's contact details and whether their card in the address book shows them. */
export interface DirectoryContact {
  email: string | null;
  mobile: string | null;
  showEmail?: boolean;
  showMobile?: boolean;
}

type Outcome = { ok: boolean; message: string } | null;

/**
 * "Dans l'annuaire" on the account page: whether the user's email and mobile show on their card
 * (`PATCH /api/core/me { showEmail, showMobile }`). Reports `preau-me-changed` once saved.
 */
export class PreauDirectoryVisibility extends ShellElement {
  static override properties = { contact: { attribute: false }, showEmail: { state: true }, showMobile: { state: true }, outcome: { state: true }, busy: { state: true } };
  static override styles = [formStyles, css`section { margin-bottom: 2rem; }`];
  contact: DirectoryContact = { email: null, mobile: null };
  showEmail = false;
  showMobile = false;
  outcome: Outcome = null;
  busy = false;
  private api = new ContextConsumer(this, { context: shellApiContext });

  // Only a known choice replaces the one on screen: `GET /api/core/me` may not tell it (both are off by default).
  override willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('contact')) return;
    if (typeof this.contact.showEmail === 'boolean') this.showEmail = this.contact.showEmail;
    if (typeof this.contact.showMobile === 'boolean') this.showMobile = this.contact.showMobile;
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const showEmail = (form.elements.namedItem('showEmail') as HTMLInputElement).checked;
    const showMobile = (form.elements.namedItem('showMobile') as HTMLInputElement).checked;
    this.busy = true;
    this.outcome = null;
    try {
      await this.api.value!.patch('/api/core/me', { showEmail, showMobile });
      this.showEmail = showEmail;
      this.showMobile = showMobile;
      this.outcome = { ok: true, message: this.t('saved') };
      this.dispatchEvent(new CustomEvent('preau-me-changed', { bubbles: true, composed: true }));
    } catch (error) {
      this.outcome = { ok: false, message: errorMessage(error) };
    } finally {
      this.busy = false;
    }
  }

  private renderChoice(name: 'showEmail' | 'showMobile', checked: boolean, missing: TextKey | null) {
    return html`<div class="field">
      <label class="check"><input type="checkbox" name=${name} .checked=${checked} aria-describedby=${missing ? `${name}-hint` : nothing}>${this.t(name)}</label>
      ${missing ? html`<p class="hint" id=${`${name}-hint`}>${this.t(missing)}</p>` : ''}
    </div>`;
  }

  override render() {
    const outcome = this.outcome;
    return html`
      <section aria-labelledby="directory-visibility">
        <h2 id="directory-visibility">${this.t('directoryVisibility')}</h2>
        <p>${this.t('directoryVisibilityIntro')}</p>
        <form @submit=${this.save}>
          ${this.renderChoice('showEmail', this.showEmail, this.contact.email ? null : 'noEmailYet')}
          ${this.renderChoice('showMobile', this.showMobile, this.contact.mobile ? null : 'noMobileYet')}
          <div role="status">${outcome?.ok ? html`<p class="success">${outcome.message}</p>` : ''}</div>
          ${outcome && !outcome.ok ? html`<p class="error" role="alert">${outcome.message}</p>` : ''}
          <button ?disabled=${this.busy}>${this.t('saveChoices')}</button>
        </form>
      </section>
    `;
  }
}
customElements.define('preau-directory-visibility', PreauDirectoryVisibility);

declare global {
  interface HTMLElementTagNameMap {
    'preau-directory-visibility': PreauDirectoryVisibility;
  }
}
