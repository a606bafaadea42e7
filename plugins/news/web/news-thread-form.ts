import { LitElement, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, languageContext, openShareDialog } from '@preau/sdk/web';
import type { Role, Thread } from './api-types.js';
import { text } from './i18n.js';
import { formStyles } from './shared-styles.js';

const ROLE_KEYS: Record<Role, 'roleRead' | 'roleContribute' | 'rolePublish' | 'roleManage'> = {
  read: 'roleRead', contribute: 'roleContribute', publish: 'rolePublish', manage: 'roleManage',
};

/**
 * Creating a thread, or changing one's title and comments. Who may read, write, publish and manage it is the
 * shell's share dialog (the core's sharing): opened by "Partager…", and at once for a thread just created.
 * Reports `news-saved` after a save and after each change of its sharing.
 */
export class NewsThreadForm extends LitElement {
  static override properties = { thread: { attribute: false }, schoolId: { attribute: false }, error: { state: true } };
  static override styles = formStyles;
  thread?: Thread;
  schoolId = 0;
  error = '';
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });

  private saved(thread: Thread): void {
    this.dispatchEvent(new CustomEvent('news-saved', { detail: thread, bubbles: true, composed: true }));
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    // Kept now: once the submit event is dispatched, its target is null (it came out of a shadow root).
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const body = { title: String(data.get('title')), commentsEnabled: data.get('comments') === 'on' };
    this.error = '';
    try {
      const saved = this.thread
        ? await this.api.value!.put<Thread>(`/api/news/threads/${this.thread.id}`, body)
        : await this.api.value!.post<Thread>('/api/news/threads', { ...body, schoolId: this.schoolId });
      this.saved(saved);
      // A created thread is listed below with its own form: this one is blank again for the next, and the
      // new thread's sharing opens (only its creator and the school's management see it until then).
      if (!this.thread) {
        form.reset();
        await this.share(saved);
      }
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private async share(thread: Thread): Promise<void> {
    const dialog = await openShareDialog({ app: 'news', type: 'thread', resourceId: String(thread.id), resourceName: thread.title });
    dialog.addEventListener('share-changed', () => this.saved(thread));
  }

  override render() {
    const language = this.language.value ?? 'fr';
    const t = (key: Parameters<typeof text>[0]) => text(key, language);
    const thread = this.thread;
    const shares = thread?.shares ?? [];
    return html`<form @submit=${this.save} aria-label=${thread ? thread.title : t('newThread')}>
      <label>${t('title')} <input name="title" required maxlength="120" .value=${thread?.title ?? ''} /></label>
      <label class="check"><input type="checkbox" name="comments" ?checked=${thread?.commentsEnabled ?? true} /> ${t('commentsOn')}</label>
      ${thread ? html`<p>${shares.length
        ? html`${t('sharedWith')} ${shares.map((share, index) => html`${index ? ', ' : ''}${share.groupName} (${t(ROLE_KEYS[share.role])})`)}`
        : t('notShared')}</p>` : nothing}
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      <div class="actions">
        <button type="submit">${t('save')}</button>
        ${thread ? html`<button type="button" class="secondary" aria-label="${t('share')} ${thread.title}" @click=${() => void this.share(thread)}>${t('share')}</button>` : nothing}
      </div>
    </form>`;
  }
}
customElements.define('news-thread-form', NewsThreadForm);

declare global {
  interface HTMLElementTagNameMap {
    'news-thread-form': NewsThreadForm;
  }
}
