import { LitElement, css, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, languageContext } from '@preau/sdk/web';
import { formatDateTime } from './api-types.js';
import { text } from './i18n.js';
import { formStyles } from './shared-styles.js';

interface Comment { id: number; author: { displayName: string } | null; body: string; createdAt: string; mine: boolean }

/** The comments under a published item, and a box to add one. */
export class NewsItemComments extends LitElement {
  static override properties = { itemId: { attribute: false }, moderates: { attribute: false }, comments: { state: true }, error: { state: true } };
  static override styles = [formStyles, css`ul { list-style: none; padding: 0; display: grid; gap: 0.5rem; } .meta { color: var(--preau-muted, #4a5263); font-size: 0.9rem; }`];
  itemId = 0;
  moderates = false;
  comments: Comment[] = [];
  error = '';
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('itemId')) void this.load();
  }

  private async load(): Promise<void> {
    this.comments = (await this.api.value?.get<Comment[]>(`/api/news/items/${this.itemId}/comments`).catch(() => [])) ?? [];
  }

  private async send(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    this.error = '';
    try {
      await this.api.value!.post(`/api/news/items/${this.itemId}/comments`, { body: String(new FormData(form).get('body')) });
      form.reset();
      await this.load();
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  override render() {
    const language = this.language.value ?? 'fr';
    return html`<section aria-labelledby="comments-title">
      <h2 id="comments-title">${text('comments', language)}</h2>
      <ul>${this.comments.map((c) => html`<li><span class="meta">${c.author?.displayName ?? '—'} · ${formatDateTime(c.createdAt, language)}</span><br />${c.body}
        ${c.mine || this.moderates ? html`<button type="button" class="secondary" @click=${async () => { await this.api.value!.delete(`/api/news/comments/${c.id}`); await this.load(); }}>${text('trash', language)}</button>` : nothing}</li>`)}</ul>
      <form @submit=${this.send}>
        <label>${text('comment', language)} <textarea name="body" required maxlength="2000"></textarea></label>
        ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
        <div class="actions"><button type="submit">${text('send', language)}</button></div>
      </form>
    </section>`;
  }
}
customElements.define('news-item-comments', NewsItemComments);

declare global {
  interface HTMLElementTagNameMap {
    'news-item-comments': NewsItemComments;
  }
}
