import { LitElement, css, html } from 'lit';
import { APP_ICON_NAMES, type AppIconName } from '@preau/sdk/web';
import { appIconSvg } from './app-icons.js';

const isName = (icon: string): icon is AppIconName => (APP_ICON_NAMES as readonly string[]).includes(icon);

/**
 * An app's icon, from its manifest's `icon`: a name of the shell's set (`messaging`, `notebook`…), an SVG of
 * the plugin's own (shown as an image, so nothing in it runs), or an emoji (older third-party plugins).
 * Decorative: the app's name is always written beside it.
 */
export class PreauAppIcon extends LitElement {
  static override properties = { icon: {} };
  static override styles = css`
    :host { display: inline-flex; width: var(--preau-app-icon-size, 3rem); height: var(--preau-app-icon-size, 3rem); align-items: center; justify-content: center; }
    svg, img { width: 100%; height: 100%; }
    .emoji { font-size: calc(var(--preau-app-icon-size, 3rem) * 0.8); line-height: 1; }
  `;
  icon = 'app';

  override render() {
    const icon = this.icon?.trim() || 'app';
    if (isName(icon)) return appIconSvg(icon);
    if (icon.startsWith('<svg')) return html`<img alt="" src=${`data:image/svg+xml;charset=utf-8,${encodeURIComponent(icon)}`}>`;
    return html`<span class="emoji" aria-hidden="true">${icon}</span>`;
  }
}
customElements.define('preau-app-icon', PreauAppIcon);

declare global {
  interface HTMLElementTagNameMap {
    'preau-app-icon': PreauAppIcon;
  }
}
