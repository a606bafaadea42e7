import { html } from 'lit';
import { formStyles, tableStyles } from '../styles.js';
import { profileName, type TextKey } from '../i18n.js';
import { ApiResource } from '../api-resource.js';
import type { GroupRow } from '../api-types.js';
import { ShellElement } from '../shell-element.js';

const KIND: Record<string, TextKey> = { school: 'groupKindSchool', class: 'groupKindClass', manual: 'groupKindManual' };

/** The groups of a school: those derived from the school and its classes, and those made by hand. */
export class PreauSchoolGroups extends ShellElement {
  static override properties = { schoolId: { type: Number } };
  static override styles = [formStyles, tableStyles];
  schoolId = 0;
  private groups = new ApiResource<GroupRow[]>(this, () => (this.schoolId ? `/api/core/schools/${this.schoolId}/groups` : null));

  private renderTable(groups: GroupRow[]) {
    if (groups.length === 0) return html`<p>${this.t('noGroups')}</p>`;
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('tabGroups')}><table>
      <thead><tr>
        <th scope="col">${this.t('groupName')}</th><th scope="col">${this.t('groupKind')}</th>
        <th scope="col">${this.t('profile')}</th><th scope="col" class="number">${this.t('memberCount')}</th>
      </tr></thead>
      <tbody>
        ${groups.map((g) => html`<tr>
          <th scope="row">${g.name}</th>
          <td>${KIND[g.kind] ? this.t(KIND[g.kind]!) : g.kind}</td>
          <td>${g.profile ? profileName(g.profile, this.language) : this.t('everyone')}</td>
          <td class="number">${g.members}</td>
        </tr>`)}
      </tbody>
    </table></div>`;
  }

  override render() {
    return html`
      <h2>${this.t('tabGroups')}</h2>
      <p>${this.t('groupsIntro')}</p>
      ${this.groups.error ? html`<p class="error" role="alert">${this.groups.error}</p>` : ''}
      ${this.groups.value ? this.renderTable(this.groups.value) : this.groups.error ? '' : html`<p>${this.t('loading')}</p>`}
    `;
  }
}
customElements.define('preau-school-groups', PreauSchoolGroups);

declare global {
  interface HTMLElementTagNameMap {
    'preau-school-groups': PreauSchoolGroups;
  }
}
