import { css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { WebUser } from '@preau/sdk/web';
import { formStyles } from '../styles.js';
import { format, text, type Language } from '../i18n.js';
import { errorMessage, shellApiContext } from '../api.js';
import type { DirectoryHits } from './directory-types.js';
import { PROFILES, directoryProfileName } from './directory-profiles.js';
import './preau-directory-results.js';
import './preau-childrens-teachers.js';
import { ShellElement } from '../shell-element.js';

const LIMIT = 50;
const DEBOUNCE_MS = 300;

// The last search, so that coming back from a card (link or browser's back) shows the same results; only for
// the same user, since a school's computers are shared.
let remembered = { userId: 0, q: '', profile: '' };

/** "2 personnes et 1 groupe." — what the live region says after each search. */
function countText(hits: DirectoryHits, groupsSearched: boolean, language: Language): string {
  const people = hits.users.length;
  const groups = hits.groups.length;
  if (people === 0 && groups === 0) return text('directoryNoResult', language);
  const peopleText = people === 0 ? text('directoryNoPerson', language)
    : people === 1 ? text('directoryOnePerson', language) : format('directoryPeopleCount', language, { count: people });
  if (!groupsSearched) return `${peopleText.charAt(0).toUpperCase()}${peopleText.slice(1)}.`;
  const groupsText = groups === 0 ? text('directoryNoGroup', language)
    : groups === 1 ? text('directoryOneGroup', language) : format('directoryGroupsCount', language, { count: groups });
  const sentence = format('directoryCount', language, { people: peopleText, groups: groupsText });
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}`;
}

/**
 * `/directory`: the address book. Searches as the person types (people and groups they may write to, as the
 * server's communication rules decide), with a profile filter; a relative first sees their children's teachers.
 */
export class PreauDirectoryPage extends ShellElement {
  static override properties = {
    user: { attribute: false },
    query: { state: true },
    profile: { state: true },
    hits: { state: true },
    searchedProfile: { state: true },
    error: { state: true },
    busy: { state: true },
  };
  static override styles = [
    formStyles,
    css`
      form.search { display: flex; flex-wrap: wrap; align-items: end; gap: 1rem; max-width: none; margin: 0 0 0.5rem; }
      form.search .field { flex: 1 1 20rem; }
      form.search .field.profile { flex: 0 1 14rem; }
      .count { font-weight: 600; margin: 0.5rem 0 1rem; min-height: 1.5em; }
    `,
  ];
  user?: WebUser;
  query = '';
  profile = '';
  hits: DirectoryHits | null = null;
  /** The profile filter of the results shown (groups are only searched without one). */
  searchedProfile = '';
  error = '';
  busy = false;
  private sequence = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private api = new ContextConsumer(this, { context: shellApiContext });

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.user && remembered.userId === this.user.id) ({ q: this.query, profile: this.profile } = remembered);
    void this.search();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  private async search(): Promise<void> {
    clearTimeout(this.timer);
    const sequence = ++this.sequence;
    const profile = this.profile;
    remembered = { userId: this.user?.id ?? 0, q: this.query, profile };
    const params = new URLSearchParams({ q: this.query.trim(), limit: String(LIMIT) });
    if (profile) params.set('profile', profile);
    this.busy = true;
    try {
      const hits = await this.api.value!.get<DirectoryHits>(`/api/core/directory/search?${params}`);
      // An answer to an older query arriving late must not replace the newer one.
      if (sequence !== this.sequence) return;
      this.hits = hits;
      this.searchedProfile = profile;
      this.error = '';
    } catch (error) {
      if (sequence === this.sequence) this.error = errorMessage(error);
    } finally {
      if (sequence === this.sequence) this.busy = false;
    }
  }

  private typed(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search(), DEBOUNCE_MS);
  }

  private filtered(event: Event): void {
    this.profile = (event.target as HTMLSelectElement).value;
    void this.search();
  }

  private submitted(event: SubmitEvent): void {
    event.preventDefault();
    void this.search();
  }

  private renderForm() {
    return html`
      <form class="search" role="search" @submit=${this.submitted}>
        <div class="field">
          <label for="q">${this.t('directorySearch')}</label>
          <input id="q" name="q" type="search" autocomplete="off" spellcheck="false" maxlength="100" .value=${this.query}
            aria-describedby="q-hint" @input=${this.typed}>
        </div>
        <div class="field profile">
          <label for="profile">${this.t('profile')}</label>
          <select id="profile" name="profile" @change=${this.filtered}>
            <option value="" ?selected=${this.profile === ''}>${this.t('directoryAllProfiles')}</option>
            ${PROFILES.map((p) => html`<option value=${p} ?selected=${this.profile === p}>${directoryProfileName(p, this.language)}</option>`)}
          </select>
        </div>
        <button>${this.t('search')}</button>
      </form>
      <p class="hint" id="q-hint">${this.t('directorySearchHint')}</p>
    `;
  }

  override render() {
    const hits = this.hits;
    const more = hits ? hits.users.length >= LIMIT || hits.groups.length >= LIMIT : false;
    return html`
      <h1>${this.t('directory')}</h1>
      <p>${this.t('directoryIntro')}</p>
      ${this.user?.profile === 'Relative' ? html`<preau-childrens-teachers .language=${this.language}></preau-childrens-teachers>` : ''}
      ${this.renderForm()}
      <p class="count" aria-live="polite" aria-atomic="true">${hits
        ? html`${countText(hits, !this.searchedProfile, this.language)}${more ? html` ${this.t('directoryMore')}` : ''}`
        : ''}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${hits
        ? html`<preau-directory-results aria-busy=${this.busy ? 'true' : 'false'} .hits=${hits} .showGroups=${!this.searchedProfile}
            .schools=${[...(this.user?.schools ?? []), ...(hits.otherSchools ?? [])]} .language=${this.language}></preau-directory-results>`
        : this.error ? '' : html`<p>${this.t('loading')}</p>`}
    `;
  }
}
customElements.define('preau-directory-page', PreauDirectoryPage);

declare global {
  interface HTMLElementTagNameMap {
    'preau-directory-page': PreauDirectoryPage;
  }
}
