import { css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { WebUser } from '@preau/sdk/web';
import { formStyles, tableStyles } from '../styles.js';
import { format, profileName } from '../i18n.js';
import { errorMessage, shellApiContext } from '../api.js';
import type { IssuedCode, ReissuedCode, SchoolClass, UserRow } from '../api-types.js';
import { isAcademyAdmin } from '../access.js';
import { stateName } from './account-state.js';
import type { RowMenuItem } from './preau-row-menu.js';
import type { PersonSaved } from './preau-person-form.js';
import './preau-issued-code.js';
import './preau-row-menu.js';
import './preau-person-form.js';
import './preau-person-quota.js';
import { ShellElement } from '../shell-element.js';

const PAGE = 25;
const PROFILES = ['Teacher', 'Personnel', 'Student', 'Relative', 'Guest'] as const;
const STATES = ['pending', 'active', 'blocked', 'left'] as const;
type Action = 'edit' | 'quota' | 'block' | 'unblock' | 'unlock' | 'activation-code';

/**
 * The people of a school: a searchable table filtered by profile, class and state (pending, active, blocked,
 * or those who left, read-only), one page at a time, each row's actions in a menu; blocking, resetting an
 * activated account and lifting a lock are confirmed first. Accounts are created and edited here too.
 */
export class PreauSchoolUsers extends ShellElement {
  static override properties = {
    schoolId: { type: Number },
    user: { attribute: false },
    users: { state: true },
    classes: { state: true },
    page: { state: true },
    more: { state: true },
    error: { state: true },
    notice: { state: true },
    issued: { state: true },
    busy: { state: true },
    editing: { state: true },
    quotaOf: { state: true },
  };
  static override styles = [
    formStyles,
    tableStyles,
    css`
      form.filters { display: flex; flex-wrap: wrap; align-items: end; gap: 0.75rem 1rem; max-width: none; margin-bottom: 1rem; }
      form.filters label { flex: 1 1 11rem; min-width: 0; }
      .toolbar { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; justify-content: space-between; margin: 0 0 1rem; }
      .pager { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin-top: 1rem; }
      .login { font-family: ui-monospace, monospace; font-size: 0.9rem; }
      .locked { display: block; color: var(--preau-danger, #b3261e); font-size: 0.85rem; font-weight: 600; }
      .fn { display: block; font-size: 0.85rem; color: var(--preau-muted, #4a5263); }
      td.menu { text-align: right; white-space: nowrap; }
      /* On a phone the login and classes columns give way to the name, state and menu. */
      @media (max-width: 40rem) { .wide { display: none; } th, td { padding: 0.45rem 0.35rem; } }
    `,
  ];
  schoolId = 0;
  user?: WebUser;
  users: UserRow[] | null = null;
  classes: SchoolClass[] = [];
  page = 0;
  more = false;
  error = '';
  notice = '';
  issued: (IssuedCode & { displayName: string }) | null = null;
  busy = false;
  /** The person whose form is open: a row, `'new'`, or null when closed. */
  editing: UserRow | 'new' | null = null;
  /** The person whose storage quota is being looked at (the control above the table). */
  quotaOf: UserRow | null = null;
  private filters = new URLSearchParams();
  private api = new ContextConsumer(this, { context: shellApiContext });

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('schoolId') && this.schoolId) {
      void this.load(0);
      void this.api.value!.get<SchoolClass[]>(`/api/core/schools/${this.schoolId}/classes`).then((c) => (this.classes = c), () => undefined);
    }
  }

  private async load(page: number): Promise<void> {
    const query = new URLSearchParams(this.filters);
    // One more than a page tells whether a next page exists.
    query.set('limit', String(PAGE + 1));
    query.set('offset', String(page * PAGE));
    this.busy = true;
    this.error = '';
    try {
      const rows = await this.api.value!.get<UserRow[]>(`/api/core/schools/${this.schoolId}/users?${query}`);
      this.users = rows.slice(0, PAGE);
      this.more = rows.length > PAGE;
      this.page = page;
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  private search(event: Event): void {
    event.preventDefault();
    const data = new FormData(this.renderRoot.querySelector<HTMLFormElement>('form.filters')!);
    this.filters = new URLSearchParams();
    for (const name of ['q', 'profile', 'classId', 'state']) {
      const value = String(data.get(name) ?? '').trim();
      if (value) this.filters.set(name, value);
    }
    void this.load(0);
  }

  private menuItems(user: UserRow): RowMenuItem[] {
    const name = user.displayName;
    const items: RowMenuItem[] = [
      { id: 'edit', label: this.t('editPersonShort') },
      { id: 'quota', label: this.language === 'fr' ? `Espace de stockage de ${name}` : `Storage of ${name}` },
    ];
    if (user.state === 'pending') items.push({ id: 'activation-code', label: this.f('newCodeOf', { name }) });
    if (user.state === 'active') items.push({ id: 'activation-code', label: this.f('resetAccessOf', { name }), danger: true });
    if (user.locked) items.push({ id: 'unlock', label: this.t('unlock') });
    items.push(user.state === 'blocked' ? { id: 'unblock', label: this.f('unblockOf', { name }) } : { id: 'block', label: this.f('blockOf', { name }), danger: true });
    return items;
  }

  /** Runs one action on a person (the dangerous ones confirmed) and puts the changed row in place. */
  private async act(user: UserRow, action: Action): Promise<void> {
    if (action === 'edit') {
      this.editing = user;
      return;
    }
    if (action === 'quota') {
      this.quotaOf = user;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('preau-person-quota')?.focus();
      return;
    }
    const name = user.displayName;
    if (action === 'block' && !confirm(this.f('confirmBlock', { name }))) return;
    if (action === 'activation-code' && user.state === 'active' && !confirm(this.f('confirmReset', { name }))) return;
    if (action === 'unlock' && !confirm(this.f('unlockConfirm', { name }))) return;
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      const path = `/api/core/schools/${this.schoolId}/users/${user.id}/${action}`;
      if (action === 'activation-code') {
        const issued = await this.api.value!.post<ReissuedCode>(path);
        this.issued = { ...issued, displayName: name };
        if (issued.reset) this.notice = format(issued.emailed ? 'accessResetEmailed' : 'accessResetNotEmailed', this.language, { name });
        if (issued.reset) await this.load(this.page);
      } else if (action === 'unlock') {
        await this.api.value!.post(path);
        this.notice = this.f('unlocked', { name });
        this.replace({ ...user, locked: false });
      } else {
        this.replace(await this.api.value!.post<UserRow>(path));
        this.notice = format(action === 'block' ? 'blocked' : 'unblocked', this.language, { name });
      }
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  /** Closes the quota control and gives focus back to the row's menu. */
  private hideQuota(): void {
    const user = this.quotaOf;
    this.quotaOf = null;
    if (user) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector(`preau-row-menu[data-user="${user.id}"]`)?.shadowRoot?.querySelector<HTMLElement>('button')?.focus());
    }
  }

  private replace(row: UserRow): void {
    this.users = (this.users ?? []).map((u) => (u.id === row.id ? row : u));
  }

  private async saved(event: CustomEvent<PersonSaved>): Promise<void> {
    const { user, activation } = event.detail;
    const created = this.editing === 'new';
    this.editing = null;
    this.notice = format(created ? 'personCreated' : 'personSaved', this.language, { name: user.displayName });
    this.issued = activation ? { ...activation, displayName: user.displayName } : null;
    if (created) await this.load(this.page);
    else this.replace(user);
  }

  private renderFilters() {
    return html`
      <form class="filters" role="search" @submit=${this.search}>
        <label>${this.t('searchPeople')}<input name="q" type="search" maxlength="100" .value=${this.filters.get('q') ?? ''}></label>
        <label>${this.t('profile')}
          <select name="profile" @change=${this.search}>
            <option value="">${this.t('allProfiles')}</option>
            ${PROFILES.map((p) => html`<option value=${p} ?selected=${this.filters.get('profile') === p}>${profileName(p, this.language)}</option>`)}
          </select>
        </label>
        <label>${this.t('filterClass')}
          <select name="classId" @change=${this.search}>
            <option value="">${this.t('allClasses')}</option>
            ${this.classes.map((c) => html`<option value=${c.id} ?selected=${this.filters.get('classId') === String(c.id)}>${c.label}</option>`)}
          </select>
        </label>
        <label>${this.t('accountState')}
          <select name="state" @change=${this.search}>
            <option value="">${this.t('allStates')}</option>
            ${STATES.map((s) => html`<option value=${s} ?selected=${this.filters.get('state') === s}>${stateName(s, this.language)}</option>`)}
          </select>
        </label>
        <button ?disabled=${this.busy}>${this.t('search')}</button>
      </form>
    `;
  }

  private renderFunctions(user: UserRow) {
    const names = user.functions.map((f) => (f === 'director' ? this.t('functionDirector') : f === 'local-admin' ? this.t('functionLocalAdmin') : f));
    return names.length ? html`<span class="fn">${names.join(', ')}</span>` : '';
  }

  private renderTable(users: UserRow[]) {
    if (users.length === 0) return html`<p>${this.t('noUsers')}</p>`;
    return html`<div class="table-wrap"><table>
      <thead><tr>
        <th scope="col">${this.t('personName')}</th><th scope="col" class="wide">${this.t('login')}</th><th scope="col">${this.t('profile')}</th>
        <th scope="col">${this.t('accountState')}</th><th scope="col" class="wide">${this.t('tabClasses')}</th>
        <th scope="col"><span class="visually-hidden">${this.t('actions')}</span></th>
      </tr></thead>
      <tbody>
        ${users.map((user) => html`<tr>
          <th scope="row">${user.displayName}${this.renderFunctions(user)}</th>
          <td class="wide login">${user.login}</td>
          <td>${profileName(user.profile, this.language)}</td>
          <td><span class="state-${user.state}">${stateName(user.state, this.language)}</span>${user.locked ? html`<span class="locked">${this.t('lockedSignIn')}</span>` : ''}</td>
          <td class="wide">${user.classes.join(', ') || '—'}</td>
          <td class="menu">${user.state === 'left'
            ? ''
            : html`<preau-row-menu data-user=${user.id} .label=${this.f('actionsFor', { name: user.displayName })} .buttonText=${this.t('actions')}
                .items=${this.menuItems(user)} ?disabled=${this.busy}
                @menu-select=${(event: CustomEvent<Action>) => void this.act(user, event.detail)}></preau-row-menu>`}</td>
        </tr>`)}
      </tbody>
    </table></div>`;
  }

  private renderPager() {
    if (!this.users || (this.page === 0 && !this.more)) return '';
    const from = this.page * PAGE + 1;
    return html`<nav class="pager" aria-label=${this.f('pageOf', { page: this.page + 1 })}>
      <button class="secondary" ?disabled=${this.busy || this.page === 0} @click=${() => void this.load(this.page - 1)}>${this.t('previousPage')}</button>
      <span>${this.f('peopleShown', { from, to: from + this.users.length - 1 })}</span>
      <button class="secondary" ?disabled=${this.busy || !this.more} @click=${() => void this.load(this.page + 1)}>${this.t('nextPage')}</button>
    </nav>`;
  }

  override render() {
    return html`
      <div class="toolbar">
        <h2>${this.t('tabUsers')}</h2>
        ${this.editing ? '' : html`<button @click=${() => (this.editing = 'new')}>${this.t('createPerson')}</button>`}
      </div>
      ${this.editing
        ? html`<preau-person-form .schoolId=${this.schoolId} .language=${this.language} .classes=${this.classes}
            .person=${this.editing === 'new' ? null : this.editing} ?mayNameLocalAdmin=${this.user ? isAcademyAdmin(this.user) : false}
            @person-saved=${(event: CustomEvent<PersonSaved>) => void this.saved(event)} @cancel=${() => (this.editing = null)}></preau-person-form>`
        : ''}
      ${this.quotaOf ? html`<preau-person-quota .schoolId=${this.schoolId} .userId=${this.quotaOf.id} .name=${this.quotaOf.displayName} .language=${this.language}
        @close=${this.hideQuota}></preau-person-quota>` : ''}
      ${this.issued ? html`<preau-issued-code .issued=${this.issued} .name=${this.issued.displayName} .language=${this.language}></preau-issued-code>` : ''}
      <div role="status">${this.notice ? html`<p class="success">${this.notice}</p>` : ''}</div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${this.renderFilters()}
      ${this.users ? this.renderTable(this.users) : this.error ? '' : html`<p>${this.t('loading')}</p>`}
      ${this.renderPager()}
    `;
  }
}
customElements.define('preau-school-users', PreauSchoolUsers);

declare global {
  interface HTMLElementTagNameMap {
    'preau-school-users': PreauSchoolUsers;
  }
}
