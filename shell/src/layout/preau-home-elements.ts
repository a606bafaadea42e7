import { LitElement, html } from 'lit';
import type { LauncherApp } from './preau-launcher.js';
import { loadApp } from './load-app.js';

/** The elements an app places at one spot: on the home page (`web.home`) or in Mon compte (`web.account`). */
function placed(app: LauncherApp, placement: 'top' | 'widget' | 'account'): string[] {
  if (placement === 'account') return app.account ?? [];
  return (app.home ?? []).filter((item) => item.placement === placement).map((item) => item.element);
}

/**
 * The elements apps place on the home page (`web.home` in their manifest) or in Mon compte (`web.account`): the
 * app's bundle is imported, then its element is created once and kept across renders, so its own state (a
 * dismissed message) survives.
 */
export class PreauHomeElements extends LitElement {
  static override properties = { apps: { attribute: false }, placement: {} };
  apps: LauncherApp[] = [];
  placement: 'top' | 'widget' | 'account' = 'top';
  private elements = new Map<string, HTMLElement>();

  protected override createRenderRoot() {
    return this;
  }

  override willUpdate(): void {
    for (const app of this.apps) {
      if (!app.entry) continue;
      for (const tag of placed(app, this.placement)) {
        if (this.elements.has(tag)) continue;
        const element = document.createElement(tag);
        this.elements.set(tag, element);
        // An app whose bundle fails to load loses its home element, not the home page.
        loadApp(app).catch((error: unknown) => {
          console.error(`[Préau] ${app.name}:`, error);
          element.remove();
        });
      }
    }
  }

  override render() {
    const wanted = new Set(this.apps.flatMap((app) => placed(app, this.placement)));
    return html`${[...this.elements].filter(([tag]) => wanted.has(tag)).map(([, element]) => element)}`;
  }
}
customElements.define('preau-home-elements', PreauHomeElements);

declare global {
  interface HTMLElementTagNameMap {
    'preau-home-elements': PreauHomeElements;
  }
}
