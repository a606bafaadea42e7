import { css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { WebUser } from '@preau/sdk/web';
import { formStyles } from '../styles.js';
import { type TextKey } from '../i18n.js';
import { errorMessage, shellApiContext } from '../api.js';
import type { SchoolRow } from '../api-types.js';
import { administers } from '../access.js';
import { SCHOOL_TABS, schoolPath, type SchoolTab } from '../routes.js';
import './preau-school-classes.js';
import './preau-school-users.js';
import './preau-onde-import.js';
import './preau-school-groups.js';
import './preau-communication-rules.js';
import './preau-school-gateways.js';
import './preau-audit-log.js';
import './preau-school-apps.js';
import './preau-school-rights.js';
import { ShellElement } from '../shell-element.js';

const TAB_TITLES: Record<SchoolTab, TextKey> = {
  classes: 'tabClasses',
  users: 'tabUsers',
  import: 'tabImport',
  groups: 'tabGroups',
  communication: 'tabCommunication',
  apps: 'tabApps',
  audit: 'tabAudit',
};

/** `/admin/schools/:id[/tab]`: one school's administration, a section per tab, each tab its own address. */
export class PreauSchoolPage extends ShellElement {
  static override properties = { user: { attribute: false }, schoolId: { type: Number }, tab: {}, school: { state: true }, error: { state: true } };
  static override styles = [
    formStyles,
    css`
      nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem; padding: 0; margin: 0 0 1.5rem; border-bottom: 2px solid var(--preau-border-subtle, #d5d9e2); }
      nav a { display: inline-flex; align-items: center; min-height: 44px; padding: 0 1rem; text-decoration: none; font-weight: 600;
        border-radius: 8px 8px 0 0; color: var(--preau-accent, #1f5fbf); }
      nav a:hover { background: var(--preau-accent-soft, #eef3fc); }
      nav a[aria-current='page'] { background: var(--preau-accent, #1f5fbf); color: #fff; }
      .back { display: inline-flex; align-items: center; min-height: 44px; }
    `,
  ];
  user?: WebUser;
  schoolId = 0;
  tab: SchoolTab = 'classes';
  school: Pick<SchoolRow, 'id' | 'name' | 'uai'> | null = null;
  error = '';
  private api = new ContextConsumer(this, { context: shellApiContext });

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('schoolId')) void this.load();
  }

  private async load(): Promise<void> {
    this.school = this.user?.schools.find((s) => s.id === this.schoolId) ?? null;
    if (this.school) return;
    try {
      this.school = (await this.api.value!.get<SchoolRow[]>('/api/core/schools')).find((s) => s.id === this.schoolId) ?? null;
      if (!this.school) this.error = this.t('schoolNotFound');
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  private tabs(): readonly SchoolTab[] {
    // Teachers see the classes (their own slips); the rest is for the school's administrators.
    return this.user && administers(this.user, this.schoolId) ? SCHOOL_TABS : ['classes'];
  }

  private renderTab(tab: SchoolTab) {
    switch (tab) {
      case 'classes':
        return html`<preau-school-classes .schoolId=${this.schoolId} .language=${this.language}></preau-school-classes>`;
      case 'users':
        return html`<preau-school-users .schoolId=${this.schoolId} .user=${this.user} .language=${this.language}></preau-school-users>`;
      case 'import':
        return html`<preau-onde-import .schoolId=${this.schoolId} .language=${this.language}></preau-onde-import>`;
      case 'groups':
        return html`<preau-school-groups .schoolId=${this.schoolId} .language=${this.language}></preau-school-groups>`;
      case 'communication':
        return html`<h2>${this.t('tabCommunication')}</h2>
          <preau-communication-rules .schoolId=${this.schoolId} .language=${this.language}></preau-communication-rules>
          <preau-school-gateways .schoolId=${this.schoolId} .user=${this.user} .language=${this.language}></preau-school-gateways>`;
      case 'apps':
        return html`<preau-school-apps .schoolId=${this.schoolId} .language=${this.language}></preau-school-apps>
          <preau-school-rights .schoolId=${this.schoolId} .language=${this.language}></preau-school-rights>`;
      case 'audit':
        return html`<preau-audit-log .schoolId=${this.schoolId} .language=${this.language}></preau-audit-log>`;
    }
  }

  override render() {
    const tabs = this.tabs();
    const tab = tabs.includes(this.tab) ? this.tab : 'classes';
    return html`
      <a class="back" href="/admin">${this.t('backToSchools')}</a>
      <h1>${this.school?.name ?? this.t('administration')}</h1>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${tabs.length > 1
        ? html`<nav aria-label=${this.t('schoolSections')}>
            <ul>
              ${tabs.map((t) => html`<li><a href=${schoolPath(this.schoolId, t)} aria-current=${t === tab ? 'page' : 'false'}>${this.t(TAB_TITLES[t])}</a></li>`)}
            </ul>
          </nav>`
        : ''}
      ${this.renderTab(tab)}
    `;
  }
}
customElements.define('preau-school-page', PreauSchoolPage);

declare global {
  interface HTMLElementTagNameMap {
    'preau-school-page': PreauSchoolPage;
  }
}
