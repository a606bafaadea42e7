import { css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { formStyles } from '../styles.js';

import { errorMessage, shellApiContext } from '../api.js';
import type { SchoolClass, UserRow } from '../api-types.js';
import { ShellElement } from '../shell-element.js';

/**
 * The teachers and staff of a class, for the school's administrators (ONDE does not export them): one checkbox
 * per teacher or staff member of the school. Dispatches `class-changed` with the class as saved.
 */
export class PreauClassTeachers extends ShellElement {
  static override properties = {
    schoolId: { type: Number },
    schoolClass: { attribute: false },
    staff: { state: true },
    error: { state: true },
    notice: { state: true },
    busy: { state: true },
  };
  static override styles = [
    formStyles,
    css`
      form { max-width: none; }
      fieldset { border: 1px solid var(--preau-border-subtle, #d5d9e2); border-radius: var(--preau-radius-control, 8px); padding: 0.5rem 1rem; margin: 0; min-width: 0; }
      legend { font-weight: 600; padding: 0 0.25rem; }
      .people { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0 1rem; }
    `,
  ];
  schoolId = 0;
  schoolClass: SchoolClass | null = null;
  staff: UserRow[] | null = null;
  error = '';
  notice = '';
  busy = false;
  private api = new ContextConsumer(this, { context: shellApiContext });

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('schoolId') && this.schoolId) void this.load();
  }

  private async load(): Promise<void> {
    try {
      const base = `/api/core/schools/${this.schoolId}/users?limit=500&profile=`;
      const [teachers, personnel] = await Promise.all([this.api.value!.get<UserRow[]>(`${base}Teacher`), this.api.value!.get<UserRow[]>(`${base}Personnel`)]);
      this.staff = [...teachers, ...personnel].filter((u) => u.state !== 'blocked');
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const userIds = new FormData(event.target as HTMLFormElement).getAll('teacher').map(Number);
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      const saved = await this.api.value!.put<SchoolClass>(`/api/core/schools/${this.schoolId}/classes/${this.schoolClass!.id}/teachers`, { userIds });
      this.notice = this.t('teachersSaved');
      this.dispatchEvent(new CustomEvent<SchoolClass>('class-changed', { detail: saved, bubbles: true, composed: true }));
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const current = new Set((this.schoolClass?.teachers ?? []).map((t) => t.id));
    return html`
      <section aria-labelledby="class-teachers" class="panel">
        <h2 id="class-teachers">${this.t('classTeachers')}</h2>
        ${this.staff === null
          ? html`<p>${this.error ? '' : this.t('loading')}</p>`
          : this.staff.length === 0
            ? html`<p>${this.t('noStaffYet')}</p>`
            : html`<form @submit=${this.save}>
                <fieldset>
                  <legend class="visually-hidden">${this.t('classTeachers')}</legend>
                  <div class="people">
                    ${this.staff.map((person) => html`<label class="check"><input type="checkbox" name="teacher" value=${person.id} ?checked=${current.has(person.id)}>${person.displayName}</label>`)}
                  </div>
                </fieldset>
                <div class="actions"><button ?disabled=${this.busy}>${this.t('saveTeachers')}</button></div>
              </form>`}
        <div role="status">${this.notice ? html`<p class="success">${this.notice}</p>` : ''}</div>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      </section>
    `;
  }
}
customElements.define('preau-class-teachers', PreauClassTeachers);

declare global {
  interface HTMLElementTagNameMap {
    'preau-class-teachers': PreauClassTeachers;
  }
}
