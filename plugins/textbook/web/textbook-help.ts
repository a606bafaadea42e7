import { html } from 'lit';
import { TextbookElement } from './textbook-element.js';

/** The app's help page, shown by the shell from the header's « Aide ». */
export class TextbookHelp extends TextbookElement {
  override render() {
    return html`<h2>${this.t('helpTitle')}</h2><p>${this.t('helpTeacher')}</p><p>${this.t('helpFamily')}</p>`;
  }
}
customElements.define('textbook-help', TextbookHelp);

declare global {
  interface HTMLElementTagNameMap {
    'textbook-help': TextbookHelp;
  }
}
