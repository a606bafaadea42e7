import { LitElement, css, html } from 'lit';
import type { WebChild, WebUser } from '@preau/sdk/web';
import { format, text, type Language, type TextKey } from '../i18n.js';
import { seesAdministration } from '../access.js';
import '../notifications/preau-notification-bell.js';

/** The signed-in header: home, "Annuaire", "Mon compte", "Administration" for those who have it; reports `preau-sign-out`. */
export class PreauHeader extends LitElement {
  static override properties = { user: { attribute: false }, kids: { attribute: false }, childId: { attribute: false }, unreadByChild: { attribute: false }, path: {}, language: {} };
  static override styles = css`
    :host { display: block; background: var(--preau-accent, #1f5fbf); color: #fff; }
    header { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; padding: 0.5rem 1rem; }
    a { color: #fff; text-decoration: none; display: inline-flex; align-items: center; min-height: 44px; padding: 0 0.5rem; border-radius: 6px; }
    a:hover { text-decoration: underline; }
    a[aria-current='page'] { text-decoration: underline; text-underline-offset: 0.3em; text-decoration-thickness: 2px; }
    .brand { font-weight: 700; font-size: 1.2rem; }
    nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem; margin: 0; padding: 0; }
    .spacer { flex: 1; }
    button { font: inherit; background: transparent; color: #fff; border: 2px solid #fff; border-radius: 8px; padding: 0.4rem 0.8rem; min-height: 44px; cursor: pointer; }
    a:focus-visible, button:focus-visible, select:focus-visible { outline: var(--preau-focus, 3px solid #f2a900); outline-offset: 2px; }
    .child { display: inline-flex; align-items: center; gap: 0.4rem; }
    .child select { font: inherit; min-height: 44px; border-radius: 8px; border: 2px solid #fff; padding: 0 0.5rem; background: #fff; color: #1b1f2a; }
  `;
  user?: WebUser;
  /** A relative's children: with more than one, a switcher that apps follow through `childContext`. */
  kids: WebChild[] = [];
  childId?: number;
  /** What waits for each child in every app (sum of the apps' badges), shown in the switcher. */
  unreadByChild: Record<string, number> = {};
  path = '/';
  language: Language = 'fr';

  private t(key: TextKey): string {
    return text(key, this.language);
  }

  private link(href: string, key: TextKey, current: boolean) {
    return html`<li><a href=${href} aria-current=${current ? 'page' : 'false'}>${this.t(key)}</a></li>`;
  }

  override render() {
    const user = this.user;
    if (!user) return html``;
    return html`
      <header>
        <a class="brand" href="/" aria-current=${this.path === '/' ? 'page' : 'false'}>Préau</a>
        <nav aria-label=${this.t('mainMenu')}>
          <ul>
            ${this.link('/directory', 'directory', this.path.startsWith('/directory'))}
            ${this.link('/account', 'myAccount', this.path === '/account')}
            ${seesAdministration(user) ? this.link('/admin', 'administration', this.path.startsWith('/admin')) : ''}
          </ul>
        </nav>
        <span class="spacer"></span>
        ${this.kids.length > 1
          ? html`<label class="child">${this.t('childSwitcher')}
              <select @change=${(event: Event) => this.dispatchEvent(new CustomEvent('preau-child-selected', { detail: Number((event.target as HTMLSelectElement).value), bubbles: true, composed: true }))}>
                ${this.kids.map((c) => {
                  const name = `${c.firstName ?? c.displayName}${c.classes[0] ? ` (${c.classes[0].label})` : ''}`;
                  const unread = this.unreadByChild[c.id] ?? 0;
                  return html`<option value=${c.id} ?selected=${c.id === this.childId}>${unread ? format('childWithUnread', this.language, { name, count: unread }) : name}</option>`;
                })}
              </select></label>`
          : ''}
        <preau-notification-bell .language=${this.language}></preau-notification-bell>
        <span>${user.displayName}</span>
        <button @click=${() => this.dispatchEvent(new CustomEvent('preau-sign-out', { bubbles: true, composed: true }))}>${this.t('signOut')}</button>
      </header>
    `;
  }
}
customElements.define('preau-header', PreauHeader);

declare global {
  interface HTMLElementTagNameMap {
    'preau-header': PreauHeader;
  }
}
