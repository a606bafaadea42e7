import { LitElement, css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { formStyles, tableStyles } from '../styles.js';
import { format, profileName, text, type Language, type TextKey } from '../i18n.js';
import { errorMessage, shellApiContext } from '../api.js';
import type { ReissuedCode, UserRow } from '../api-types.js';
import { stateName } from './account-state.js';
import './preau-issued-code.js';
import './preau-person-quota.js';

const PAGE = 50;
const PROFILES = ['Teacher', 'Student', 'Relative', 'Personnel', 'Guest'] as const;
const STATES = ['pending', 'active', 'blocked'] as const;

/**
 * The current people of a school (those who left are in the retention report only): search and filters, block
 * or unblock, lift a sign-in lock, issue a new code, which for an activated account resets its access.
 */
export class PreauSchoolUsers extends LitElement {
  static override properties = {
    schoolId: { type: Number },
    language: {},
    users: { state: true },
    more: { state: true },
    error: { state: true },
    notice: { state: true },
    issued: { state: true },
    busy: { state: true },
    quotaOf: { state: true },
  };
  static override styles = [
    formStyles,
    tableStyles,
    css`
      form.filters { display: flex; flex-wrap: wrap; align-items: end; gap: 1rem; max-width: none; margin-bottom: 1rem; }
      form.filters label { min-width: 12rem; }
      td .actions { gap: 0.5rem; }
    `,
  ];
  schoolId = 0;
  language: Language = 'fr';
  users: UserRow[] | null = null;
  more = false;
  error = '';
  notice = '';
  issued: (ReissuedCode & { displayName: string }) | null = null;
  busy = false;
  /** The person whose storage quota is being looked at (the control above the table). */
  quotaOf: UserRow | null = null;
  private filters = new URLSearchParams();
  private api = new ContextConsumer(this, { context: shellApiContext });

  private t(key: TextKey): string {
    return text(key, this.language);
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('schoolId') && this.schoolId) void this.load(false);
  }

  private async load(append: boolean): Promise<void> {
    const query = new URLSearchParams(this.filters);
    query.set('limit', String(PAGE));
    query.set('offset', String(append ? (this.users?.length ?? 0) : 0));
    this.busy = true;
    this.error = '';
    try {
      const page = await this.api.value!.get<UserRow[]>(`/api/core/schools/${this.schoolId}/users?${query}`);
      this.users = append ? [...(this.users ?? []), ...page] : page;
      this.more = page.length === PAGE;
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  private search(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.filters = new URLSearchParams();
    for (const name of ['q', 'profile', 'state']) {
      const value = String(data.get(name) ?? '').trim();
      if (value) this.filters.set(name, value);
    }
    void this.load(false);
  }

  /** Runs one action on a person and puts the changed row in place. */
  private async act(user: UserRow, action: 'block' | 'unblock' | 'unlock' | 'activation-code'): Promise<void> {
    if (action === 'block' && !confirm(format('confirmBlock', this.language, { name: user.displayName }))) return;
    if (action === 'activation-code' && user.state === 'active' && !confirm(format('confirmReset', this.language, { name: user.displayName }))) return;
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      const path = `/api/core/schools/${this.schoolId}/users/${user.id}/${action}`;
      if (action === 'activation-code') {
        this.issued = { ...(await this.api.value!.post<ReissuedCode>(path)), displayName: user.displayName };
        if (this.issued.reset) this.notice = format(this.issued.emailed ? 'accessResetEmailed' : 'accessResetNotEmailed', this.language, { name: user.displayName });
      } else if (action === 'unlock') {
        await this.api.value!.post(path);
        this.notice = format('unlocked', this.language, { name: user.displayName });
      } else {
        const row = await this.api.value!.post<UserRow>(path);
        this.users = (this.users ?? []).map((u) => (u.id === row.id ? row : u));
        this.notice = format(action === 'block' ? 'blocked' : 'unblocked', this.language, { name: user.displayName });
      }
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  private async showQuota(user: UserRow): Promise<void> {
    this.quotaOf = user;
    await this.updateComplete;
    this.renderRoot.querySelector('preau-person-quota')?.focus();
  }

  private hideQuota(): void {
    const user = this.quotaOf;
    this.quotaOf = null;
    if (user) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`button[data-quota="${user.id}"]`)?.focus());
  }

  private renderFilters() {
    return html`
      <form class="filters" role="search" @submit=${this.search}>
        <label>${this.t('searchPeople')}<input name="q" type="search" maxlength="100" .value=${this.filters.get('q') ?? ''}></label>
        <label>${this.t('profile')}
          <select name="profile">
            <option value="">${this.t('allProfiles')}</option>
            ${PROFILES.map((p) => html`<option value=${p} ?selected=${this.filters.get('profile') === p}>${profileName(p, this.language)}</option>`)}
          </select>
        </label>
        <label>${this.t('accountState')}
          <select name="state">
            <option value="">${this.t('allStates')}</option>
            ${STATES.map((s) => html`<option value=${s} ?selected=${this.filters.get('state') === s}>${stateName(s, this.language)}</option>`)}
          </select>
        </label>
        <button ?disabled=${this.busy}>${this.t('search')}</button>
      </form>
    `;
  }

  private renderActions(user: UserRow) {
    const name = user.displayName;
    const button = (label: TextKey, aria: TextKey, action: Parameters<PreauSchoolUsers['act']>[1], kind = 'secondary') =>
      html`<button class=${kind} ?disabled=${this.busy} aria-label=${format(aria, this.language, { name })} @click=${() => void this.act(user, action)}>${this.t(label)}</button>`;
    return html`<div class="actions">
      ${user.state === 'blocked' ? button('unblock', 'unblockOf', 'unblock') : button('block', 'blockOf', 'block', 'danger')}
      ${button('unlock', 'unlockOf', 'unlock')}
      <button class="secondary" aria-label=${this.language === 'fr' ? `Espace de stockage de ${name}` : `Storage of ${name}`}
        data-quota=${user.id} @click=${() => void this.showQuota(user)}>${this.language === 'fr' ? 'Stockage' : 'Storage'}</button>
      ${user.state === 'blocked' ? '' : user.state === 'active' ? button('resetAccess', 'resetAccessOf', 'activation-code') : button('newCode', 'newCodeOf', 'activation-code')}
    </div>`;
  }

  private renderTable(users: UserRow[]) {
    if (users.length === 0) return html`<p>${this.t('noUsers')}</p>`;
    return html`<div class="table-wrap"><table>
      <thead><tr>
        <th scope="col">${this.t('personName')}</th><th scope="col">${this.t('login')}</th><th scope="col">${this.t('profile')}</th>
        <th scope="col">${this.t('accountState')}</th><th scope="col">${this.t('tabClasses')}</th><th scope="col">${this.t('actions')}</th>
      </tr></thead>
      <tbody>
        ${users.map((user) => html`<tr>
          <th scope="row">${user.displayName}</th>
          <td>${user.login}</td>
          <td>${profileName(user.profile, this.language)}</td>
          <td class="state-${user.state}">${stateName(user.state, this.language)}</td>
          <td>${user.classes.join(', ') || '—'}</td>
          <td>${this.renderActions(user)}</td>
        </tr>`)}
      </tbody>
    </table></div>`;
  }

  override render() {
    return html`
      <h2>${this.t('tabUsers')}</h2>
      ${this.renderFilters()}
      ${this.quotaOf ? html`<preau-person-quota .schoolId=${this.schoolId} .userId=${this.quotaOf.id} .name=${this.quotaOf.displayName} .language=${this.language}
        @close=${this.hideQuota}></preau-person-quota>` : ''}
      ${this.issued ? html`<preau-issued-code .issued=${this.issued} .name=${this.issued.displayName} .language=${this.language}></preau-issued-code>` : ''}
      <div role="status">${this.notice ? html`<p class="success">${this.notice}</p>` : ''}</div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${this.users ? this.renderTable(this.users) : this.error ? '' : html`<p>${this.t('loading')}</p>`}
      ${this.more ? html`<p><button class="secondary" ?disabled=${this.busy} @click=${() => void this.load(true)}>${this.t('showMore')}</button></p>` : ''}
    `;
  }
}
customElements.define('preau-school-users', PreauSchoolUsers);

declare global {
  interface HTMLElementTagNameMap {
    'preau-school-users': PreauSchoolUsers;
  }
}
