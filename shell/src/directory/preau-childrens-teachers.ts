import { LitElement, css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { formStyles } from '../styles.js';
import { format, text, type Language, type TextKey } from '../i18n.js';
import { errorMessage, shellApiContext } from '../api.js';
import { personPath } from '../routes.js';
import type { ChildTeachers } from './directory-types.js';

/** For a relative, at the top of the address book: each child's class this year and its teachers, one click away. */
export class PreauChildrensTeachers extends LitElement {
  static override properties = { language: {}, entries: { state: true }, error: { state: true } };
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
  language: Language = 'fr';
  entries: ChildTeachers[] | null = null;
  error = '';
  private api = new ContextConsumer(this, { context: shellApiContext });

  private t(key: TextKey): string {
    return text(key, this.language);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.entries = await this.api.value!.get<ChildTeachers[]>('/api/core/directory/my-childrens-teachers');
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  private renderList(children: ChildTeachers[]) {
    const taught = children.filter((c) => c.teachers.length > 0);
    if (taught.length === 0) return html`<p>${this.t('childrensTeachersNone')}</p>`;
    return html`<ul>
      ${taught.map((c) => html`<li>
        <span>${format('childInClass', this.language, { child: c.child.displayName, classLabel: c.classLabel })}</span>
        <ul>${c.teachers.map((teacher) => html`<li><a href=${personPath(teacher.id)}>${teacher.displayName}</a></li>`)}</ul>
      </li>`)}
    </ul>`;
  }

  override render() {
    return html`
      <section aria-labelledby="childrens-teachers">
        <h2 id="childrens-teachers">${this.t('childrensTeachers')}</h2>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        ${this.entries ? this.renderList(this.entries) : this.error ? '' : html`<p>${this.t('loading')}</p>`}
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
