import { css, html } from 'lit';
import type { WebUser } from '@preau/sdk/web';
import { formStyles } from '../styles.js';
import type { SchoolClass } from '../api-types.js';
import { schoolPath } from '../routes.js';
import { administers } from '../access.js';
import { ApiResource } from '../api-resource.js';
import { ShellElement } from '../shell-element.js';
import type { PreauClassRoster } from './preau-class-roster.js';
import './preau-class-teachers.js';
import './preau-class-slips.js';
import './preau-class-roster.js';

/**
 * A class, in its parts: its teachers (set by the school's administrators, preau-class-teachers), the activation
 * slips (preau-class-slips), and its pupils and relatives with their accounts (preau-class-roster). The page only
 * reads the class and lays them out.
 */
export class PreauClassPage extends ShellElement {
  static override properties = { schoolId: { type: Number }, classId: { type: Number }, user: { attribute: false }, changedClass: { state: true } };
  static override styles = [formStyles, css`.back { display: inline-flex; align-items: center; min-height: 44px; }`];
  schoolId = 0;
  classId = 0;
  user?: WebUser;
  /** The class as its teachers' change answered it (no need to read the school's classes again). */
  changedClass: SchoolClass | null = null;
  private classes = new ApiResource<SchoolClass[]>(this, () => (this.schoolId ? `/api/core/schools/${this.schoolId}/classes` : null));

  private get schoolClass(): SchoolClass | null {
    if (this.changedClass?.id === this.classId) return this.changedClass;
    return this.classes.value?.find((c) => c.id === this.classId) ?? null;
  }

  /** The school's administrators reset activated accounts and link parents; the server decides, this only chooses what to offer. */
  private get administers(): boolean {
    return this.user ? administers(this.user, this.schoolId) : false;
  }

  override render() {
    const schoolClass = this.schoolClass;
    const label = schoolClass?.label ?? '';
    return html`
      <a class="back" href=${schoolPath(this.schoolId)}>${this.t('backToClasses')}</a>
      <h1>${label || this.t('tabClasses')}</h1>
      ${schoolClass
        ? html`<p>${this.f('classSummary', { levels: schoolClass.levels.join(', '), pupils: schoolClass.pupils })}
            ${schoolClass.teachers.length ? html` · ${this.t('teachers')} : ${schoolClass.teachers.map((t) => t.displayName).join(', ')}` : ''}</p>`
        : ''}
      ${this.classes.error ? html`<p class="error" role="alert">${this.classes.error}</p>` : ''}
      ${this.administers && schoolClass
        ? html`<preau-class-teachers .schoolId=${this.schoolId} .schoolClass=${schoolClass} .language=${this.language}
            @class-changed=${(event: CustomEvent<SchoolClass>) => (this.changedClass = event.detail)}></preau-class-teachers>`
        : ''}
      <preau-class-slips .schoolId=${this.schoolId} .classId=${this.classId} .classLabel=${label} ?administers=${this.administers}
        .language=${this.language} @slips-issued=${() => void this.renderRoot.querySelector<PreauClassRoster>('preau-class-roster')?.reload()}></preau-class-slips>
      <preau-class-roster .schoolId=${this.schoolId} .classId=${this.classId} ?administers=${this.administers} .language=${this.language}></preau-class-roster>
    `;
  }
}
customElements.define('preau-class-page', PreauClassPage);

declare global {
  interface HTMLElementTagNameMap {
    'preau-class-page': PreauClassPage;
  }
}
