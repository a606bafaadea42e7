import { html, nothing } from 'lit';
import { formatDateTime, formatDay, onLiveSignal } from '@preau/sdk/web';
import { TextbookElement } from './textbook-element.js';
import type { Progress, StaffEntry } from './types.js';

/** "Qui a fait ?": per pupil of a homework, ticked or not, by whom and when, late ticks marked. */
export class TextbookProgress extends TextbookElement {
  static override properties = { entryId: {}, entry: { state: true }, progress: { state: true }, error: { state: true } };
  entryId = 0;
  entry: StaffEntry | null = null;
  progress: Progress | null = null;
  error = '';
  private stop?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    this.stop = onLiveSignal('textbook', () => void this.load());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop?.();
  }

  private async load(): Promise<void> {
    try {
      [this.entry, this.progress] = await Promise.all([
        this.api.get<StaffEntry>(`/api/textbook/entries/${this.entryId}`),
        this.api.get<Progress>(`/api/textbook/entries/${this.entryId}/progress`),
      ]);
      this.error = '';
    } catch (error) {
      this.error = this.message(error);
    }
  }

  override render() {
    const lang = this.language;
    const { entry, progress } = this;
    return html`
      <a href="/apps/textbook/?class=${entry?.classId ?? ''}&week=${entry?.day ?? ''}">← ${this.t('back')}</a>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${entry && progress ? html`
        <h2>${this.f('progressOf', { title: entry.title, count: progress.count, of: progress.of })}</h2>
        <p class="muted"><span class="tag">${entry.subject}</span> ${this.f('dueOn', { date: formatDay(progress.dueOn, lang) })}</p>
        <ul class="plain">
          ${progress.pupils.map((p) => html`<li class="card">
            <strong>${p.displayName}</strong> —
            ${p.done
              ? html`✅ ${this.f('doneBy', { name: p.done.by.displayName, date: formatDateTime(p.done.at, lang) })} ${p.done.late ? html`<span class="tag late">${this.t('late')}</span>` : nothing}`
              : html`<span class="muted">${this.t('notDone')}</span>`}
          </li>`)}
        </ul>` : nothing}
    `;
  }
}
customElements.define('textbook-progress', TextbookProgress);

declare global {
  interface HTMLElementTagNameMap {
    'textbook-progress': TextbookProgress;
  }
}
