import { html } from 'lit';
import { LiaisonElement } from './liaison-element.js';
import './liaison-staff-home.js';
import './liaison-word-form.js';
import './liaison-word-tracking.js';
import './liaison-family-notebook.js';
import './liaison-family-word.js';
import './liaison-print-view.js';

/**
 * The notebook's pages: staff write and follow words (`/`, `/new`, `/words/:id`, `/words/:id/edit`,
 * `/words/:id/print`); families and pupils read their child's notebook (`/`, `/words/:id`).
 */
export class LiaisonApp extends LiaisonElement {
  static override properties = { path: {} };
  path = '';

  override render() {
    const path = this.path.replace(/^\/+|\/+$/g, '');
    const [section, id, action] = path.split('/');
    const wordId = section === 'words' && id && /^\d+$/.test(id) ? Number(id) : null;
    if (this.isStaff) {
      if (section === 'new') return html`<liaison-word-form></liaison-word-form>`;
      if (wordId && action === 'edit') return html`<liaison-word-form .wordId=${wordId}></liaison-word-form>`;
      if (wordId && action === 'print') return html`<liaison-print-view .wordId=${wordId}></liaison-print-view>`;
      if (wordId) return html`<liaison-word-tracking .wordId=${wordId}></liaison-word-tracking>`;
      return html`<liaison-staff-home></liaison-staff-home>`;
    }
    if (wordId) return html`<liaison-family-word .wordId=${wordId}></liaison-family-word>`;
    return html`<liaison-family-notebook></liaison-family-notebook>`;
  }
}
customElements.define('liaison-app', LiaisonApp);

declare global {
  interface HTMLElementTagNameMap {
    'liaison-app': LiaisonApp;
  }
}
