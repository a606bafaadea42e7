import { css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { PROFILES } from '@preau/sdk/web';
import { formStyles } from '../styles.js';
import { profileName } from '../i18n.js';
import { errorMessage, shellApiContext } from '../api.js';
import { ApiResource } from '../api-resource.js';
import { ShellElement } from '../shell-element.js';

/** A workflow right as `GET /api/core/schools/:id/rights` lists it for the school. */
interface SchoolRight {
  app: string;
  appTitle: { fr: string; en: string };
  right: string;
  title: { fr: string; en: string } | null;
  defaults: string[];
  profiles: string[];
  overridden: boolean;
}

/** Which profiles hold each app's rights in this school: one fieldset of profile checkboxes per right. */
export class PreauSchoolRights extends ShellElement {
  static override properties = { schoolId: { type: Number }, status: { state: true }, error: { state: true } };
  static override styles = [
    formStyles,
    css`
      .rights { display: grid; gap: 1rem; }
      fieldset { border: 1px solid var(--preau-border-subtle, #d5d9e2); border-radius: var(--preau-radius-control, 8px); padding: 0.75rem; }
      legend { font-weight: 700; }
      .profiles { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.5rem; }
    `,
  ];
  schoolId = 0;
  status = '';
  error = '';
  private api = new ContextConsumer(this, { context: shellApiContext });
  private rights = new ApiResource<SchoolRight[]>(this, () => (this.schoolId ? `/api/core/schools/${this.schoolId}/rights` : null));

  private label(right: SchoolRight): string {
    return `${right.title?.[this.language] ?? right.right} — ${right.appTitle[this.language]}`;
  }

  private async save(right: SchoolRight, profiles: FormDataEntryValue[] | null): Promise<void> {
    const path = `/api/core/schools/${this.schoolId}/rights/${right.app}/${right.right}`;
    this.error = '';
    this.status = '';
    try {
      if (profiles === null) await this.api.value!.delete(path);
      else await this.api.value!.put(path, { profiles });
      this.status = this.f('rightSaved', { right: this.label(right) });
      await this.rights.reload();
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  private renderRight(right: SchoolRight) {
    const defaults = right.defaults.length ? right.defaults.map((p) => profileName(p, this.language)).join(', ') : this.t('rightNobody');
    const submit = (event: SubmitEvent) => {
      event.preventDefault();
      void this.save(right, new FormData(event.target as HTMLFormElement).getAll('profiles'));
    };
    return html`<form @submit=${submit}>
      <fieldset>
        <legend>${this.label(right)}</legend>
        <div class="profiles">
          ${PROFILES.map((profile) => html`<label class="check"><input type="checkbox" name="profiles" value=${profile} ?checked=${right.profiles.includes(profile)}>${profileName(profile, this.language)}</label>`)}
        </div>
        <small>${this.f('rightDefault', { profiles: defaults })}</small>
        <div class="actions">
          <button>${this.t('rightSave')}</button>
          ${right.overridden ? html`<button type="button" @click=${() => void this.save(right, null)}>${this.t('rightReset')}</button>` : ''}
        </div>
      </fieldset>
    </form>`;
  }

  override render() {
    const rights = this.rights.value;
    return html`
      <h2>${this.t('rightsTitle')}</h2>
      <p>${this.t('rightsIntro')}</p>
      ${this.error || this.rights.error ? html`<p class="error" role="alert">${this.error || this.rights.error}</p>` : ''}
      <p role="status">${this.status}</p>
      ${rights ? html`<div class="rights">${rights.map((right) => this.renderRight(right))}</div>` : html`<p>${this.t('loading')}</p>`}
    `;
  }
}
customElements.define('preau-school-rights', PreauSchoolRights);

declare global {
  interface HTMLElementTagNameMap {
    'preau-school-rights': PreauSchoolRights;
  }
}
