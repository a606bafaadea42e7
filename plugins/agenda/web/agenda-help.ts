import { LitElement, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { languageContext } from '@preau/sdk/web';
import { texts } from './texts.js';

/** The app's help page, shown by the shell from the header's « Aide ». */
export class AgendaHelp extends LitElement {
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });

  override render() {
    const lang = this.language.value ?? 'fr';
    return html`<h2>${texts.text('helpTitle', lang)}</h2><p>${texts.text('helpRead', lang)}</p><p>${texts.text('helpWrite', lang)}</p><p>${texts.text('helpMeetings', lang)}</p>`;
  }
}
customElements.define('agenda-help', AgendaHelp);

declare global {
  interface HTMLElementTagNameMap {
    'agenda-help': AgendaHelp;
  }
}
