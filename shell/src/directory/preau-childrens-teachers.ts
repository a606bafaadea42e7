import { css, html } from 'lit';
import { formStyles } from '../styles.js';
import { personPath } from '../routes.js';
import type { ChildTeachers } from './directory-types.js';
import { ShellElement } from '../shell-element.js';
import { ApiResource } from '../api-resource.js';

/** For a relative, at the top of the address book: each child's class this year and its teachers, one click away. */
export class PreauChildrensTeachers extends ShellElement {
  static override styles = [
    formStyles,
    css`
      section { background: var(--preau-surface, #fff); border-radius: var(--preau-radius, 10px); padding: 0.25rem 1rem 1rem;
        box-shadow: 0 1px 3px rgb(0 0 0 / 0.15); margin: 0 0 1.5rem; }
      ul { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.5rem; }
      ul ul { display: flex; flex-wrap: wrap; gap: 0 1rem; }
      a { display: inline-flex; align-items: center; min-height: 44px; font-weight: 700; }
    `,
  ];
  private entries = new ApiResource<ChildTeachers[]>(this, () => '/api/core/directory/my-childrens-teachers');

  private renderList(children: ChildTeachers[]) {
    const taught = children.filter((c) => c.teachers.length > 0);
    if (taught.length === 0) return html`<p>${this.t('childrensTeachersNone')}</p>`;
    return html`<ul>
      ${taught.map((c) => html`<li>
        <span>${this.f('childInClass', { child: c.child.displayName, classLabel: c.classLabel })}</span>
        <ul>${c.teachers.map((teacher) => html`<li><a href=${personPath(teacher.id)}>${teacher.displayName}</a></li>`)}</ul>
      </li>`)}
    </ul>`;
  }

  override render() {
    return html`
      <section aria-labelledby="childrens-teachers">
        <h2 id="childrens-teachers">${this.t('childrensTeachers')}</h2>
        ${this.entries.error ? html`<p class="error" role="alert">${this.entries.error}</p>` : ''}
        ${this.entries.value ? this.renderList(this.entries.value) : this.entries.error ? '' : html`<p>${this.t('loading')}</p>`}
      </section>
    `;
  }
}
customElements.define('preau-childrens-teachers', PreauChildrensTeachers);

declare global {
  interface HTMLElementTagNameMap {
    'preau-childrens-teachers': PreauChildrensTeachers;
  }
}
