import { html, nothing } from 'lit';
import { showToast, uploadChosenFiles } from '@preau/sdk/web';
import type { Blog } from './api-types.js';
import { BlogElement } from './blog-element.js';

interface PickerElement extends HTMLElement {
  mode: string;
  result: Promise<string | null>;
}

/**
 * A blog's settings in a dialog: title, description, cover (uploaded, or chosen in Documents when that app is
 * there), publication and comments; and its public address for those who may make it public. Dispatches
 * `blog-changed` with the blog as saved.
 */
export class BlogSettings extends BlogElement {
  static override properties = { blog: { attribute: false }, cover: { state: true }, error: { state: true } };
  blog!: Blog;
  /** The chosen cover's blob id; undefined: unchanged; null: removed. */
  cover: string | null | undefined = undefined;
  error = '';

  open(): void {
    this.cover = undefined;
    this.error = '';
    void this.renderRoot.querySelector<HTMLElement & { show(): Promise<void> }>('preau-dialog')?.show();
  }

  private close(): void {
    this.renderRoot.querySelector<HTMLElement & { close(): void }>('preau-dialog')?.close();
  }

  private async upload(event: Event): Promise<void> {
    try {
      const [file] = await uploadChosenFiles<{ id: string }>(this.api, '/api/core/files', event.target as HTMLInputElement);
      if (file) this.cover = file.id;
    } catch (error) {
      this.error = this.message(error);
    }
  }

  /** Documents' picker, used by its tag when the documents app is on: it answers with the HTML of an image. */
  private async pick(): Promise<void> {
    const picker = document.createElement('documents-picker') as PickerElement;
    picker.mode = 'image';
    document.body.append(picker);
    const chosen = await picker.result;
    const id = chosen ? /\/api\/core\/files\/([a-f0-9]{32})/.exec(chosen)?.[1] : undefined;
    if (id) this.cover = id;
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    try {
      let blog = await this.api.patch<Blog>(`/api/blog/blogs/${this.blog.id}`, {
        title: data.get('title'), description: data.get('description'), publication: data.get('publication'), comments: data.get('comments'),
        ...(this.cover !== undefined ? { coverBlobId: this.cover } : {}),
      });
      if (this.blog.canPublishPublic) {
        const slug = String(data.get('slug') ?? '').trim() || null;
        if (slug !== this.blog.slug) blog = await this.api.put<Blog>(`/api/blog/blogs/${this.blog.id}/public`, { slug });
      }
      this.dispatchEvent(new CustomEvent('blog-changed', { detail: blog }));
      showToast(this.t('saved'), 'success');
      this.close();
    } catch (error) {
      this.error = this.message(error);
    }
  }

  override render() {
    const blog = this.blog;
    const cover = this.cover === undefined ? blog.cover : this.cover ? `/api/core/files/${this.cover}` : null;
    return html`<preau-dialog heading=${this.t('settings')}>
      <form id="settings" @submit=${this.save}>
        <label>${this.t('title')}<input name="title" required maxlength="120" .value=${blog.title}></label>
        <label>${this.t('description')}<textarea name="description" maxlength="1000" rows="3" .value=${blog.description}></textarea></label>
        <fieldset><legend>${this.t('cover')}</legend>
          ${cover ? html`<img class="cover" src=${cover} alt="">` : nothing}
          <label>${this.t('coverUpload')}<input type="file" accept="image/*" @change=${this.upload}></label>
          <div class="actions">
            ${customElements.get('documents-picker') ? html`<button type="button" class="secondary" @click=${this.pick}>${this.t('coverFromDocuments')}</button>` : nothing}
            ${cover ? html`<button type="button" class="quiet" @click=${() => (this.cover = null)}>${this.t('coverRemove')}</button>` : nothing}
          </div>
        </fieldset>
        <label>${this.t('publication')}<select name="publication">
          <option value="restrained" ?selected=${blog.publication === 'restrained'}>${this.t('publicationRestrained')}</option>
          <option value="immediate" ?selected=${blog.publication === 'immediate'}>${this.t('publicationImmediate')}</option>
        </select></label>
        <label>${this.t('comments')}<select name="comments">
          <option value="moderated" ?selected=${blog.comments === 'moderated'}>${this.t('commentsModerated')}</option>
          <option value="immediate" ?selected=${blog.comments === 'immediate'}>${this.t('commentsImmediate')}</option>
          <option value="none" ?selected=${blog.comments === 'none'}>${this.t('commentsNone')}</option>
        </select></label>
        ${blog.canPublishPublic ? html`<fieldset><legend>${this.t('publicTitle')}</legend>
          <p class="hint">${this.t('publicHint')}</p>
          <label>${this.t('publicSlug')}<input name="slug" pattern="[a-z0-9]+(-[a-z0-9]+)*" minlength="2" maxlength="80" .value=${blog.slug ?? ''} autocomplete="off"></label>
        </fieldset>` : nothing}
        ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing}
      </form>
      <div slot="actions" class="actions">
        <button type="submit" form="settings">${this.t('save')}</button>
        <button type="button" class="secondary" @click=${this.close}>${this.t('cancel')}</button>
      </div>
    </preau-dialog>`;
  }
}
customElements.define('blog-settings', BlogSettings);

declare global {
  interface HTMLElementTagNameMap {
    'blog-settings': BlogSettings;
  }
}
