import { LitElement, html } from 'lit';
import type { LauncherApp } from './preau-launcher.js';
import { text } from '../i18n.js';
import { loadApp } from './load-app.js';

/** Shows an app: loads its bundle lazily and mounts its main element with the rest of the path (its help is the header's). */
export class PreauAppFrame extends LitElement {
  static override properties = { app: { attribute: false }, path: {}, language: {}, failed: { state: true } };
  app?: LauncherApp;
  path = '';
  language: 'fr' | 'en' = 'fr';
  failed = false;
  private element?: HTMLElement;
  /** The entry of the mounted app. */
  private mounted?: string;

  protected override createRenderRoot() {
    return this;
  }

  override async updated(changed: Map<string, unknown>): Promise<void> {
    // The shell reads the apps list again after each live notification or badge change: the same app in a new
    // object must keep its element, or whatever the user was doing in it (a message being written) is lost.
    if (!changed.has('app') || !this.app?.entry || this.app.entry === this.mounted) {
      if (this.element) (this.element as HTMLElement & { path?: string }).path = this.path;
      return;
    }
    this.mounted = this.app.entry;
    try {
      const web = await loadApp(this.app);
      await customElements.whenDefined(web.element);
      this.element = document.createElement(web.element);
      (this.element as HTMLElement & { path?: string }).path = this.path;
      this.replaceChildren(this.element);
    } catch (error) {
      console.error(error);
      this.failed = true;
    }
  }

  override render() {
    return this.failed ? html`<p role="alert">${text('appFailed', this.language)}</p>` : html``;
  }
}
customElements.define('preau-app-frame', PreauAppFrame);

declare global {
  interface HTMLElementTagNameMap {
    'preau-app-frame': PreauAppFrame;
  }
}
