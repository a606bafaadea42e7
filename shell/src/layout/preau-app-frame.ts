import { LitElement, html } from 'lit';
import type { LauncherApp } from './preau-launcher.js';
import { format, text } from '../i18n.js';
import { loadApp } from './load-app.js';

/** Shows an app: loads its bundle lazily and mounts its main element with the rest of the path. */
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
      this.replaceChildren(...(web.help ? [this.helpToggle(web.help)] : []), this.element);
    } catch (error) {
      console.error(error);
      this.failed = true;
    }
  }

  /** The "?" of the app: shows or hides the app's own help page above it. */
  private helpToggle(tag: string): HTMLElement {
    const box = document.createElement('div');
    box.className = 'preau-app-help';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = `? ${text('appHelp', this.language)}`;
    const title = this.app?.title?.[this.language] ?? this.app?.name ?? '';
    button.setAttribute('aria-label', format('appHelpOf', this.language, { app: title }));
    button.setAttribute('aria-expanded', 'false');
    button.style.cssText = 'font:inherit;font-weight:600;min-height:var(--preau-target,44px);padding:0 1rem;border-radius:var(--preau-radius-control,8px);border:2px solid var(--preau-accent,#1f5fbf);background:var(--preau-surface,#fff);color:var(--preau-accent,#1f5fbf);cursor:pointer;margin-bottom:var(--preau-space-4,1rem)';
    const region = document.createElement('section');
    region.hidden = true;
    region.setAttribute('aria-label', format('appHelpOf', this.language, { app: title }));
    button.addEventListener('click', () => {
      const open = region.hidden;
      if (open && !region.firstChild) region.append(document.createElement(tag));
      region.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
    });
    box.append(button, region);
    return box;
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
