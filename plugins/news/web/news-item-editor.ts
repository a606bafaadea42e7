import { LitElement, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, formProblem, languageContext, uploadChosenFiles } from '@preau/sdk/web';
import { fromLocalInput, roleIncludes, toLocalInput, type Attachment, type Item, type Thread } from './api-types.js';
import { format, text } from './i18n.js';
import { formStyles } from './shared-styles.js';

/**
 * Writing or editing a news item with the common editor: a contributor saves a draft or submits it, a publisher
 * publishes now or at a date. Reports `news-saved` with the stored item.
 */
export class NewsItemEditor extends LitElement {
  static override properties = { threads: { attribute: false }, item: { attribute: false }, threadId: { attribute: false }, error: { state: true }, files: { state: true }, uploading: { state: true } };
  static override styles = formStyles;
  threads: Thread[] = [];
  item?: Item;
  threadId?: number;
  error = '';
  files: Attachment[] = [];
  uploading = false;
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('item')) this.files = this.item?.attachments ?? [];
  }

  // Files go up as soon as they are chosen; the item then only names them.
  private async upload(event: Event): Promise<void> {
    this.uploading = true;
    this.error = '';
    try {
      this.files = [...this.files, ...(await uploadChosenFiles<Attachment>(this.api.value!, '/api/news/attachments', event.target as HTMLInputElement))];
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    } finally {
      this.uploading = false;
    }
  }

  private get writable(): Thread[] {
    return this.threads.filter((thread) => roleIncludes(thread.role, 'contribute'));
  }

  private async save(action: 'draft' | 'submit' | 'publish'): Promise<void> {
    const form = this.renderRoot.querySelector('form')!;
    this.error = formProblem(form, this.language.value ?? 'fr');
    if (this.error) return;
    const data = new FormData(form);
    const editor = this.renderRoot.querySelector<HTMLElement & { value: string }>('preau-editor');
    const body = {
      title: String(data.get('title') ?? ''),
      body: editor?.value ?? '',
      publishAt: fromLocalInput(String(data.get('publishAt') ?? '')),
      expiresAt: fromLocalInput(String(data.get('expiresAt') ?? '')),
      headline: data.get('headline') === 'on',
      attachmentIds: this.files.map((f) => f.id),
      action,
    };
    this.error = '';
    try {
      const saved = this.item
        ? await this.api.value!.patch<Item>(`/api/news/items/${this.item.id}`, body)
        : await this.api.value!.post<Item>(`/api/news/threads/${data.get('thread')}/items`, body);
      this.dispatchEvent(new CustomEvent('news-saved', { detail: saved, bubbles: true, composed: true }));
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  override render() {
    const language = this.language.value ?? 'fr';
    const t = (key: Parameters<typeof text>[0]) => text(key, language);
    // No thread is chosen for the writer (the first in alphabetical order was): unless there is only one, they pick.
    const selected = this.threads.find((th) => th.id === (this.item?.threadId ?? this.threadId)) ?? (this.writable.length === 1 ? this.writable[0] : undefined);
    const publishes = selected ? roleIncludes(selected.role, 'publish') : this.writable.some((th) => roleIncludes(th.role, 'publish'));
    return html`<form novalidate @submit=${(e: Event) => e.preventDefault()} aria-label=${t('write')}>
      <label>${t('thread')}
        <select name="thread" required ?disabled=${!!this.item} @change=${(e: Event) => (this.threadId = Number((e.target as HTMLSelectElement).value))}>
          ${selected ? nothing : html`<option value="" selected>${t('chooseThread')}</option>`}
          ${this.writable.map((th) => html`<option value=${th.id} ?selected=${th.id === selected?.id}>${th.title}</option>`)}
        </select>
      </label>
      <label>${t('title')} <input name="title" required maxlength="160" .value=${this.item?.title ?? ''} /></label>
      <preau-editor label=${t('body')} .value=${this.item?.body ?? ''}></preau-editor>
      <fieldset>
        <legend>${t('attachments')}</legend>
        <ul class="files">${this.files.map((f) => html`<li>📎 ${f.name}
          <button type="button" class="secondary" aria-label=${format('removeFile', language, { name: f.name })} @click=${() => (this.files = this.files.filter((x) => x.id !== f.id))}>✕</button></li>`)}</ul>
        <label>${t('addFiles')} <input type="file" multiple @change=${this.upload} ?disabled=${this.uploading} /></label>
        ${this.uploading ? html`<p role="status">${t('uploading')}</p>` : nothing}
      </fieldset>
      <label>${t('publishAt')} <input type="datetime-local" name="publishAt" .value=${this.item?.publishAt ? toLocalInput(new Date(this.item.publishAt)) : ''} /></label>
      <label>${t('expiresAt')} <input type="datetime-local" name="expiresAt" .value=${this.item?.expiresAt ? toLocalInput(new Date(this.item.expiresAt)) : ''} /></label>
      ${publishes ? html`<label class="check"><input type="checkbox" name="headline" ?checked=${this.item?.headline ?? false} /> ${t('headline')}</label>` : nothing}
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      <div class="actions">
        ${publishes ? html`<button type="button" class="secondary" @click=${() => this.save('publish')}>${t('publish')}</button>` : html`<button type="button" class="secondary" @click=${() => this.save('submit')}>${t('submit')}</button>`}
        <button type="button" class="secondary" @click=${() => this.save('draft')}>${t('saveDraft')}</button>
      </div>
    </form>`;
  }
}
customElements.define('news-item-editor', NewsItemEditor);

declare global {
  interface HTMLElementTagNameMap {
    'news-item-editor': NewsItemEditor;
  }
}
