import { css, html } from 'lit';
import { formStyles } from '../styles.js';

import type { Me } from '../api-types.js';
import type { LauncherApp } from '../layout/preau-launcher.js';
import { classPath } from '../routes.js';
import '../layout/preau-launcher.js';
import '../layout/preau-home-elements.js';
import '../notifications/preau-timeline.js';
import { ShellElement } from '../shell-element.js';

/** The signed-in home: flash messages, the launcher, the timeline, then a relative's children or a pupil's or teacher's classes. */
export class PreauHomePage extends ShellElement {
  static override properties = { me: { attribute: false }, meLoaded: { attribute: false }, apps: { attribute: false } };
  static override styles = [
    formStyles,
    css`
      .name { font-weight: 700; font-size: 1.1rem; display: block; margin-bottom: 0.25rem; }
      .detail { display: block; color: var(--preau-muted, #4a5263); }
      .cards a { display: inline-flex; align-items: center; min-height: 44px; font-weight: 700; }
    `,
  ];
  me?: Me;
  /** Until the whole context arrives, sections say they are loading rather than that there is nothing. */
  meLoaded = true;
  /** Null until read. */
  apps: LauncherApp[] | null = null;

  private loading() {
    return html`<p role="status">${this.t('loading')}</p>`;
  }

  private renderChildren(me: Me) {
    return html`
      <section aria-labelledby="children">
        <h2 id="children">${this.t('myChildren')}</h2>
        ${!this.meLoaded ? this.loading()
        : me.children.length === 0
          ? html`<p>${this.t('noChildren')}</p>`
          : html`<ul class="cards">
              ${me.children.map(
                (child) => html`<li class="card">
                  <span class="name">${child.displayName}</span>
                  <span class="detail">${child.classes.length ? child.classes.map((c) => c.label).join(', ') : this.t('noClassYet')}</span>
                  ${child.school ? html`<span class="detail">${child.school.name}</span>` : ''}
                </li>`,
              )}
            </ul>`}
      </section>
    `;
  }

  private renderClasses(me: Me) {
    // Teachers open their class page (members, activation slips); pupils only read the label.
    const linked = me.user.profile === 'Teacher' || me.user.profile === 'Personnel';
    const schoolName = (id: number) => me.user.schools.find((s) => s.id === id)?.name ?? '';
    return html`
      <section aria-labelledby="classes">
        <h2 id="classes">${this.t('myClasses')}</h2>
        ${!this.meLoaded ? this.loading()
        : me.classes.length === 0
          ? html`<p>${this.t('noClasses')}</p>`
          : html`<ul class="cards">
              ${me.classes.map(
                (c) => html`<li class="card">
                  ${linked ? html`<a href=${classPath(c.schoolId, c.id)}>${c.label}</a>` : html`<span class="name">${c.label}</span>`}
                  <span class="detail">${schoolName(c.schoolId)}</span>
                </li>`,
              )}
            </ul>`}
      </section>
    `;
  }

  override render() {
    const me = this.me;
    const profile = me?.user.profile;
    // What to do now comes first on a phone: the director's flash messages, the apps, then what happened.
    return html`
      <h1>${this.t('home')}</h1>
      <preau-home-elements .apps=${this.apps ?? []} placement="top"></preau-home-elements>
      <section aria-labelledby="apps">
        <h2 id="apps">${this.t('myApps')}</h2>
        ${this.apps ? html`<preau-launcher .apps=${this.apps} .language=${this.language}></preau-launcher>` : this.loading()}
      </section>
      <section id="timeline" aria-labelledby="timeline-title">
        <h2 id="timeline-title">${this.t('timeline')}</h2>
        <preau-timeline .language=${this.language}></preau-timeline>
      </section>
      <preau-home-elements .apps=${this.apps ?? []} placement="widget"></preau-home-elements>
      ${me && profile === 'Relative' ? this.renderChildren(me) : ''}
      ${me && (profile === 'Student' || profile === 'Teacher' || (profile === 'Personnel' && me.classes.length > 0)) ? this.renderClasses(me) : ''}
    `;
  }
}
customElements.define('preau-home-page', PreauHomePage);

declare global {
  interface HTMLElementTagNameMap {
    'preau-home-page': PreauHomePage;
  }
}
