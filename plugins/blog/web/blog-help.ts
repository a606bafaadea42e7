import { html } from 'lit';
import { BlogElement } from './blog-element.js';

/** The app's help page, shown by the shell from the header's « Aide ». */
export class BlogHelp extends BlogElement {
  override render() {
    return html`<h2>${this.t('helpTitle')}</h2><p>${this.t('helpTeacher')}</p><p>${this.t('helpFamily')}</p><p>${this.t('helpPublic')}</p>`;
  }
}
customElements.define('blog-help', BlogHelp);

declare global {
  interface HTMLElementTagNameMap {
    'blog-help': BlogHelp;
  }
}
