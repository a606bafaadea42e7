import { LitElement, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { languageContext } from '@preau/sdk/web';
import { texts } from './texts.js';

/** The app's help page, shown in a dialog by the header's "Aide" while the app is open. */
export class __Name__Help extends LitElement {
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });

  override render() {
    const lang = this.language.value ?? 'fr';
    return html`<h2>${texts.text('helpTitle', lang)}</h2><p>${texts.text('helpRead', lang)}</p><p>${texts.text('helpWrite', lang)}</p>`;
  }
}
customElements.define('__name__-help', __Name__Help);

declare global {
  interface HTMLElementTagNameMap {
    '__name__-help': __Name__Help;
  }
}
