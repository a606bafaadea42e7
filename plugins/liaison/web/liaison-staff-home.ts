import { html, css } from 'lit';
import { formatDay, onLiveConnected, onLiveSignal } from '@preau/sdk/web';
import { LiaisonElement } from './liaison-element.js';
import { CATEGORY_LABELS, formatInstant } from './i18n.js';
import { categoryTag, countsLine } from './word-summary.js';
import type { ClassView, StaffWordView } from './types.js';

/** A teacher's notebook: the words they follow with their counts, and their classes' pauses. */
export class LiaisonStaffHome extends LiaisonElement {
  static override properties = { words: { state: true }, classes: { state: true }, error: { state: true }, more: { state: true }, holidays: { state: true } };
  static override styles = [
    LiaisonElement.styles,
    css`
      ul.words { list-style: none; padding: 0; display: grid; gap: 0.75rem; }
      .words a.title { font-weight: 700; font-size: 1.1rem; }
      .counts { font-weight: 700; }
      .classes { display: grid; gap: 0.75rem; }
      .pause-form { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
    `,
  ];
  words: StaffWordView[] = [];
  classes: ClassView[] = [];
  error = '';
  more = false;
  /** The next school holidays, from whichever app keeps them: a class is paused until they end in one click. */
  holidays: NextHolidays | null = null;
  private stop?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    // Counts move while families read: the list follows.
    const stopSignal = onLiveSignal('liaison', () => void this.load());
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

  private async load(before?: number): Promise<void> {
    try {
      const page = await this.api.get<StaffWordView[]>(`/api/liaison/words?limit=20${before ? `&before=${before}` : ''}`);
      this.words = before ? [...this.words, ...page] : page;
      this.more = page.length === 20;
      if (!before) this.classes = await this.api.get<ClassView[]>('/api/liaison/classes').catch(() => []);
      if (!before && this.classes.length > 0 && !this.holidays) this.holidays = await this.nextHolidays();
      this.error = '';
    } catch (error) {
      this.error = this.message(error);
    }
  }

  /** The holidays that have not ended yet, nearest first, over the two months the core answers for at once. */
  private async nextHolidays(): Promise<NextHolidays | null> {
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date());
    const until = new Date(Date.parse(`${today}T12:00:00Z`) + 62 * 86_400_000).toISOString().slice(0, 10);
    // Without an app keeping the holidays (or if it fails), the form is as before.
    const answers = await this.api.get<{ items: { title: string; day: string; lastDay?: string }[] }[]>(`/api/core/dated-items?from=${today}&to=${until}&kind=school-holidays`).catch(() => []);
    const next = answers.flatMap((answer) => answer.items)
      .map((item) => ({ name: item.title, lastDay: item.lastDay ?? item.day }))
      .filter((holidays) => holidays.lastDay >= today)
      .sort((a, b) => a.lastDay.localeCompare(b.lastDay))[0];
    return next ?? null;
  }

  private async pause(event: SubmitEvent, classId: number): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    // The holidays button pauses until they end, with their name when no other reason is typed.
    const holidays = (event.submitter as HTMLButtonElement | null)?.value === 'holidays' ? this.holidays : null;
    const reason = (data.get('reason') as string) || holidays?.name || null;
    try {
      await this.api.put(`/api/liaison/classes/${classId}/pause`, { until: holidays?.lastDay ?? ((data.get('until') as string) || null), reason });
      await this.load();
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private async resume(classId: number): Promise<void> {
    await this.api.delete(`/api/liaison/classes/${classId}/pause`).catch((error: unknown) => (this.error = this.message(error)));
    await this.load();
  }

  override render() {
    const lang = this.language;
    return html`
      <div class="actions"><a class="button" href="/apps/liaison/new">${this.t('newWord')}</a></div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <section aria-labelledby="words-title">
        <h2 id="words-title">${this.t('myWords')}</h2>
        ${this.words.length === 0 ? html`<preau-empty-state heading=${this.t('noWords')}></preau-empty-state>` : ''}
        <ul class="words">
          ${this.words.map((word) => html`<li class="card">
            <a class="title" href="/apps/liaison/words/${word.id}">${word.title}</a>
            ${categoryTag(CATEGORY_LABELS[word.category]?.[lang] ?? word.category)}
            <div class="muted">${word.classes.map((c) => c.label).join(', ')} — ${word.sentAt ? this.f('sentOn', { date: formatInstant(word.sentAt, lang) }) : ''}</div>
            <div class="counts" data-word-counts=${word.id}>${countsLine(word, lang)}</div>
          </li>`)}
        </ul>
        ${this.more ? html`<button class="secondary" @click=${() => this.load(this.words.at(-1)!.id)}>${this.t('loadMore')}</button>` : ''}
      </section>
      ${this.classes.length ? html`<section aria-labelledby="classes-title">
        <h2 id="classes-title">${this.t('classes')}</h2>
        <div class="classes">
          ${this.classes.map((c) => html`<div class="card">
            <strong>${c.label}</strong>
            ${c.pause
              ? html`<p>${c.pause.until ? this.f('pausedUntil', { date: formatDay(c.pause.until, lang) }) : this.t('paused')}${c.pause.reason ? ` (${c.pause.reason})` : ''}</p>
                  <button class="secondary" @click=${() => this.resume(c.id)}>${this.t('resume')}</button>`
              : html`<form class="pause-form" @submit=${(e: SubmitEvent) => this.pause(e, c.id)} aria-label="${this.t('pause')} — ${c.label}">
                  <label>${this.t('pauseUntil')}<input type="date" name="until"></label>
                  <label>${this.t('pauseReason')}<input name="reason" maxlength="300"></label>
                  <button class="secondary">${this.t('pause')}</button>
                  ${this.holidays ? html`<button class="secondary" name="pause" value="holidays">${this.f('pauseForHolidays', { name: this.holidays.name, date: formatDay(this.holidays.lastDay, lang) })}</button>` : ''}
                </form>`}
          </div>`)}
        </div>
      </section>` : ''}
    `;
  }
}
interface NextHolidays {
  name: string;
  /** Their last day, included: families can reply again the day school starts. */
  lastDay: string;
}

customElements.define('liaison-staff-home', LiaisonStaffHome);

declare global {
  interface HTMLElementTagNameMap {
    'liaison-staff-home': LiaisonStaffHome;
  }
}
