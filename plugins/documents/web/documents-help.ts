import { LitElement, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { languageContext } from '@preau/sdk/web';
import { texts } from './texts.js';

/** The app's help page, shown by the shell from the header's « Aide ». */
export class DocumentsHelp extends LitElement {
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });

  override render() {
    const lang = this.language.value ?? 'fr';
    return html`<h2>${texts.text('helpTitle', lang)}</h2><p>${texts.text('helpMine', lang)}</p><p>${texts.text('helpShare', lang)}</p><p>${texts.text('helpVersions', lang)}</p>`;
  }
}
customElements.define('documents-help', DocumentsHelp);

declare global {
  interface HTMLElementTagNameMap {
    'documents-help': DocumentsHelp;
  }
}
