import { html, css, nothing } from 'lit';
import { onLiveConnected, onLiveSignal, onLiveNotification } from '@preau/sdk/web';
import { LiaisonElement } from './liaison-element.js';
import { formatInstant } from './i18n.js';
import type { ReplyView } from './types.js';

/**
 * The exchange about one child on a word, between the family and the staff (other families never see it).
 * The stored HTML was sanitized by the server; it is shown as such.
 */
export class LiaisonConversation extends LiaisonElement {
  static override properties = { wordId: { type: Number }, pupilId: { type: Number }, canWrite: { type: Boolean }, closedReason: {}, replies: { state: true }, error: { state: true }, busy: { state: true } };
  static override styles = [
    LiaisonElement.styles,
    css`
      ol { list-style: none; padding: 0; display: grid; gap: 0.5rem; }
      li { border-left: 4px solid var(--preau-border-subtle, #d5d9e2); padding: 0.25rem 0.75rem; }
      li.staff { border-color: var(--preau-accent, #1f5fbf); }
      form { display: grid; gap: 0.5rem; }
    `,
  ];
  wordId = 0;
  pupilId = 0;
  canWrite = false;
  closedReason = '';
  replies: ReplyView[] = [];
  error = '';
  busy = false;
  private stops: (() => void)[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    const reload = () => void this.load();
    this.stops = [
      onLiveSignal('liaison', (signal) => signal.data.wordId === this.wordId && reload()),
      onLiveNotification((n) => n.resource.id === String(this.wordId) && reload(), 'liaison'),
      onLiveConnected(reload),
    ];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this.stops) stop();
  }

  private url(): string {
    return `/api/liaison/words/${this.wordId}/pupils/${this.pupilId}/replies`;
  }

  private async load(): Promise<void> {
    try {
      this.replies = await this.api.get<ReplyView[]>(this.url());
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private async send(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const editor = this.renderRoot.querySelector<HTMLElement & { value: string }>('preau-editor');
    if (!editor?.value.replace(/<[^>]*>/g, '').trim()) return;
    this.busy = true;
    this.error = '';
    try {
      const reply = await this.api.post<ReplyView>(this.url(), { body: editor.value });
      this.replies = [...this.replies.filter((r) => r.id !== reply.id), reply];
      editor.value = '';
    } catch (error) {
      this.error = this.message(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`
      ${this.replies.length === 0 ? html`<p class="muted">${this.t('noReplies')}</p>` : html`<ol>
        ${this.replies.map((r) => html`<li class=${r.fromStaff ? 'staff' : ''}>
          <div class="muted"><strong>${r.author.displayName}</strong> — ${formatInstant(r.createdAt, this.language)}</div>
          <preau-rich-text class="body" .html=${r.body}></preau-rich-text>
        </li>`)}
      </ol>`}
      ${this.closedReason ? html`<p class="muted" role="note">${this.closedReason}</p>` : nothing}
      ${this.canWrite && !this.closedReason ? html`<form @submit=${this.send}>
        <preau-editor label=${this.t('yourReply')}></preau-editor>
        <div><button ?disabled=${this.busy}>${this.t('sendReply')}</button></div>
      </form>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    `;
  }
}
customElements.define('liaison-conversation', LiaisonConversation);

declare global {
  interface HTMLElementTagNameMap {
    'liaison-conversation': LiaisonConversation;
  }
}
