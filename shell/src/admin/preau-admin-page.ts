import { css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { WebUser } from '@preau/sdk/web';
import { formStyles, tableStyles } from '../styles.js';
import { errorMessage, shellApiContext } from '../api.js';
import type { SchoolRow } from '../api-types.js';
import { isAcademyAdmin } from '../access.js';
import { schoolPath } from '../routes.js';
import './preau-transfer-requests.js';
import './preau-profile-quotas.js';
import { ShellElement } from '../shell-element.js';
import { ApiResource } from '../api-resource.js';

/** `/admin`: the schools I administer (or teach in); an academy administrator also creates schools here. */
export class PreauAdminPage extends ShellElement {
  static override properties = {
    user: { attribute: false },
    createError: { state: true },
    created: { state: true },
    busy: { state: true },
  };
  static override styles = [
    formStyles,
    tableStyles,
    css`
      .schools { list-style: none; padding: 0; margin: 0 0 2rem; display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); }
      .schools a { display: block; padding: 1rem; min-height: 44px; box-sizing: border-box; background: var(--preau-surface, #fff);
        border-radius: var(--preau-radius, 10px); box-shadow: 0 1px 3px rgb(0 0 0 / 0.15); text-decoration: none; color: var(--preau-fg, #1b1f2a); }
      .schools a:hover { background: var(--preau-accent-soft, #eef3fc); }
      .name { display: block; font-weight: 700; color: var(--preau-accent, #1f5fbf); text-decoration: underline; }
      .detail { display: block; color: var(--preau-muted, #4a5263); }
    `,
  ];
  user?: WebUser;
  createError = '';
  created = '';
  busy = false;
  private api = new ContextConsumer(this, { context: shellApiContext });

  private administered = new ApiResource<SchoolRow[]>(this, () => '/api/core/schools');

  private get error(): string {
    return this.administered.error;
  }

  /** The schools the user administers, and a teacher's own schools, by name; null until read. */
  private get schools(): SchoolRow[] | null {
    const administered = this.administered.value;
    if (!administered) return null;
    // Teachers administer nothing but see their classes: their schools come from their own profile.
    const taught = this.user?.profile === 'Teacher'
      ? this.user.schools.filter((s) => !administered.some((a) => a.id === s.id)).map((s) => ({ ...s, city: null, academy: null }))
      : [];
    return [...administered, ...taught].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const field = (name: string) => String(data.get(name) ?? '').trim();
    const uai = field('uai').toUpperCase();
    this.createError = /^[0-9]{7}[A-Z]$/.test(uai) ? '' : this.t('uaiInvalid');
    this.created = '';
    if (this.createError) return;
    this.busy = true;
    try {
      const school = await this.api.value!.post<SchoolRow>('/api/core/schools', {
        uai,
        name: field('name'),
        ...(field('city') ? { city: field('city') } : {}),
        ...(field('academy') ? { academy: field('academy') } : {}),
      });
      form.reset();
      this.created = `${this.t('schoolCreated')} ${school.name}`;
      await this.administered.reload();
    } catch (error) {
      this.createError = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  private renderCreate() {
    return html`
      <section aria-labelledby="create" class="panel">
        <h2 id="create">${this.t('createSchool')}</h2>
        <form @submit=${this.create} novalidate>
          <div class="field">
            <label for="uai">${this.t('uai')}</label>
            <input id="uai" name="uai" required autocapitalize="characters" spellcheck="false" aria-describedby="uai-hint">
            <p class="hint" id="uai-hint">${this.t('uaiHint')}</p>
          </div>
          <label>${this.t('schoolName')}<input name="name" required maxlength="200"></label>
          <label>${this.t('city')}<input name="city" maxlength="100" autocomplete="address-level2"></label>
          <label>${this.t('academy')}<input name="academy" maxlength="100"></label>
          ${this.createError ? html`<p class="error" role="alert">${this.createError}</p>` : ''}
          ${this.created ? html`<p class="success" role="status">${this.created}</p>` : ''}
          <button ?disabled=${this.busy}>${this.t('createSchoolSubmit')}</button>
        </form>
      </section>
    `;
  }

  override render() {
    return html`
      <h1>${this.t('administration')}</h1>
      <section aria-labelledby="schools">
        <h2 id="schools">${this.t('mySchools')}</h2>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        ${!this.schools
          ? html`<p>${this.t('loading')}</p>`
          : this.schools.length === 0
            ? html`<p>${this.t('noSchools')}</p>`
            : html`<ul class="schools">
                ${this.schools.map(
                  (school) => html`<li><a href=${schoolPath(school.id)}>
                    <span class="name">${school.name}</span>
                    <span class="detail">${[school.city, `UAI ${school.uai}`, school.academy].filter(Boolean).join(' · ')}</span>
                  </a></li>`,
                )}
              </ul>`}
      </section>
      ${this.user && isAcademyAdmin(this.user)
        ? html`<preau-transfer-requests .language=${this.language}></preau-transfer-requests>${this.renderCreate()}
            <preau-profile-quotas .language=${this.language}></preau-profile-quotas>`
        : ''}
    `;
  }
}
customElements.define('preau-admin-page', PreauAdminPage);

declare global {
  interface HTMLElementTagNameMap {
    'preau-admin-page': PreauAdminPage;
  }
}
