import { LitElement, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { languageContext } from '@preau/sdk/web';
import { texts } from './texts.js';

/** The lunch menu's help page, shown by the header's "Aide" while the app is open. */
export class LunchMenuHelp extends LitElement {
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });

  override render() {
    const language = this.language.value ?? 'fr';
    return html`<h2>${texts.text('helpTitle', language)}</h2><p>${texts.text('helpRead', language)}</p><p>${texts.text('helpPublish', language)}</p>`;
  }
}
customElements.define('lunch-menu-help', LunchMenuHelp);

declare global {
  interface HTMLElementTagNameMap {
    'lunch-menu-help': LunchMenuHelp;
  }
}
