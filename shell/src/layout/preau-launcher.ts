import { LitElement, css, html } from 'lit';
import { localize } from '@preau/sdk/web';
import { format, text } from '../i18n.js';
import '../design/preau-app-icon.js';
import '../design/preau-empty-state.js';

/** One app of the launcher, as `GET /api/core/apps` lists it. */
export interface LauncherApp {
  name: string;
  title: { fr: string; en: string };
  icon?: string;
  entry: string | null;
  /** Elements of the app's web entry shown on the home page. */
  home?: { element: string; placement: 'top' | 'widget' }[];
  /** Elements of the app's web entry shown as sections of Mon compte. */
  account?: string[];
  /** The app's web entry registers editor extensions: loaded as soon as the apps are known. */
  editor?: boolean;
  /** What waits for the user in the app (unread words…), per child for a relative. */
  badge?: { count: number; byChild?: Record<string, number> } | null;
}

/** The grid of the user's apps: big targets with icon and name, for six-year-olds as for grandparents. */
export class PreauLauncher extends LitElement {
  static override properties = { apps: { attribute: false }, language: {} };
  static override styles = css`
    ul { list-style: none; display: grid; grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr)); gap: 1rem; padding: 0; margin: 0; }
    a { display: grid; justify-items: center; gap: 0.5rem; padding: 1rem; border-radius: var(--preau-radius, 10px);
      background: var(--preau-surface, #fff); color: var(--preau-fg, #1b1f2a); text-decoration: none; font-weight: 600;
      box-shadow: var(--preau-shadow, 0 1px 3px rgb(0 0 0 / 0.15)); min-height: 44px; overflow-wrap: break-word; hyphens: auto; text-align: center; }
    a:hover { background: var(--preau-accent-soft, #eef3fc); }
    a:focus-visible { outline: var(--preau-focus, 3px solid #f2a900); outline-offset: 2px; }
    .icon { line-height: 1; position: relative; display: inline-flex; }
    /* Smaller tiles on a phone: three apps per row at 360 px. */
    @media (max-width: 30rem) { ul { grid-template-columns: repeat(auto-fill, minmax(6.25rem, 1fr)); gap: 0.5rem; } a { padding: 0.75rem 0.25rem; font-size: 0.9rem; } preau-app-icon { --preau-app-icon-size: 2.5rem; } }
    .badge { position: absolute; top: -0.4rem; right: -1rem; min-width: 1.5rem; padding: 0.1rem 0.35rem; border-radius: 999px;
      background: var(--preau-danger, #b3261e); color: #fff; font-size: 0.85rem; font-weight: 700; line-height: 1.3; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  `;
  apps: LauncherApp[] = [];
  language: 'fr' | 'en' = 'fr';

  override render() {
    if (this.apps.length === 0) return html`<preau-empty-state heading=${text('noApps', this.language)}></preau-empty-state>`;
    return html`<ul>
      ${this.apps.map(
        (app) => html`<li><a href="/apps/${app.name}/" data-app=${app.name}>
          <span class="icon" aria-hidden="true"><preau-app-icon .icon=${app.icon ?? 'app'}></preau-app-icon>${app.badge?.count ? html`<span class="badge">${app.badge.count}</span>` : ''}</span>
          ${localize(app.title, this.language)}${app.badge?.count ? html`<span class="sr">, ${format('unreadItems', this.language, { count: app.badge.count })}</span>` : ''}
        </a></li>`,
      )}
    </ul>`;
  }
}
customElements.define('preau-launcher', PreauLauncher);

declare global {
  interface HTMLElementTagNameMap {
    'preau-launcher': PreauLauncher;
  }
}
