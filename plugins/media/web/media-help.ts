import { LitElement, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { languageContext } from '@preau/sdk/web';
import { texts } from './texts.js';

/** The app's help page, shown by the shell from the header's « Aide ». */
export class MediaHelp extends LitElement {
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });

  override render() {
    const lang = this.language.value ?? 'fr';
    return html`<h2>${texts.text('helpTitle', lang)}</h2><p>${texts.text('helpRecord', lang)}</p><p>${texts.text('helpScreen', lang)}</p><p>${texts.text('helpReaders', lang)}</p><p>${texts.text('helpPupils', lang)}</p><p>${texts.text('helpBooks', lang)}</p>`;
  }
}
customElements.define('media-help', MediaHelp);

declare global {
  interface HTMLElementTagNameMap {
    'media-help': MediaHelp;
  }
}
