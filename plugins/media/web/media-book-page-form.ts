import { css, html, nothing } from 'lit';
import { showToast } from '@preau/sdk/web';
import { LAYOUTS, type Book, type BookWithPages, type Page, type PageTemplate } from './book-types.js';
import { TEMPLATE_LABEL } from './media-book-editor.js';
import { MediaElement } from './media-element.js';
import { recordMedia } from './media-recorder.js';

const TEMPLATES: PageTemplate[] = ['picture', 'picture-text', 'two-pictures', 'video-text'];

/**
 * Adding a page to a book (`bookId`) or changing one (`pageId`): its template, its pictures (uploaded from the
 * device), its video and its sound (recorded now or chosen among one's recordings), its text in the common editor.
 */
export class MediaBookPageForm extends MediaElement {
  static override properties = {
    bookId: { type: Number }, pageId: { type: Number }, book: { state: true }, template: { state: true }, pictures: { state: true },
    video: { state: true }, sound: { state: true }, text: { state: true }, error: { state: true }, saving: { state: true },
  };
  static override styles = [MediaElement.styles, css`
    :host { display: block; }
    fieldset { display: grid; gap: var(--preau-space-2, 0.5rem); }
    .templates { display: flex; flex-wrap: wrap; gap: var(--preau-space-3, 0.75rem); }
    .slot { display: grid; gap: var(--preau-space-1, 0.25rem); }
    .slot img, video { max-width: 16rem; max-height: 10rem; border-radius: 4px; }
    audio { width: 100%; max-width: 24rem; }
  `];
  bookId = 0;
  pageId = 0;
  book: Book | null = null;
  template: PageTemplate = 'picture-text';
  pictures: string[] = [];
  video: { src: string; poster: string | null } | null = null;
  sound: string | null = null;
  text = '';
  error = '';
  saving = false;

  override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('bookId') || changed.has('pageId')) && (this.bookId || this.pageId)) void this.load();
  }

  private async load(): Promise<void> {
    try {
      const page = this.pageId ? await this.api.get<Page>(`/api/media/pages/${this.pageId}`) : null;
      if (page) Object.assign(this, { template: page.template, pictures: page.pictures, video: page.video, sound: page.sound, text: page.text });
      this.book = (await this.api.get<BookWithPages>(`/api/media/books/${page?.bookId ?? this.bookId}`)).book;
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private async choosePicture(slot: number, event: Event): Promise<void> {
    try {
      const input = event.target as HTMLInputElement;
      const file = input.files?.[0];
      if (!file) return;
      const form = new FormData();
      form.append('file', file, file.name);
      const uploaded = await this.api.upload<{ src: string }>('/api/core/files', form);
      input.value = '';
      const pictures = [...this.pictures];
      pictures[slot] = uploaded.src;
      this.pictures = pictures;
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private async record(kind: 'audio' | 'video'): Promise<void> {
    const recording = await recordMedia(kind, true);
    if (!recording?.src) return;
    if (kind === 'video') this.video = { src: recording.src, poster: recording.poster };
    else this.sound = recording.src;
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const layout = LAYOUTS[this.template];
    const editor = this.renderRoot.querySelector<HTMLElement & { value: string }>('preau-editor');
    const payload = {
      template: this.template, text: editor?.value ?? this.text, pictures: this.pictures.slice(0, layout.pictures).filter(Boolean),
      video: layout.video ? this.video : null, sound: this.sound,
    };
    this.saving = true;
    try {
      const saved = this.pageId
        ? await this.api.put<Page>(`/api/media/pages/${this.pageId}`, payload)
        : await this.api.post<Page>(`/api/media/books/${this.book!.id}/pages`, payload);
      showToast(this.t(saved.state === 'submitted' ? 'pageWaits' : 'pageSaved'), 'success');
      this.go(`/books/${saved.bookId}`);
    } catch (error) {
      this.error = this.message(error);
    } finally {
      this.saving = false;
    }
  }

  private renderPictures() {
    const count = LAYOUTS[this.template].pictures;
    return Array.from({ length: count }, (_, slot) => html`<div class="slot">
      ${this.pictures[slot] ? html`<img src=${this.pictures[slot]} alt=${this.f('pictureN', { n: slot + 1 })}>` : nothing}
      <label>${count === 1 ? this.t('choosePicture') : this.f('choosePictureN', { n: slot + 1 })}
        <input type="file" accept="image/jpeg,image/png,image/gif,image/webp" @change=${(e: Event) => this.choosePicture(slot, e)}></label>
    </div>`);
  }

  override render() {
    if (!this.book) return this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing;
    const layout = LAYOUTS[this.template];
    return html`
      <p><a href="/apps/media/books/${this.book.id}">← ${this.book.title}</a></p>
      <h1>${this.pageId ? this.t('editPageTitle') : this.t('addPage')}</h1>
      ${this.user?.profile === 'Student' ? html`<p class="notice">${this.t('pupilWaits')}</p>` : nothing}
      <form @submit=${this.save}>
        <fieldset>
          <legend>${this.t('layout')}</legend>
          <div class="templates">${TEMPLATES.map((template) => html`<label class="check"><input type="radio" name="template" value=${template}
            .checked=${this.template === template} @change=${() => (this.template = template)}> ${this.t(TEMPLATE_LABEL[template])}</label>`)}</div>
        </fieldset>
        ${this.renderPictures()}
        ${layout.video ? html`<div class="slot">
          ${this.video ? html`<video src=${this.video.src} poster=${this.video.poster ?? nothing} controls preload="metadata"></video>` : nothing}
          <div><button type="button" class="secondary" @click=${() => this.record('video')}>🎥 ${this.video ? this.t('changeVideo') : this.t('chooseVideo')}</button></div>
        </div>` : nothing}
        <preau-editor label=${this.t('text')} .value=${this.text}></preau-editor>
        <div class="slot">
          ${this.sound ? html`<audio src=${this.sound} controls preload="metadata" aria-label=${this.t('pageSound')}></audio>` : nothing}
          <div class="actions">
            <button type="button" class="secondary" @click=${() => this.record('audio')}>🎤 ${this.sound ? this.t('changeSound') : this.t('chooseSound')}</button>
            ${this.sound ? html`<button type="button" class="quiet" @click=${() => (this.sound = null)}>${this.t('removeSound')}</button>` : nothing}
          </div>
        </div>
        ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing}
        <div class="actions">
          <button type="submit" ?disabled=${this.saving}>${this.t('savePage')}</button>
          <a class="button quiet" href="/apps/media/books/${this.book.id}">${this.t('cancel')}</a>
        </div>
      </form>
    `;
  }
}
customElements.define('media-book-page-form', MediaBookPageForm);

declare global {
  interface HTMLElementTagNameMap {
    'media-book-page-form': MediaBookPageForm;
  }
}
