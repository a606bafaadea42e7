import { html, css, nothing } from 'lit';
import { formatDay, refreshBadges } from '@preau/sdk/web';
import { LiaisonElement } from './liaison-element.js';
import { CATEGORY_LABELS, formatInstant } from './i18n.js';
import { attachmentList } from './attachment-list.js';
import { categoryTag } from './word-summary.js';
import type { FamilyWordView } from './types.js';
import './liaison-conversation.js';

/**
 * One word as a family reads it, once per child it was addressed to: opening it marks it read; "Confirmer la
 * lecture" signs for the child; the question is answered in one click; the family may reply to the teacher.
 */
export class LiaisonFamilyWord extends LiaisonElement {
  static override properties = { wordId: { type: Number }, copies: { state: true }, error: { state: true }, status: { state: true } };
  static override styles = [
    LiaisonElement.styles,
    css`
      article { display: grid; gap: 0.5rem; margin-bottom: 1rem; }
      .question { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
      .question button[aria-pressed='true'] { background: var(--preau-accent, #1f5fbf); color: var(--preau-accent-fg, #fff); }
      .ack { font-weight: 600; color: var(--preau-success, #1d6b35); }
    `,
  ];
  wordId = 0;
  copies: FamilyWordView[] = [];
  error = '';
  status = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load(true);
  }

  private async load(markRead = false): Promise<void> {
    try {
      this.copies = await this.api.get<FamilyWordView[]>(`/api/liaison/words/${this.wordId}/family`);
      this.error = '';
      if (markRead) {
        const unread = this.copies.filter((c) => c.unread || c.modified);
        await Promise.all(unread.map((c) => this.api.post(`/api/liaison/words/${this.wordId}/pupils/${c.pupilId}/read`, {})));
        if (unread.length) refreshBadges();
      }
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private async acknowledge(pupilId: number): Promise<void> {
    try {
      await this.api.post(`/api/liaison/words/${this.wordId}/pupils/${pupilId}/acknowledgement`, {});
      await this.load();
    } catch (error) {
      this.status = this.message(error);
    }
  }

  private async answer(pupilId: number, choice: number): Promise<void> {
    try {
      await this.api.put(`/api/liaison/words/${this.wordId}/pupils/${pupilId}/answer`, { choice });
      this.status = this.t('answerSaved');
      await this.load();
    } catch (error) {
      this.status = this.message(error);
    }
  }

  override render() {
    const lang = this.language;
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    const first = this.copies[0];
    if (!first) return html`<p>…</p>`;
    const family = this.user?.profile === 'Relative';
    const closed = (copy: FamilyWordView) =>
      !copy.repliesAllowed ? '' : copy.paused ? `${copy.paused.until ? this.f('pausedUntil', { date: formatDay(copy.paused.until, this.language) }) : this.t('paused')}${copy.paused.reason ? ` (${copy.paused.reason})` : ''}` : '';
    return html`
      <p><a href="/apps/liaison/">← ${this.t('back')}</a></p>
      <article class="card">
        <h2>${first.title} ${categoryTag(CATEGORY_LABELS[first.category]?.[lang] ?? first.category)}
          ${first.modified ? html`<span class="tag modified">${this.t('modified')}</span>` : nothing}</h2>
        <p class="muted">${first.author.displayName} — ${formatInstant(first.sentAt, lang)}</p>
        <preau-rich-text class="body" .html=${first.body}></preau-rich-text>
        ${attachmentList(first.id, first.attachments, this.t('attachments'))}
      </article>
      ${this.copies.map((copy) => html`<section class="card" aria-label=${this.childLabel(copy)}>
        ${this.copies.length > 1 || family ? html`<h3>${this.childLabel(copy)}</h3>` : nothing}
        ${copy.requiresAck && (copy.mayAcknowledge || copy.acknowledgement) ? (copy.acknowledgement
          ? html`<p class="ack">✓ ${this.f('acknowledgedBy', { name: copy.acknowledgement.by.displayName, date: formatInstant(copy.acknowledgement.at, lang) })}</p>`
          : html`<div class="actions"><button @click=${() => this.acknowledge(copy.pupilId)}>${this.t('acknowledge')}</button></div>`) : nothing}
        ${copy.question ? html`<div class="question" role="group" aria-label=${copy.question.prompt}>
          <strong>${copy.question.prompt}</strong>
          ${copy.mayAcknowledge ? copy.question.options.map((option, index) => html`<button class="secondary" aria-pressed=${copy.answer?.choice === index ? 'true' : 'false'} @click=${() => this.answer(copy.pupilId, index)}>${option}</button>`) : nothing}
          ${copy.question.deadline ? html`<span class="muted">${this.f('deadline', { date: formatInstant(copy.question.deadline, lang) })}</span>` : nothing}
        </div>` : nothing}
        ${copy.mayReply && copy.repliesAllowed ? html`<details ?open=${copy.replies > 0}>
          <summary>${this.t('reply')}${copy.replies ? ` (${copy.replies})` : ''}</summary>
          <liaison-conversation .wordId=${copy.id} .pupilId=${copy.pupilId} .canWrite=${true} .closedReason=${closed(copy)}></liaison-conversation>
        </details>` : nothing}
      </section>`)}
      <p role="status">${this.status}</p>
    `;
  }

  private childLabel(copy: FamilyWordView): string {
    return this.f('forChild', { name: copy.pupilName });
  }
}
customElements.define('liaison-family-word', LiaisonFamilyWord);

declare global {
  interface HTMLElementTagNameMap {
    'liaison-family-word': LiaisonFamilyWord;
  }
}
