import { html, nothing } from 'lit';
import { TextbookElement } from './textbook-element.js';
import './textbook-class-book.js';
import './textbook-entry-form.js';
import './textbook-progress.js';
import './textbook-family-homework.js';
import './textbook-workload.js';
import './textbook-replacements.js';
import './textbook-subjects.js';

/**
 * The cahier's pages. Staff: the class's week (`/`), a new entry (`/classes/:id/new?kind=`), an entry's change
 * (`/entries/:id/edit`), who did a homework (`/homework/:id`), the workload (`/workload`); the direction also
 * names replacement teachers (`/replacements`) and keeps the school's subjects (`/settings`). Families and
 * pupils: the homework by due date.
 */
export class TextbookApp extends TextbookElement {
  static override properties = { path: {} };
  path = '';

  /** Director or local administrator of one of their schools (the server checks it again on every request). */
  private get administers(): boolean {
    return this.user?.functions.some((f) => f.function === 'academy-admin' || f.function === 'director' || f.function === 'local-admin') ?? false;
  }

  private tabs(selected: string) {
    const teaches = this.user?.profile === 'Teacher' || this.user?.profile === 'Personnel';
    const tabs = [
      { id: 'book', label: this.t('tabBook'), href: '/apps/textbook/' },
      ...(teaches ? [{ id: 'workload', label: this.t('tabWorkload'), href: '/apps/textbook/workload' }] : []),
      ...(this.administers ? [
        { id: 'replacements', label: this.t('tabReplacements'), href: '/apps/textbook/replacements' },
        { id: 'settings', label: this.t('tabSettings'), href: '/apps/textbook/settings' },
      ] : []),
    ];
    return tabs.length > 1 ? html`<preau-tabs label=${this.t('tabsLabel')} selected=${selected} .tabs=${tabs}></preau-tabs>` : nothing;
  }

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
      if (section === 'workload') return html`${this.tabs('workload')}<textbook-workload></textbook-workload>`;
      if (section === 'replacements' && this.administers) return html`${this.tabs('replacements')}<textbook-replacements></textbook-replacements>`;
      if (section === 'settings' && this.administers) return html`${this.tabs('settings')}<textbook-subjects></textbook-subjects>`;
      return html`${this.tabs('book')}<textbook-class-book></textbook-class-book>`;
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
