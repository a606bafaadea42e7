import { LitElement, html } from 'lit';

/** Placeholder until the pages land. */
export class TextbookApp extends LitElement {
  static override properties = { path: {} };
  path = '';
  override render() {
    return html`<p>Cahier de textes</p>`;
  }
}
customElements.define('textbook-app', TextbookApp);

declare global {
  interface HTMLElementTagNameMap {
    'textbook-app': TextbookApp;
  }
}
