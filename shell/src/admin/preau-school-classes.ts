import { html } from 'lit';
import { formStyles, tableStyles } from '../styles.js';

import { ApiResource } from '../api-resource.js';
import type { SchoolClass } from '../api-types.js';
import { classPath } from '../routes.js';
import { ShellElement } from '../shell-element.js';

/** The classes of a school this year: label (link to the class page), levels, number of pupils, teachers. */
export class PreauSchoolClasses extends ShellElement {
  static override properties = { schoolId: { type: Number } };
  static override styles = [formStyles, tableStyles];
  schoolId = 0;
  private classes = new ApiResource<SchoolClass[]>(this, () => (this.schoolId ? `/api/core/schools/${this.schoolId}/classes` : null));

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
      ${this.classes.error ? html`<p class="error" role="alert">${this.classes.error}</p>` : ''}
      ${this.classes.value ? this.renderTable(this.classes.value) : this.classes.error ? '' : html`<p>${this.t('loading')}</p>`}
    `;
  }
}
customElements.define('preau-school-classes', PreauSchoolClasses);

declare global {
  interface HTMLElementTagNameMap {
    'preau-school-classes': PreauSchoolClasses;
  }
}
