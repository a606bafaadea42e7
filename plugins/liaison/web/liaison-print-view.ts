import { html, css, nothing } from 'lit';
import { LiaisonElement } from './liaison-element.js';
import { formatInstant } from './i18n.js';
import type { StaffWordView, TrackingView } from './types.js';

/**
 * The print view of a word: the word itself, then one slip per pupil (name, class, word, a line to sign) for
 * families without internet. The shell's print style hides its own chrome; slips never break across pages.
 */
export class LiaisonPrintView extends LiaisonElement {
  static override properties = { wordId: { type: Number }, word: { state: true }, tracking: { state: true }, error: { state: true } };
  static override styles = [
    LiaisonElement.styles,
    css`
      .slips { display: grid; gap: 0; }
      .slip { border: 1px dashed var(--preau-border, #6b7385); padding: 0.75rem 1rem; margin: 0.5rem 0; break-inside: avoid; page-break-inside: avoid; }
      .slip h3 { margin: 0 0 0.25rem; font-size: 1rem; }
      .sign { margin-top: 1.5rem; border-bottom: 1px solid var(--preau-fg, #1b1f2a); padding-bottom: 0.25rem; }
      .question .choices { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; margin: 0.25rem 0; }
      @media print {
        .no-print { display: none !important; }
        /* On paper a link is only its text: its address follows it. */
        .body a[href^='http']::after, .body a[href^='mailto:']::after { content: ' (' attr(href) ')'; font-size: 0.9em; }
        .card { box-shadow: none; border: 1px solid var(--preau-border-subtle, #d5d9e2); }
        .slip { font-size: 10pt; }
      }
    `,
  ];
  wordId = 0;
  word: StaffWordView | null = null;
  tracking: TrackingView | null = null;
  error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.word = await this.api.get<StaffWordView>(`/api/liaison/words/${this.wordId}`);
      this.tracking = await this.api.get<TrackingView>(`/api/liaison/words/${this.wordId}/tracking`);
    } catch (error) {
      this.error = this.message(error);
    }
  }

  /** The word's question with a box before each answer: on every slip, since it is what the family signs for. */
  private renderQuestion(word: StaffWordView) {
    const question = word.question;
    if (!question) return nothing;
    return html`<div class="question">
      <p><strong>${question.prompt}</strong></p>
      <p class="choices">${question.options.map((o) => html`<span>☐ ${o}</span>`)}</p>
      ${question.deadline ? html`<p class="muted">${this.f('deadline', { date: formatInstant(question.deadline, this.language) })}</p>` : nothing}
    </div>`;
  }

  override render() {
    const word = this.word;
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    if (!word || !this.tracking) return html`<p>…</p>`;
    const date = word.sentAt ? formatInstant(word.sentAt, this.language) : '';
    return html`
      <div class="actions no-print">
        <button @click=${() => window.print()}>${this.t('print')}</button>
        <a class="button secondary" href="/api/liaison/words/${word.id}/slips.pdf" download>${this.t('slipsPdf')}</a>
        <a class="button secondary" href="/apps/liaison/words/${word.id}">${this.t('tracking')}</a>
      </div>
      <article class="card" data-print="word">
        <h2>${word.title}</h2>
        <p class="muted">${word.author.displayName} — ${date}</p>
        <preau-rich-text class="body" .html=${word.body}></preau-rich-text>
        ${this.renderQuestion(word)}
      </article>
      <h2>${this.t('printSlips')}</h2>
      <div class="slips">
        ${this.tracking.pupils.map((p) => html`<section class="slip" data-slip=${p.id}>
          <h3>${p.displayName} — ${p.classLabel}</h3>
          <strong>${word.title}</strong> <span class="muted">(${date})</span>
          <preau-rich-text class="body" .html=${word.body}></preau-rich-text>
          ${this.renderQuestion(word)}
          <p class="sign">${this.t('signHere')}</p>
        </section>`)}
      </div>
    `;
  }
}
customElements.define('liaison-print-view', LiaisonPrintView);

declare global {
  interface HTMLElementTagNameMap {
    'liaison-print-view': LiaisonPrintView;
  }
}
