import { html } from 'lit';
import { TextbookElement } from './textbook-element.js';
import './textbook-class-book.js';
import './textbook-entry-form.js';
import './textbook-progress.js';
import './textbook-family-homework.js';

/**
 * The cahier's pages. Staff: the class's week (`/`), a new entry (`/classes/:id/new?kind=`), an entry's change
 * (`/entries/:id/edit`), who did a homework (`/homework/:id`). Families and pupils: the homework by due date.
 */
export class TextbookApp extends TextbookElement {
  static override properties = { path: {} };
  path = '';

  override render() {
    const [section, id, action] = this.path.replace(/^\/+|\/+$/g, '').split('/');
    const number = id && /^\d+$/.test(id) ? Number(id) : 0;
    if (this.isStaff) {
      if (section === 'classes' && number && action === 'new') {
        const kind = new URLSearchParams(location.search).get('kind') === 'session' ? 'session' : 'homework';
        return html`<textbook-entry-form .classId=${number} .kind=${kind}></textbook-entry-form>`;
      }
      if (section === 'entries' && number && action === 'edit') return html`<textbook-entry-form .entryId=${number}></textbook-entry-form>`;
      if (section === 'homework' && number) return html`<textbook-progress .entryId=${number}></textbook-progress>`;
      return html`<textbook-class-book></textbook-class-book>`;
    }
    return html`<textbook-family-homework></textbook-family-homework>`;
  }
}
customElements.define('textbook-app', TextbookApp);

declare global {
  interface HTMLElementTagNameMap {
    'textbook-app': TextbookApp;
  }
}
