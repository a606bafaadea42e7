import { LitElement, css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { languageContext } from '@preau/sdk/web';
import { texts, type TextKey } from './texts.js';
import { documentsStyles } from './styles.js';
import './documents-browser.js';
import './documents-file.js';
import './documents-trash.js';
import './documents-shared.js';

type View = { name: 'mine'; folderId: number } | { name: 'file'; id: number } | { name: 'shared' } | { name: 'trash' };

function viewOf(path: string): View {
  const [, first, second] = path.split('/');
  if (first === 'folders' && Number(second) > 0) return { name: 'mine', folderId: Number(second) };
  if (first === 'files' && Number(second) > 0) return { name: 'file', id: Number(second) };
  if (first === 'shared' || first === 'trash') return { name: first };
  return { name: 'mine', folderId: 0 };
}

/** The documents app page: Mes documents (and any folder), a file, Partagé avec moi, Corbeille. */
export class DocumentsApp extends LitElement {
  static override properties = { path: {} };
  static override styles = [documentsStyles, css`
    nav.tabs { display: flex; gap: 0.5rem; flex-wrap: wrap; margin-bottom: 0.5rem; }
    nav.tabs a { padding: 0.5rem 0.75rem; border-radius: 8px; color: #1f5fbf; font-weight: 600; min-height: 44px; box-sizing: border-box; display: inline-flex; align-items: center; }
    nav.tabs a[aria-current='page'] { background: #1f5fbf; color: #fff; }
  `];
  /** The rest of the URL after /apps/documents, given by the shell. */
  path = '';
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });

  override render() {
    const t = (key: TextKey) => texts.text(key, this.language.value ?? 'fr');
    const view = viewOf(this.path);
    const tab = (href: string, key: TextKey, current: boolean) => html`<a href=${href} aria-current=${current ? 'page' : 'false'}>${t(key)}</a>`;
    return html`
      <nav class="tabs" aria-label=${t('sections')}>
        ${tab('/apps/documents', 'myDocuments', view.name === 'mine' || view.name === 'file')}
        ${tab('/apps/documents/shared', 'sharedWithMe', view.name === 'shared')}
        ${tab('/apps/documents/trash', 'trash', view.name === 'trash')}
      </nav>
      ${view.name === 'mine' ? html`<documents-browser .folderId=${view.folderId}></documents-browser>`
        : view.name === 'file' ? html`<documents-file .fileId=${view.id}></documents-file>`
        : view.name === 'shared' ? html`<documents-shared></documents-shared>`
        : html`<documents-trash></documents-trash>`}
    `;
  }
}
customElements.define('documents-app', DocumentsApp);

declare global {
  interface HTMLElementTagNameMap {
    'documents-app': DocumentsApp;
  }
}
