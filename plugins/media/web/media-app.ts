import { LitElement, css, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, formatDateTime, languageContext, preauStyles, showToast } from '@preau/sdk/web';
import { recordMedia } from './media-recorder.js';
import './media-book-editor.js';
import './media-book-list.js';
import './media-book-page-form.js';
import './media-book-reader.js';
import { texts, type TextKey } from './texts.js';
import type { MediaStatus, Recording } from './upload.js';

const STATUS_LABEL: Record<Recording['status'], TextKey> = {
  uploading: 'sending', converting: 'converting', ready: 'ready', original: 'original', failed: 'failed',
};

/**
 * The app: the user's recordings (`/`, newest first, each playable, with the buttons to record), the multimedia
 * books (`/books`), one book's pages (`/books/:id`), reading it (`/books/:id/read`), its printable version
 * (`/books/:id/print`), adding a page (`/books/:id/pages/new`) and changing one (`/pages/:id/edit`).
 */
export class MediaApp extends LitElement {
  static override properties = { path: {}, recordings: { state: true }, status: { state: true }, error: { state: true } };
  static override styles = [preauStyles, css`
    .actions { display: flex; flex-wrap: wrap; gap: var(--preau-space-2, 0.5rem); margin-bottom: var(--preau-space-4, 1rem); }
    li { display: grid; gap: var(--preau-space-1, 0.25rem); }
    video, audio { width: 100%; max-width: 40rem; }
    [role='alert'] { color: var(--preau-danger, #b3261e); }
  `];
  /** The rest of the URL after /apps/media/, given by the shell. */
  path = '';
  recordings: Recording[] = [];
  status?: MediaStatus;
  error = '';
  private timer = 0;
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });

  private t(key: TextKey): string {
    return texts.text(key, this.language.value ?? 'fr');
  }

  override willUpdate(changed: Map<string, unknown>): void {
    // Back on the recordings (first, or from a book): read them again.
    if (changed.has('path') && !this.path.replace(/^\/+|\/+$/g, '')) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  private async load(): Promise<void> {
    const api = this.api.value;
    if (!api) return;
    try {
      [this.recordings, this.status] = await Promise.all([api.get<Recording[]>('/api/media/recordings'), api.get<MediaStatus>('/api/media/status')]);
      this.error = '';
      // While one converts, look again now and then.
      clearTimeout(this.timer);
      if (this.recordings.some((r) => r.status === 'converting')) this.timer = window.setTimeout(() => void this.load(), 3000);
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private async record(kind: 'audio' | 'video', screen = false): Promise<void> {
    const saved = await recordMedia(kind, false, { screen });
    if (saved) showToast(this.t('saved'), 'success');
    await this.load();
  }

  private async deleteRecording(recording: Recording): Promise<void> {
    if (!confirm(this.t('confirmDelete'))) return;
    try {
      await this.api.value!.delete(`/api/media/recordings/${recording.id}`);
      showToast(this.t('deleted'), 'success');
      await this.load();
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private player(recording: Recording) {
    if (!recording.src) return nothing;
    return recording.kind === 'audio'
      ? html`<audio src=${recording.src} controls preload="metadata"></audio>`
      : html`<video src=${recording.src} poster=${recording.poster ?? nothing} controls preload="metadata"></video>`;
  }

  override render() {
    const [section, id, action, more] = this.path.replace(/^\/+|\/+$/g, '').split('/');
    const number = id && /^\d+$/.test(id) ? Number(id) : 0;
    if (section === 'books' && number && action === 'pages' && more === 'new') return html`<media-book-page-form .bookId=${number}></media-book-page-form>`;
    if (section === 'books' && number && action === 'read') return html`<media-book-reader .bookId=${number}></media-book-reader>`;
    if (section === 'books' && number && action === 'print') return html`<media-book-reader .bookId=${number} printing></media-book-reader>`;
    if (section === 'books' && number) return html`<media-book-editor .bookId=${number}></media-book-editor>`;
    if (section === 'books') return html`<media-book-list></media-book-list>`;
    if (section === 'pages' && number && action === 'edit') return html`<media-book-page-form .pageId=${number}></media-book-page-form>`;
    return this.renderRecordings();
  }

  private renderRecordings() {
    const lang = this.language.value ?? 'fr';
    return html`
      <h2>${this.t('appTitle')}</h2>
      <p><a href="/apps/media/books">📖 ${this.t('books')}</a></p>
      <div class="actions">
        <button class="primary" @click=${() => this.record('audio')}>🎤 ${this.t('recordAudio')}</button>
        <button class="primary" @click=${() => this.record('video')}>🎥 ${this.t('recordVideo')}</button>
        ${this.status?.mayRecordScreen
          ? html`<button class="primary" @click=${() => this.record('video', true)}>🖥 ${this.t('recordScreen')}</button>` : nothing}
      </div>
      ${this.status?.converts === false ? html`<p class="muted">${this.t('noConversion')}</p>` : nothing}
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${this.recordings.length === 0
        ? html`<preau-empty-state heading=${this.t('empty')}></preau-empty-state>`
        : html`<ul class="list">${this.recordings.map((recording) => html`<li data-recording=${recording.id}>
            <strong>${recording.name}</strong>
            <small class="muted">${formatDateTime(recording.createdAt, lang)} · ${this.t(STATUS_LABEL[recording.status])}</small>
            ${recording.status === 'failed' && recording.error ? html`<p role="alert">${recording.error}</p>` : nothing}
            ${this.player(recording)}
            <div><button @click=${() => this.deleteRecording(recording)}>${this.t('delete')}</button></div>
          </li>`)}</ul>`}
    `;
  }
}
customElements.define('media-app', MediaApp);

declare global {
  interface HTMLElementTagNameMap {
    'media-app': MediaApp;
  }
}
