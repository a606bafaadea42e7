import { css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError } from '@preau/sdk/web';
import { formStyles } from '../styles.js';
import { errorMessage, shellApiContext } from '../api.js';
import type { PersonCard } from './directory-types.js';
import { directoryProfileName } from './directory-profiles.js';
import { ShellElement } from '../shell-element.js';

/**
 * `/directory/people/:id`: a person's card in the address book — name, profile, schools, classes, and the
 * email and mobile they chose to show. Someone out of the user's reach is a 404 from the server.
 */
export class PreauPersonPage extends ShellElement {
  static override properties = { userId: { type: Number }, canWrite: { type: Boolean }, person: { state: true }, error: { state: true } };
  static override styles = [
    formStyles,
    css`
      .back { display: inline-flex; align-items: center; min-height: 44px; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.5rem 1rem; margin: 0 0 1rem; background: var(--preau-surface, #fff);
        border-radius: var(--preau-radius, 10px); padding: 1rem; box-shadow: 0 1px 3px rgb(0 0 0 / 0.15); max-width: 40rem; }
      dt { font-weight: 600; }
      dd { margin: 0; }
      dd a { display: inline-flex; align-items: center; min-height: 44px; }
      a.write { display: inline-flex; align-items: center; min-height: 44px; padding: 0 1.2rem; border-radius: 8px; font-weight: 600;
        background: var(--preau-accent, #1f5fbf); color: var(--preau-accent-fg, #fff); text-decoration: none; }
    `,
  ];
  userId = 0;
  /** The messaging app is on for the user: the card offers to write to the person (the card exists only for those they may write to). */
  canWrite = false;
  person: PersonCard | null = null;
  error = '';
  private api = new ContextConsumer(this, { context: shellApiContext });

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('userId') && this.userId) void this.load();
  }

  private async load(): Promise<void> {
    this.person = null;
    this.error = '';
    try {
      this.person = await this.api.value!.get<PersonCard>(`/api/core/directory/people/${this.userId}`);
    } catch (error) {
      this.error = error instanceof ApiError && error.status === 404 ? this.t('personNotFound') : errorMessage(error);
    }
  }

  private renderCard(person: PersonCard) {
    const list = (items: string[]) => (items.length ? items.join(', ') : '—');
    return html`
      <dl>
        <dt>${this.t('profile')}</dt><dd>${directoryProfileName(person.profile, this.language)}</dd>
        <dt>${this.t('personSchools')}</dt><dd>${list(person.schools.map((s) => s.name))}</dd>
        <dt>${this.t('personClasses')}</dt><dd>${list(person.classes.map((c) => c.label))}</dd>
        ${person.email ? html`<dt>${this.t('personEmail')}</dt><dd><a href=${`mailto:${person.email}`}>${person.email}</a></dd>` : ''}
        ${person.mobile ? html`<dt>${this.t('personMobile')}</dt><dd><a href=${`tel:${person.mobile.replace(/[^+0-9]/g, '')}`}>${person.mobile}</a></dd>` : ''}
      </dl>
      ${person.email || person.mobile ? '' : html`<p class="hint">${this.t('personNoContact')}</p>`}
      ${this.canWrite
        ? html`<p><a class="write" href=${`/apps/messaging/compose?${new URLSearchParams({ to: String(person.id), name: person.displayName })}`}>${this.t('personWrite')}</a></p>`
        : ''}
    `;
  }

  override render() {
    return html`
      <a class="back" href="/directory">${this.t('backToDirectory')}</a>
      <h1>${this.person?.displayName ?? this.t('directory')}</h1>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${this.person ? this.renderCard(this.person) : this.error ? '' : html`<p>${this.t('loading')}</p>`}
    `;
  }
}
customElements.define('preau-person-page', PreauPersonPage);

declare global {
  interface HTMLElementTagNameMap {
    'preau-person-page': PreauPersonPage;
  }
}
