import { LitElement, html } from 'lit';
import { localize } from '@preau/sdk/web';
import type { LauncherApp } from '../layout/preau-launcher.js';
import { loadApp } from '../layout/load-app.js';
import { format, text, type Language } from '../i18n.js';
import type { PreauDialog } from '../design/preau-dialog.js';
import '../design/preau-dialog.js';
import './preau-shell-help.js';

/**
 * The help behind the header's "Aide": the open app's own help element (`help` in its `defineWebApp`) in a
 * dialog, or the shell's general help on the shell's pages and for an app that has none. The help element is
 * created when the dialog opens, so an app's help costs nothing until someone asks for it.
 */
export class PreauHelpDialog extends LitElement {
  static override properties = { app: { attribute: false }, language: {}, helpTag: { state: true } };
  /** The app on screen; undefined on the shell's own pages. */
  app?: LauncherApp;
  language: Language = 'fr';
  /** The element to show: the app's help tag, or the shell's. */
  helpTag = 'preau-shell-help';
  private body?: HTMLElement;

  // No shadow root of its own: the help element is then a light child the dialog slots, and apps' help elements
  // find the shell's contexts (language, API) up the tree as they do in the app.
  protected override createRenderRoot() {
    return this;
  }

  /** Opens the dialog on the current app's help (loading the app's entry if it is not loaded yet). */
  async open(): Promise<void> {
    this.helpTag = await this.appHelpTag();
    await this.updateComplete;
    await this.querySelector<PreauDialog>('preau-dialog')?.show();
  }

  private async appHelpTag(): Promise<string> {
    if (!this.app?.entry) return 'preau-shell-help';
    try {
      const web = await loadApp(this.app);
      if (!web.help) return 'preau-shell-help';
      await customElements.whenDefined(web.help);
      return web.help;
    } catch (error) {
      console.error(error);
      return 'preau-shell-help';
    }
  }

  private heading(): string {
    if (this.app && this.helpTag !== 'preau-shell-help') return format('appHelpOf', this.language, { app: localize(this.app.title, this.language) });
    return text('shellHelpTitle', this.language);
  }

  // A new element only when the tag changes: an app's help replaces the shell's, never sits beside it.
  override willUpdate(): void {
    if (this.body?.localName !== this.helpTag) this.body = document.createElement(this.helpTag);
    if (this.helpTag === 'preau-shell-help') (this.body as HTMLElement & { language: Language }).language = this.language;
  }

  override render() {
    return html`<preau-dialog heading=${this.heading()} .language=${this.language}
      @close=${() => this.dispatchEvent(new Event('preau-help-closed'))}>${this.body}</preau-dialog>`;
  }
}
customElements.define('preau-help-dialog', PreauHelpDialog);

declare global {
  interface HTMLElementTagNameMap {
    'preau-help-dialog': PreauHelpDialog;
  }
}
