import { css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { formStyles } from '../styles.js';
import { profileName } from '../i18n.js';
import { errorMessage, shellApiContext } from '../api.js';
import type { IssuedCode, SchoolClass, UserRow } from '../api-types.js';
import { ShellElement } from '../shell-element.js';

const PROFILES = ['Teacher', 'Personnel', 'Student', 'Relative', 'Guest'] as const;
const STAFF = new Set(['Teacher', 'Personnel']);

/** What the form reports once saved: the row as it now is, and for a new account its first code. */
export interface PersonSaved {
  user: UserRow;
  activation?: IssuedCode;
}

/**
 * Creates or edits a person of a school: name, email (while the account is pending: once activated it is the
 * person's own), and for teachers and staff their classes of this year and their functions (director; local
 * administrator, which only the academy's administrators name). Dispatches `person-saved` or `cancel`.
 */
export class PreauPersonForm extends ShellElement {
  static override properties = {
    schoolId: { type: Number },
    person: { attribute: false },
    classes: { attribute: false },
    mayNameLocalAdmin: { type: Boolean },
    profile: { state: true },
    error: { state: true },
    busy: { state: true },
  };
  static override styles = [
    formStyles,
    css`
      form { max-width: 32rem; }
      fieldset { border: 1px solid var(--preau-border-subtle, #d5d9e2); border-radius: var(--preau-radius-control, 8px); padding: 0.5rem 1rem; margin: 0; min-width: 0; }
      legend { font-weight: 600; padding: 0 0.25rem; }
      .classes { display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: 0 1rem; }
      h3:focus { outline: none; }
    `,
  ];
  schoolId = 0;
  /** The person edited; null to create one. */
  person: UserRow | null = null;
  classes: SchoolClass[] = [];
  mayNameLocalAdmin = false;
  profile = 'Teacher';
  error = '';
  busy = false;
  private api = new ContextConsumer(this, { context: shellApiContext });

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('person')) this.profile = this.person?.profile ?? 'Teacher';
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    if (!form.reportValidity()) return;
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const classIds = data.getAll('classId').map(Number);
    const staff = STAFF.has(this.profile);
    const functions = { director: data.get('director') === 'on', localAdmin: data.get('localAdmin') === 'on' };
    this.busy = true;
    this.error = '';
    try {
      const base = `/api/core/schools/${this.schoolId}/users`;
      const api = this.api.value!;
      let saved: PersonSaved;
      if (!this.person) {
        saved = await api.post<PersonSaved>(base, {
          profile: this.profile, firstName: value('firstName'), lastName: value('lastName'),
          ...(value('email') ? { email: value('email') } : {}),
          ...(classIds.length ? { classIds } : {}),
          ...(staff ? { director: functions.director, ...(this.mayNameLocalAdmin ? { localAdmin: functions.localAdmin } : {}) } : {}),
        });
      } else {
        const person = this.person;
        let user = person;
        const changes: Record<string, string | null> = {};
        if (value('firstName') !== (person.firstName ?? '')) changes.firstName = value('firstName');
        if (value('lastName') !== (person.lastName ?? '')) changes.lastName = value('lastName');
        if (person.state === 'pending' && value('email') !== (person.email ?? '')) changes.email = value('email') || null;
        if (Object.keys(changes).length) user = await api.patch<UserRow>(`${base}/${person.id}`, changes);
        if (staff) {
          const sameClasses = classIds.length === person.classIds.length && classIds.every((id) => person.classIds.includes(id));
          if (!sameClasses) user = await api.put<UserRow>(`${base}/${person.id}/classes`, { classIds });
          const was = { director: person.functions.includes('director'), localAdmin: person.functions.includes('local-admin') };
          const wanted = { director: functions.director, localAdmin: this.mayNameLocalAdmin ? functions.localAdmin : was.localAdmin };
          if (wanted.director !== was.director || wanted.localAdmin !== was.localAdmin) user = await api.put<UserRow>(`${base}/${person.id}/functions`, wanted);
        }
        saved = { user };
      }
      this.dispatchEvent(new CustomEvent<PersonSaved>('person-saved', { detail: saved, bubbles: true, composed: true }));
    } catch (error) {
      this.error = errorMessage(error);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error')?.focus();
    } finally {
      this.busy = false;
    }
  }

  private renderStaffFields() {
    const person = this.person;
    return html`
      <fieldset>
        <legend>${this.t('personClassesThisYear')}</legend>
        <div class="classes">
          ${this.classes.map((c) => html`<label class="check"><input type="checkbox" name="classId" value=${c.id} ?checked=${person?.classIds.includes(c.id) ?? false}>${c.label}</label>`)}
        </div>
      </fieldset>
      <fieldset>
        <legend>${this.t('personFunctions')}</legend>
        <label class="check"><input type="checkbox" name="director" ?checked=${person?.functions.includes('director') ?? false}>${this.t('functionDirector')}</label>
        <label class="check"><input type="checkbox" name="localAdmin" ?disabled=${!this.mayNameLocalAdmin}
          aria-describedby=${this.mayNameLocalAdmin ? '' : 'local-admin-hint'} ?checked=${person?.functions.includes('local-admin') ?? false}>${this.t('functionLocalAdmin')}</label>
        ${this.mayNameLocalAdmin ? '' : html`<p class="hint" id="local-admin-hint">${this.t('localAdminByAcademy')}</p>`}
      </fieldset>
    `;
  }

  override render() {
    const person = this.person;
    const emailLocked = person !== null && person.state !== 'pending';
    return html`
      <form class="panel" @submit=${this.submit} aria-labelledby="person-form-title">
        <h3 id="person-form-title" tabindex="-1">${person ? this.f('editPerson', { name: person.displayName }) : this.t('createPerson')}</h3>
        ${person
          ? ''
          : html`<label>${this.t('profile')}
              <select name="profile" @change=${(event: Event) => (this.profile = (event.target as HTMLSelectElement).value)}>
                ${PROFILES.map((p) => html`<option value=${p} ?selected=${this.profile === p}>${profileName(p, this.language)}</option>`)}
              </select>
            </label>`}
        <label>${this.t('firstName')}<input name="firstName" required maxlength="80" autocomplete="off" .value=${person?.firstName ?? ''}></label>
        <label>${this.t('lastName')}<input name="lastName" required maxlength="80" autocomplete="off" .value=${person?.lastName ?? ''}></label>
        <div class="field">
          <label for="person-email">${this.t('emailOptional')}</label>
          <input id="person-email" name="email" type="email" maxlength="200" autocomplete="off" .value=${person?.email ?? ''} ?disabled=${emailLocked}
            aria-describedby=${emailLocked ? 'email-owned' : ''}>
          ${emailLocked ? html`<p class="hint" id="email-owned">${this.t('emailOwned')}</p>` : ''}
        </div>
        ${STAFF.has(this.profile) ? this.renderStaffFields() : ''}
        ${this.error ? html`<p class="error" role="alert" tabindex="-1">${this.error}</p>` : ''}
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${person ? this.t('save') : this.t('createPerson')}</button>
          <button type="button" class="secondary" ?disabled=${this.busy}
            @click=${() => this.dispatchEvent(new CustomEvent('cancel', { bubbles: true, composed: true }))}>${this.t('cancel')}</button>
        </div>
      </form>
    `;
  }
}
customElements.define('preau-person-form', PreauPersonForm);

declare global {
  interface HTMLElementTagNameMap {
    'preau-person-form': PreauPersonForm;
  }
}
