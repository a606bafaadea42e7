import { css, html } from 'lit';
import { formStyles } from '../styles.js';
import { type TextKey } from '../i18n.js';
import { personPath } from '../routes.js';
import type { DirectoryGroup, DirectoryHits, DirectoryPerson } from './directory-types.js';
import { directoryProfileName } from './directory-profiles.js';
import { ShellElement } from '../shell-element.js';

const GROUP_KIND: Record<DirectoryGroup['kind'], TextKey> = { school: 'groupKindSchool', class: 'groupKindClass', manual: 'groupKindManual' };

/** The results of an address book search, in two lists: people (each a link to their card), then groups. */
export class PreauDirectoryResults extends ShellElement {
  static override properties = { hits: { attribute: false }, showGroups: { type: Boolean }, schools: { attribute: false } };
  static override styles = [
    formStyles,
    css`
      ul.hits { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.5rem; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); }
      ul.hits li { background: var(--preau-surface, #fff); border-radius: var(--preau-radius, 10px); padding: 0.5rem 1rem;
        box-shadow: 0 1px 3px rgb(0 0 0 / 0.15); display: grid; gap: 0.1rem; }
      ul.hits a { display: inline-flex; align-items: center; min-height: 44px; font-weight: 700; }
      .name { font-weight: 700; min-height: 44px; display: inline-flex; align-items: center; }
      .detail { color: var(--preau-muted, #4a5263); }
    `,
  ];
  hits: DirectoryHits = { users: [], groups: [] };
  showGroups = true;
  /** The schools whose names the user knows (their own, and those of the hits met through a gateway); others are « autre école ». */
  schools: { id: number; name: string }[] = [];

  private schoolNames(ids: number[]): string[] {
    const known = ids.map((id) => this.schools.find((s) => s.id === id)?.name).filter((name): name is string => Boolean(name));
    return known.length < ids.length ? [...known, this.t('directoryOtherSchool')] : known;
  }

  private renderPerson(person: DirectoryPerson) {
    const details = [directoryProfileName(person.profile, this.language), ...this.schoolNames(person.schoolIds)];
    return html`<li>
      <a href=${personPath(person.id)}>${person.displayName}</a>
      <span class="detail">${details.join(' · ')}</span>
    </li>`;
  }

  private renderGroup(group: DirectoryGroup) {
    const details = [this.t(GROUP_KIND[group.kind] ?? 'groupKindManual'), this.f('directoryMembers', { count: group.members }),
      ...this.schoolNames([group.schoolId])];
    return html`<li>
      <span class="name">${group.name}</span>
      <span class="detail">${details.join(' · ')}</span>
    </li>`;
  }

  override render() {
    const { users, groups } = this.hits;
    return html`
      <section aria-labelledby="people">
        <h2 id="people">${this.t('directoryPeople')}</h2>
        ${users.length ? html`<ul class="hits">${users.map((u) => this.renderPerson(u))}</ul>` : html`<p>${this.t('directoryNoPeople')}</p>`}
      </section>
      ${this.showGroups
        ? html`<section aria-labelledby="groups">
            <h2 id="groups">${this.t('directoryGroups')}</h2>
            ${groups.length ? html`<ul class="hits">${groups.map((g) => this.renderGroup(g))}</ul>` : html`<p>${this.t('directoryNoGroups')}</p>`}
          </section>`
        : ''}
    `;
  }
}
customElements.define('preau-directory-results', PreauDirectoryResults);

declare global {
  interface HTMLElementTagNameMap {
    'preau-directory-results': PreauDirectoryResults;
  }
}
