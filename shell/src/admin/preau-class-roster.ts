import { css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { formStyles, tableStyles } from '../styles.js';
import { errorMessage, shellApiContext } from '../api.js';
import type { ClassMembers, ClassPerson, ReissuedCode } from '../api-types.js';
import { ApiResource } from '../api-resource.js';
import { ShellElement } from '../shell-element.js';
import { stateName } from './account-state.js';
import type { SchoolRelative } from './preau-link-relative.js';
import './preau-issued-code.js';
import './preau-link-relative.js';

/**
 * A class's pupils and their relatives, with each account's login and state and a new code for one person.
 * Teachers give codes to accounts not activated yet; resetting an activated one, and linking or unlinking a
 * parent by hand, are for the school's administrators (the server decides; this only chooses what to offer).
 */
export class PreauClassRoster extends ShellElement {
  static override properties = { schoolId: { type: Number }, classId: { type: Number }, administers: { type: Boolean }, error: { state: true }, notice: { state: true }, issued: { state: true }, busy: { state: true } };
  static override styles = [
    formStyles,
    tableStyles,
    css`
      .person { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1rem; }
      .who { display: grid; gap: 0.1rem; }
      .relatives li + li { border-top: 1px dashed var(--preau-border-subtle, #d5d9e2); margin-top: 0.4rem; padding-top: 0.4rem; }
      .login { font-family: ui-monospace, monospace; }
    `,
  ];
  schoolId = 0;
  classId = 0;
  administers = false;
  /** What an action (a code, a link) answered when it failed. */
  error = '';
  notice = '';
  issued: (ReissuedCode & { displayName: string }) | null = null;
  busy = false;
  private api = new ContextConsumer(this, { context: shellApiContext });
  private members = new ApiResource<ClassMembers>(this, () => (this.schoolId && this.classId ? `/api/core/schools/${this.schoolId}/classes/${this.classId}/members` : null));
  // Only the school's administrators may read its people: for a teacher the page does not ask (the answer would
  // be a 403 and an error in the console), and the links stay read-only.
  private schoolRelatives = new ApiResource<SchoolRelative[]>(this, () => (this.administers && this.schoolId ? `/api/core/schools/${this.schoolId}/users?profile=Relative&limit=500` : null));

  /** Reads the roster again (after slips issued new codes). */
  async reload(): Promise<void> {
    await this.members.reload();
  }

  private async unlink(pupilId: number, relativeId: number): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      await this.api.value!.delete(`/api/core/schools/${this.schoolId}/pupils/${pupilId}/relatives/${relativeId}`);
      await this.members.reload();
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  private async newCode(person: ClassPerson): Promise<void> {
    if (person.state === 'active' && !confirm(this.f('confirmReset', { name: person.displayName }))) return;
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      const issued = await this.api.value!.post<ReissuedCode>(`/api/core/schools/${this.schoolId}/users/${person.id}/activation-code`);
      this.issued = { ...issued, displayName: person.displayName };
      if (issued.reset) this.notice = this.f(issued.emailed ? 'accessResetEmailed' : 'accessResetNotEmailed', { name: person.displayName });
      await this.updateComplete;
      this.renderRoot.querySelector('preau-issued-code')?.scrollIntoView({ block: 'nearest' });
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  /** A person's account: login and state, and a button for a new code or a reset (the name too for a relative). */
  private renderPerson(person: ClassPerson, named: boolean) {
    const reset = person.state === 'active';
    return html`<div class="person">
      <span class="who">
        ${named ? html`<strong>${person.displayName}</strong>` : ''}
        <span class="login">${person.login}</span>
        <span class="state-${person.state}">${stateName(person.state, this.language)}</span>
      </span>
      ${person.state === 'blocked' || (reset && !this.administers)
        ? ''
        : html`<button class="secondary" ?disabled=${this.busy} aria-label=${this.f(reset ? 'resetAccessOf' : 'newCodeOf', { name: person.displayName })}
            @click=${() => void this.newCode(person)}>${this.t(reset ? 'resetAccess' : 'newCode')}</button>`}
    </div>`;
  }

  private renderPupils(members: ClassMembers) {
    if (members.pupils.length === 0) return html`<p>${this.t('noPupils')}</p>`;
    const candidates = this.schoolRelatives.value;
    return html`<div class="table-wrap"><table>
      <thead><tr><th scope="col">${this.t('pupil')}</th><th scope="col">${this.t('pupilAccount')}</th><th scope="col">${this.t('relatives')}</th></tr></thead>
      <tbody>
        ${members.pupils.map((pupil) => html`<tr>
          <th scope="row">${pupil.displayName}</th>
          <td>${this.renderPerson(pupil, false)}</td>
          <td>${pupil.relatives.length
            ? html`<ul class="plain relatives">${pupil.relatives.map((r) => html`<li>${this.renderPerson(r, true)}
                ${candidates ? html`<button class="secondary" ?disabled=${this.busy} @click=${() => void this.unlink(pupil.id, r.id)}
                  aria-label=${this.f('unlinkRelativeOf', { relative: r.displayName, pupil: pupil.displayName })}>${this.t('unlinkRelative')}</button>` : ''}</li>`)}</ul>`
            : '—'}
            ${candidates ? html`<preau-link-relative .schoolId=${this.schoolId} .pupil=${pupil} .candidates=${candidates} .language=${this.language}
              @relatives-changed=${() => void this.members.reload()}></preau-link-relative>` : ''}</td>
        </tr>`)}
      </tbody>
    </table></div>`;
  }

  override render() {
    const error = this.error || this.members.error;
    return html`
      ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
      <div role="status">${this.notice ? html`<p class="success">${this.notice}</p>` : ''}</div>
      ${this.issued ? html`<preau-issued-code .issued=${this.issued} .name=${this.issued.displayName} .language=${this.language}></preau-issued-code>` : ''}
      <section aria-labelledby="pupils">
        <h2 id="pupils">${this.t('pupilsAndRelatives')}</h2>
        ${this.members.value ? this.renderPupils(this.members.value) : this.members.error ? '' : html`<p>${this.t('loading')}</p>`}
      </section>
    `;
  }
}
customElements.define('preau-class-roster', PreauClassRoster);

declare global {
  interface HTMLElementTagNameMap {
    'preau-class-roster': PreauClassRoster;
  }
}
