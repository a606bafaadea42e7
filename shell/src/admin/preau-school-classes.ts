import { LitElement, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { formStyles, tableStyles } from '../styles.js';
import { text, type Language, type TextKey } from '../i18n.js';
import { errorMessage, shellApiContext } from '../api.js';
import type { SchoolClass } from '../api-types.js';
import { classPath } from '../routes.js';

/** The classes of a school this year: label (link to the class page), levels, number of pupils, teachers. */
export class PreauSchoolClasses extends LitElement {
  static override properties = { schoolId: { type: Number }, language: {}, classes: { state: true }, error: { state: true } };
  static override styles = [formStyles, tableStyles];
  schoolId = 0;
  language: Language = 'fr';
  classes: SchoolClass[] | null = null;
  error = '';
  private api = new ContextConsumer(this, { context: shellApiContext });

  private t(key: TextKey): string {
    return text(key, this.language);
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('schoolId') && this.schoolId) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.classes = await this.api.value!.get<SchoolClass[]>(`/api/core/schools/${this.schoolId}/classes`);
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  private renderTable(classes: SchoolClass[]) {
    if (classes.length === 0) return html`<p>${this.t('noClassesInSchool')}</p>`;
    return html`<div class="table-wrap"><table>
      <thead><tr>
        <th scope="col">${this.t('classLabel')}</th><th scope="col">${this.t('levels')}</th>
        <th scope="col" class="number">${this.t('pupilCount')}</th><th scope="col">${this.t('teachers')}</th>
      </tr></thead>
      <tbody>
        ${classes.map((c) => html`<tr>
          <th scope="row"><a href=${classPath(this.schoolId, c.id)}>${c.label}</a></th>
          <td>${c.levels.join(', ')}</td>
          <td class="number">${c.pupils}</td>
          <td>${c.teachers.length ? c.teachers.map((teacher) => teacher.displayName).join(', ') : '—'}</td>
        </tr>`)}
      </tbody>
    </table></div>`;
  }

  override render() {
    return html`
      <h2>${this.t('tabClasses')}</h2>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${this.classes ? this.renderTable(this.classes) : this.error ? '' : html`<p>${this.t('loading')}</p>`}
    `;
  }
}
customElements.define('preau-school-classes', PreauSchoolClasses);

declare global {
  interface HTMLElementTagNameMap {
    'preau-school-classes': PreauSchoolClasses;
  }
}
