import { html, css, nothing } from 'lit';
import { onLiveConnected, onLiveSignal } from '@preau/sdk/web';
import { LiaisonElement } from './liaison-element.js';
import { CATEGORY_LABELS, formatInstant } from './i18n.js';
import { attachmentList } from './attachment-list.js';
import { categoryTag, countsLine } from './word-summary.js';
import type { ClassView, StaffWordView, TrackingView } from './types.js';
import './liaison-conversation.js';

/**
 * "Suivi du mot": the word, `7/27 lus · 8 réponses`, who acknowledged for each pupil and when, who has not yet,
 * the answers to the question, the families' replies; it follows live as families read.
 */
export class LiaisonWordTracking extends LiaisonElement {
  static override properties = { wordId: { type: Number }, word: { state: true }, tracking: { state: true }, classes: { state: true }, error: { state: true }, status: { state: true } };
  static override styles = [
    LiaisonElement.styles,
    css`
      .counts { font-size: 1.4rem; font-weight: 700; margin: 0.5rem 0; }
      /* min(): at 360 px a 18rem column was wider than the screen, and the cards overlapped. */
      .lists { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(18rem, 100%), 1fr)); gap: 1rem; margin: 1rem 0; }
      .lists > .card, .replies > article { min-width: 0; overflow-wrap: anywhere; }
      .replies { display: grid; gap: 1rem; }
      .replies h4 { margin: 0 0 0.5rem; }
      ul.people { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.25rem; }
      table { border-collapse: collapse; }
      th, td { text-align: left; padding: 0.25rem 0.75rem 0.25rem 0; }
    `,
  ];
  wordId = 0;
  word: StaffWordView | null = null;
  tracking: TrackingView | null = null;
  classes: ClassView[] = [];
  error = '';
  status = '';
  private stop?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    void this.api.get<ClassView[]>('/api/liaison/classes').then((classes) => (this.classes = classes)).catch(() => undefined);
    const stopSignal = onLiveSignal('liaison', (signal) => {
      if (signal.data.wordId === this.wordId) void this.load();
    });
    // Signals sent while the tab was (re)connecting are not replayed: read the counts again then.
    const stopConnected = onLiveConnected(() => void this.load());
    this.stop = () => {
      stopSignal();
      stopConnected();
    };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop?.();
  }

  private async load(): Promise<void> {
    try {
      this.word = await this.api.get<StaffWordView>(`/api/liaison/words/${this.wordId}`);
      this.tracking = this.word.sentAt ? await this.api.get<TrackingView>(`/api/liaison/words/${this.wordId}/tracking`) : null;
      this.error = '';
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private async remind(): Promise<void> {
    try {
      const sent = await this.api.post<{ pupils: number; relatives: number }>(`/api/liaison/words/${this.wordId}/reminders`, {});
      this.status = this.f('reminded', sent);
      await this.load();
    } catch (error) {
      this.status = this.message(error);
    }
  }

  private async deleteWord(): Promise<void> {
    if (!confirm(this.t('confirmDelete'))) return;
    try {
      await this.api.delete(`/api/liaison/words/${this.wordId}`);
      this.go('/');
    } catch (error) {
      this.status = this.message(error);
    }
  }

  private async copy(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const classId = Number(new FormData(event.target as HTMLFormElement).get('classId'));
    try {
      const copy = await this.api.post<StaffWordView>(`/api/liaison/words/${this.wordId}/copy`, { classIds: [classId] });
      this.go(`/words/${copy.id}`);
    } catch (error) {
      this.status = this.message(error);
    }
  }

  override render() {
    const word = this.word;
    const lang = this.language;
    if (!word) return this.error ? html`<p class="error" role="alert">${this.error}</p>` : html`<p>…</p>`;
    const tracking = this.tracking;
    const acknowledged = tracking?.pupils.filter((p) => p.acknowledgement) ?? [];
    const pending = tracking?.pupils.filter((p) => !p.acknowledgement) ?? [];
    // Replies are shown open: folded away, a family's reply (an allergy note) was easy to miss.
    const withReplies = tracking?.pupils.filter((p) => p.replies > 0) ?? [];
    const notAnswered = word.question ? tracking?.pupils.filter((p) => !p.answer) ?? [] : [];
    return html`
      <p><a href="/apps/liaison/">← ${this.t('back')}</a></p>
      <article class="card">
        <h2>${word.title} ${categoryTag(CATEGORY_LABELS[word.category]?.[lang] ?? word.category)}</h2>
        <p class="muted">${word.classes.map((c) => c.label).join(', ')} — ${this.f('by', { name: word.author.displayName })}</p>
        <preau-rich-text class="body" .html=${word.body}></preau-rich-text>
        ${attachmentList(word.id, word.attachments, this.t('attachments'))}
        ${word.question ? html`<p><strong>${word.question.prompt}</strong> ${word.question.options.join(' / ')}</p>
          ${word.question.deadline ? html`<p data-deadline>${this.f('deadline', { date: formatInstant(word.question.deadline, lang) })}</p>` : nothing}` : nothing}
      </article>
      <section aria-labelledby="tracking-title" aria-live="polite">
        <h2 id="tracking-title">${this.t('tracking')}</h2>
        <p class="counts" data-counts>${countsLine(tracking ? { ...word, counts: tracking.counts } : word, lang)}</p>
        ${tracking?.lastReminder ? html`<p class="muted">${this.f('lastReminder', { date: formatInstant(tracking.lastReminder.at, lang) })}</p>` : nothing}
      </section>
      <div class="actions">
        ${word.sentAt ? html`<button @click=${this.remind} ?disabled=${pending.length === 0}>${this.t('remind')}</button>
          <a class="button secondary" href="/apps/liaison/words/${word.id}/print">${this.t('print')}</a>
          <a class="button secondary" href="/api/liaison/words/${word.id}/slips.pdf" download>${this.t('slipsPdf')}</a>` : nothing}
        ${word.editable ? html`<a class="button secondary" href="/apps/liaison/words/${word.id}/edit">${this.t('edit')}</a>
          <button class="danger" @click=${this.deleteWord}>${this.t('delete')}</button>` : nothing}
      </div>
      <p role="status">${this.status}</p>
      ${this.classes.length > 1 ? html`<form class="actions" @submit=${this.copy}>
        <label>${this.t('copy')}
          <select name="classId">${this.classes.filter((c) => !word.classes.some((w) => w.id === c.id)).map((c) => html`<option value=${c.id}>${c.label}</option>`)}</select>
        </label>
        <button class="secondary">${this.t('copyTo')}</button>
      </form>` : nothing}
      ${tracking ? html`
        ${word.question ? html`<section class="card" aria-labelledby="answers-title">
          <h3 id="answers-title">${this.t('answers')}</h3>
          <table><tbody>${tracking.answers.map((a) => html`<tr><th scope="row">${a.option}</th><td>${a.count}</td></tr>`)}</tbody></table>
        </section>` : nothing}
        <div class="lists">
          <section class="card" aria-labelledby="ack-title">
            <h3 id="ack-title">${this.t('acknowledgedList')} (${acknowledged.length})</h3>
            <ul class="people" data-list="acknowledged">
              ${acknowledged.map((p) => html`<li><strong>${p.displayName}</strong> — ${this.f('readBy', { name: p.acknowledgement!.by.displayName })}
                <span class="muted">(${formatInstant(p.acknowledgement!.at, lang)})</span>${p.answer ? html` — ${p.answer.option}` : nothing}</li>`)}
            </ul>
          </section>
          <section class="card" aria-labelledby="pending-title">
            <h3 id="pending-title">${this.t('pendingList')} (${pending.length})</h3>
            <ul class="people" data-list="pending">${pending.map((p) => html`<li>${p.displayName} <span class="muted">${p.classLabel}</span></li>`)}</ul>
          </section>
          ${word.question ? html`<section class="card" aria-labelledby="not-answered-title">
            <h3 id="not-answered-title">${this.t('notAnsweredList')} (${notAnswered.length})</h3>
            <ul class="people" data-list="not-answered">${notAnswered.map((p) => html`<li>${p.displayName} <span class="muted">${p.classLabel}</span></li>`)}</ul>
          </section>` : nothing}
        </div>
        <section aria-labelledby="replies-title">
          <h3 id="replies-title">${this.t('replies')}</h3>
          ${withReplies.length === 0 ? html`<p class="muted">${this.t('noReplies')}</p>` : html`<div class="replies">${withReplies.map((p) => html`<article class="card" aria-labelledby="replies-${p.id}">
            <h4 id="replies-${p.id}">${p.displayName} — ${p.replies === 1 ? this.t('oneReply') : this.f('repliesCount', { count: p.replies })}</h4>
            <liaison-conversation .wordId=${word.id} .pupilId=${p.id} .canWrite=${true}></liaison-conversation>
          </article>`)}</div>`}
        </section>` : nothing}
    `;
  }
}
customElements.define('liaison-word-tracking', LiaisonWordTracking);

declare global {
  interface HTMLElementTagNameMap {
    'liaison-word-tracking': LiaisonWordTracking;
  }
}
