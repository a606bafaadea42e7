import { css, html } from 'lit';
import type { WebChild, WebUser } from '@preau/sdk/web';
import { type TextKey } from '../i18n.js';
import { seesAdministration } from '../access.js';
import type { LauncherApp } from './preau-launcher.js';
import type { PreauHelpDialog } from '../help/preau-help-dialog.js';
import '../notifications/preau-notification-bell.js';
import '../help/preau-help-dialog.js';
import { ShellElement } from '../shell-element.js';

/**
 * The signed-in header: home, "Annuaire", "Mon compte", "Administration" for those who have it, a relative's
 * child switcher, the bell, "Aide" (the open app's help, or the shell's), sign-out (reports `preau-sign-out`). On a
 * phone it is one row (brand, bell, "Menu") and the rest opens under it: the same elements, laid out by CSS, so
 * there is one of each in the page.
 */
export class PreauHeader extends ShellElement {
  static override properties = { user: { attribute: false }, kids: { attribute: false }, childId: { attribute: false }, unreadByChild: { attribute: false }, app: { attribute: false }, path: {}, open: { state: true } };
  static override styles = css`
    :host { display: block; background: var(--preau-accent, #1f5fbf); color: var(--preau-accent-fg, #fff); position: relative; z-index: 5; }
    header { display: flex; align-items: center; gap: var(--preau-space-2, 0.5rem) var(--preau-space-4, 1rem); padding: var(--preau-space-2, 0.5rem) var(--preau-space-4, 1rem); }
    a { color: inherit; text-decoration: none; display: inline-flex; align-items: center; min-height: 44px; padding: 0 var(--preau-space-2, 0.5rem); border-radius: var(--preau-radius-sm, 6px); }
    a:hover { text-decoration: underline; }
    a[aria-current='page'] { text-decoration: underline; text-underline-offset: 0.3em; text-decoration-thickness: 2px; }
    .brand { font-weight: 700; font-size: 1.2rem; gap: 0.4rem; }
    .brand svg { width: 1.75rem; height: 1.75rem; }
    nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: var(--preau-space-1, 0.25rem); margin: 0; padding: 0; }
    .end { display: flex; align-items: center; gap: var(--preau-space-2, 0.5rem); order: 2; }
    .menu { order: 1; flex: 1; display: flex; flex-wrap: wrap; align-items: center; gap: var(--preau-space-2, 0.5rem) var(--preau-space-4, 1rem); }
    .spacer { flex: 1; }
    button { font: inherit; background: transparent; color: inherit; border: 2px solid currentColor; border-radius: var(--preau-radius-control, 8px); padding: 0.4rem 0.8rem; min-height: 44px; cursor: pointer; }
    .toggle { display: none; align-items: center; gap: 0.4rem; }
    /* "Aide" reads as one of the menu's links: a button (it opens a dialog), drawn like them. */
    nav button { border-color: transparent; padding: 0 var(--preau-space-2, 0.5rem); border-radius: var(--preau-radius-sm, 6px); }
    nav button:hover { text-decoration: underline; }
    .toggle svg { width: 1.25rem; height: 1.25rem; }
    a:focus-visible, button:focus-visible, select:focus-visible { outline: var(--preau-focus, 3px solid #f2a900); outline-offset: 2px; }
    .child { display: inline-flex; align-items: center; gap: 0.4rem; }
    .child select { font: inherit; min-height: 44px; max-width: 16rem; border-radius: var(--preau-radius-control, 8px); border: 2px solid #fff; padding: 0 0.5rem; background: #fff; color: var(--preau-fg, #1b1f2a); }
    /* A phone: brand, bell and "Menu" in one row; the menu drops down under the header, full width. */
    @media (max-width: 47.99rem) {
      header { padding: var(--preau-space-1, 0.25rem) var(--preau-space-2, 0.5rem) var(--preau-space-1, 0.25rem) var(--preau-space-3, 0.75rem); }
      .toggle { display: inline-flex; }
      .end { margin-left: auto; }
      .menu { display: none; position: absolute; top: 100%; left: 0; right: 0; flex-direction: column; align-items: stretch; gap: var(--preau-space-2, 0.5rem);
        padding: var(--preau-space-3, 0.75rem) var(--preau-space-4, 1rem) var(--preau-space-4, 1rem); background: var(--preau-accent, #1f5fbf); box-shadow: var(--preau-shadow-raised, 0 4px 16px rgb(0 0 0 / 0.25)); }
      .menu.open { display: flex; }
      nav ul { flex-direction: column; }
      .spacer { display: none; }
      .child { display: grid; gap: 0.25rem; }
      .child select { max-width: none; width: 100%; }
      .name { padding: 0 var(--preau-space-2, 0.5rem); }
    }
  `;
  user?: WebUser;
  /** A relative's children: with more than one, a switcher that apps follow through `childContext`. */
  kids: WebChild[] = [];
  childId?: number;
  /** What waits for each child in every app (sum of the apps' badges), shown in the switcher. */
  unreadByChild: Record<string, number> = {};
  /** The app on screen (its help is the one "Aide" opens); undefined on the shell's pages. */
  app?: LauncherApp;
  path = '/';
  /** The phone's menu is open. */
  open = false;

  private link(href: string, key: TextKey, current: boolean) {
    return html`<li><a href=${href} aria-current=${current ? 'page' : 'false'}>${this.t(key)}</a></li>`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.closeOnEscape);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.closeOnEscape);
  }

  // Escape closes the phone's menu and gives the focus back to its button (the help dialog handles its own).
  private closeOnEscape = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.open || event.composedPath().some((node) => node instanceof HTMLDialogElement)) return;
    this.open = false;
    this.renderRoot.querySelector<HTMLButtonElement>('.toggle')?.focus();
  };

  // A new page closes the menu (a link in it was followed).
  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('path') && changed.get('path') !== undefined) this.open = false;
  }

  private async openHelp(): Promise<void> {
    await this.renderRoot.querySelector<PreauHelpDialog>('preau-help-dialog')?.open();
  }

  // Closing the help gives the focus back to where it was opened from: "Aide", or "Menu" on a phone, whose menu
  // closed meanwhile (the focus would otherwise fall to the page's top).
  private helpClosed(): void {
    const toggle = this.renderRoot.querySelector<HTMLButtonElement>('.toggle');
    const help = this.renderRoot.querySelector<HTMLButtonElement>('.help');
    if (help?.checkVisibility()) help.focus();
    else toggle?.focus();
  }

  private childSwitcher() {
    if (this.kids.length <= 1) return '';
    return html`<label class="child">${this.t('childSwitcher')}
      <select @change=${(event: Event) => this.dispatchEvent(new CustomEvent('preau-child-selected', { detail: Number((event.target as HTMLSelectElement).value), bubbles: true, composed: true }))}>
        ${this.kids.map((c) => {
          const name = `${c.firstName ?? c.displayName}${c.classes[0] ? ` (${c.classes[0].label})` : ''}`;
          const unread = this.unreadByChild[c.id] ?? 0;
          return html`<option value=${c.id} ?selected=${c.id === this.childId}>${unread ? this.f('childWithUnread', { name, count: unread }) : name}</option>`;
        })}
      </select></label>`;
  }

  override render() {
    const user = this.user;
    if (!user) return html``;
    return html`
      <header>
        <a class="brand" href="/" aria-current=${this.path === '/' ? 'page' : 'false'}>${BRAND_MARK}Préau</a>
        <div class="end">
          <preau-notification-bell .language=${this.language}></preau-notification-bell>
          <button class="toggle" type="button" aria-expanded=${String(this.open)} aria-controls="menu" @click=${() => (this.open = !this.open)}>${MENU_ICON}${this.t('menu')}</button>
        </div>
        <div id="menu" class="menu ${this.open ? 'open' : ''}">
          <nav aria-label=${this.t('mainMenu')}>
            <ul>
              ${this.link('/directory', 'directory', this.path.startsWith('/directory'))}
              ${this.link('/account', 'myAccount', this.path === '/account')}
              ${seesAdministration(user) ? this.link('/admin', 'administration', this.path.startsWith('/admin')) : ''}
              <li><button class="help" type="button" aria-haspopup="dialog" @click=${() => void this.openHelp()}>${this.t('appHelp')}</button></li>
            </ul>
          </nav>
          <span class="spacer"></span>
          ${this.childSwitcher()}
          <span class="name">${user.displayName}</span>
          <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('preau-sign-out', { bubbles: true, composed: true }))}>${this.t('signOut')}</button>
        </div>
      </header>
      <preau-help-dialog .app=${this.app} .language=${this.language} @preau-help-closed=${() => this.helpClosed()}></preau-help-dialog>
    `;
  }
}
customElements.define('preau-header', PreauHeader);

// Préau's mark (a school's covered playground: a roof over an open yard), drawn in the header's colour.
const BRAND_MARK = html`<svg viewBox="0 0 32 32" aria-hidden="true" focusable="false"><path d="M4 14 16 5l12 9" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/><path d="M8 14v12M24 14v12M6 26h20" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round"/></svg>`;
const MENU_ICON = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M3 6h18M3 12h18M3 18h18" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"/></svg>`;

declare global {
  interface HTMLElementTagNameMap {
    'preau-header': PreauHeader;
  }
}
