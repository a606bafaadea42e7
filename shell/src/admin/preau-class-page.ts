import { LitElement, css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { WebUser } from '@preau/sdk/web';
import { formStyles, tableStyles } from '../styles.js';
import { format, text, type Language, type TextKey } from '../i18n.js';
import { errorMessage, shellApiContext } from '../api.js';
import type { ClassMembers, ClassPerson, ReissuedCode, SchoolClass } from '../api-types.js';
import { schoolPath } from '../routes.js';
import { administers } from '../access.js';
import { stateName } from './account-state.js';
import './preau-issued-code.js';
import './preau-class-slips.js';
import './preau-class-teachers.js';

/**
 * A class: its teachers (set by the school's administrators), its pupils with their relatives and the state of
 * each account, the activation slips (preau-class-slips), and a new code for one person. Teachers give codes to
 * accounts not activated yet; resetting an activated one is for the school's administrators.
 */
export class PreauClassPage extends LitElement {
  static override properties = {
    schoolId: { type: Number },
    classId: { type: Number },
    user: { attribute: false },
    language: {},
    schoolClass: { state: true },
    members: { state: true },
    error: { state: true },
    notice: { state: true },
    issued: { state: true },
    busy: { state: true },
    schoolRelatives: { state: true },
  };
  static override styles = [
    formStyles,
    tableStyles,
    css`
      fieldset { border: 1px solid #c5cbd8; border-radius: 8px; padding: 0.5rem 1rem; margin: 0 0 1rem; }
      legend { font-weight: 600; padding: 0 0.25rem; }
      .person { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1rem; }
      .who { display: grid; gap: 0.1rem; }
      .relatives li + li { border-top: 1px dashed #d5d9e2; margin-top: 0.4rem; padding-top: 0.4rem; }
      .login { font-family: ui-monospace, monospace; }
      .back { display: inline-flex; align-items: center; min-height: 44px; }
      .link { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-top: 0.5rem; }
      .link label { flex-basis: 100%; font-weight: 600; }
    `,
  ];
  schoolId = 0;
  classId = 0;
  user?: WebUser;
  language: Language = 'fr';
  schoolClass: SchoolClass | null = null;
  members: ClassMembers | null = null;
  error = '';
  notice = '';
  issued: (ReissuedCode & { displayName: string }) | null = null;
  busy = false;
  /** The school's parents, for its administrators to link one to a pupil by hand; null for other staff. */
  schoolRelatives: { id: number; displayName: string; login: string }[] | null = null;
  private api = new ContextConsumer(this, { context: shellApiContext });

  private t(key: TextKey): string {
    return text(key, this.language);
  }

  /** The school's administrators reset activated accounts; the server decides, this only chooses what to offer. */
  private get administers(): boolean {
    return this.user ? administers(this.user, this.schoolId) : false;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('schoolId') || changed.has('classId')) && this.schoolId && this.classId) void this.load();
  }

  private async load(): Promise<void> {
    const base = `/api/core/schools/${this.schoolId}/classes`;
    try {
      const [classes, members] = await Promise.all([
        this.api.value!.get<SchoolClass[]>(base),
        this.api.value!.get<ClassMembers>(`${base}/${this.classId}/members`),
      ]);
      this.schoolClass = classes.find((c) => c.id === this.classId) ?? null;
      this.members = members;
    } catch (error) {
      this.error = errorMessage(error);
    }
    // Only the school's administrators may read its people: a teacher's links stay read-only (and the page does
    // not ask, which would answer 403 and log an error in the console).
    if (!this.administers) return;
    this.schoolRelatives = await this.api.value!.get<{ id: number; displayName: string; login: string }[]>(`/api/core/schools/${this.schoolId}/users?profile=Relative&limit=500`)
      .catch(() => null);
  }

  private async link(pupilId: number, relativeId: number, on: boolean): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      const path = `/api/core/schools/${this.schoolId}/pupils/${pupilId}/relatives/${relativeId}`;
      if (on) await this.api.value!.put(path, {});
      else await this.api.value!.delete(path);
      this.members = await this.api.value!.get<ClassMembers>(`/api/core/schools/${this.schoolId}/classes/${this.classId}/members`);
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  private renderLinking(pupil: ClassMembers['pupils'][number]) {
    const others = (this.schoolRelatives ?? []).filter((r) => !pupil.relatives.some((x) => x.id === r.id));
    if (!this.schoolRelatives || others.length === 0) return '';
    const id = `link-${pupil.id}`;
    return html`<form class="link" @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      const chosen = Number(new FormData(event.target as HTMLFormElement).get('relative'));
      if (chosen) void this.link(pupil.id, chosen, true);
    }}>
      <label for=${id}>${format('linkRelativeTo', this.language, { pupil: pupil.displayName })}</label>
      <select id=${id} name="relative">${others.map((r) => html`<option value=${r.id}>${r.displayName} (${r.login})</option>`)}</select>
      <button type="submit" class="secondary" ?disabled=${this.busy}>${this.t('linkRelative')}</button>
    </form>`;
  }

  private async newCode(person: ClassPerson): Promise<void> {
    if (person.state === 'active' && !confirm(format('confirmReset', this.language, { name: person.displayName }))) return;
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      const issued = await this.api.value!.post<ReissuedCode>(`/api/core/schools/${this.schoolId}/users/${person.id}/activation-code`);
      this.issued = { ...issued, displayName: person.displayName };
      if (issued.reset) this.notice = format(issued.emailed ? 'accessResetEmailed' : 'accessResetNotEmailed', this.language, { name: person.displayName });
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
        : html`<button class="secondary" ?disabled=${this.busy} aria-label=${format(reset ? 'resetAccessOf' : 'newCodeOf', this.language, { name: person.displayName })}
            @click=${() => void this.newCode(person)}>${this.t(reset ? 'resetAccess' : 'newCode')}</button>`}
    </div>`;
  }

  private renderPupils(members: ClassMembers) {
    if (members.pupils.length === 0) return html`<p>${this.t('noPupils')}</p>`;
    return html`<div class="table-wrap"><table>
      <thead><tr><th scope="col">${this.t('pupil')}</th><th scope="col">${this.t('pupilAccount')}</th><th scope="col">${this.t('relatives')}</th></tr></thead>
      <tbody>
        ${members.pupils.map((pupil) => html`<tr>
          <th scope="row">${pupil.displayName}</th>
          <td>${this.renderPerson(pupil, false)}</td>
          <td>${pupil.relatives.length
            ? html`<ul class="plain relatives">${pupil.relatives.map((r) => html`<li>${this.renderPerson(r, true)}
                ${this.schoolRelatives ? html`<button class="secondary" ?disabled=${this.busy} @click=${() => void this.link(pupil.id, r.id, false)}
                  aria-label=${format('unlinkRelativeOf', this.language, { relative: r.displayName, pupil: pupil.displayName })}>${this.t('unlinkRelative')}</button>` : ''}</li>`)}</ul>`
            : '—'}
            ${this.renderLinking(pupil)}</td>
        </tr>`)}
      </tbody>
    </table></div>`;
  }

  override render() {
    const label = this.schoolClass?.label ?? '';
    return html`
      <a class="back" href=${schoolPath(this.schoolId)}>${this.t('backToClasses')}</a>
      <h1>${label || this.t('tabClasses')}</h1>
      ${this.schoolClass
        ? html`<p>${format('classSummary', this.language, { levels: this.schoolClass.levels.join(', '), pupils: this.schoolClass.pupils })}
            ${this.schoolClass.teachers.length ? html` · ${this.t('teachers')} : ${this.schoolClass.teachers.map((t) => t.displayName).join(', ')}` : ''}</p>`
        : ''}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <div role="status">${this.notice ? html`<p class="success">${this.notice}</p>` : ''}</div>
      ${this.administers && this.schoolClass
        ? html`<preau-class-teachers .schoolId=${this.schoolId} .schoolClass=${this.schoolClass} .language=${this.language}
            @class-changed=${(event: CustomEvent<SchoolClass>) => (this.schoolClass = event.detail)}></preau-class-teachers>`
        : ''}
      <preau-class-slips .schoolId=${this.schoolId} .classId=${this.classId} .classLabel=${label} ?administers=${this.administers}
        .language=${this.language} @slips-issued=${() => void this.load()}></preau-class-slips>
      ${this.issued ? html`<preau-issued-code .issued=${this.issued} .name=${this.issued.displayName} .language=${this.language}></preau-issued-code>` : ''}
      <section aria-labelledby="pupils">
        <h2 id="pupils">${this.t('pupilsAndRelatives')}</h2>
        ${this.members ? this.renderPupils(this.members) : this.error ? '' : html`<p>${this.t('loading')}</p>`}
      </section>
    `;
  }
}
customElements.define('preau-class-page', PreauClassPage);

declare global {
  interface HTMLElementTagNameMap {
    'preau-class-page': PreauClassPage;
  }
}
