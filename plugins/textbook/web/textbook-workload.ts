import { html, nothing } from 'lit';
import { formatDay } from '@preau/sdk/web';
import { TextbookElement } from './textbook-element.js';
import { addDays, mondayOf, parisToday } from './week.js';
import type { ClassList, Workload } from './types.js';

/**
 * The teacher's workload view: for one class and week, the estimated time of the homework due each day for the
 * whole class, and for pupils given differentiated work their own total.
 */
export class TextbookWorkload extends TextbookElement {
  static override properties = { classes: { state: true }, classId: { state: true }, monday: { state: true }, workload: { state: true }, error: { state: true } };
  classes: ClassList | null = null;
  classId = 0;
  monday = mondayOf(parisToday());
  workload: Workload | null = null;
  error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadClasses();
  }

  private async loadClasses(): Promise<void> {
    try {
      this.classes = await this.api.get<ClassList>('/api/textbook/classes');
      this.classId = Number(new URLSearchParams(location.search).get('class')) || (this.classes.classes[0]?.id ?? 0);
      await this.load();
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private async load(): Promise<void> {
    if (!this.classId) return;
    try {
      this.workload = await this.api.get<Workload>(`/api/textbook/classes/${this.classId}/workload?from=${this.monday}&to=${addDays(this.monday, 6)}`);
      this.error = '';
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private moveWeek(weeks: number): void {
    this.monday = addDays(this.monday, 7 * weeks);
    void this.load();
  }

  override render() {
    const lang = this.language;
    const classes = this.classes?.classes ?? [];
    if (this.classes && classes.length === 0) return html`<preau-empty-state heading=${this.t('noClass')}></preau-empty-state>`;
    const workload = this.workload;
    return html`
      <h2>${this.t('workloadTitle')}</h2>
      <p class="muted">${this.t('workloadHint')}</p>
      <div class="actions">
        <label>${this.t('chooseClass')}
          <select @change=${(e: Event) => { this.classId = Number((e.target as HTMLSelectElement).value); void this.load(); }}>
            ${classes.map((c) => html`<option value=${c.id} ?selected=${c.id === this.classId}>${c.label}</option>`)}
          </select>
        </label>
        <button class="secondary" @click=${() => this.moveWeek(-1)} aria-label=${this.t('previousWeek')}>←</button>
        <strong aria-live="polite">${this.f('weekOf', { from: formatDay(this.monday, lang), to: formatDay(addDays(this.monday, 6), lang) })}</strong>
        <button class="secondary" @click=${() => this.moveWeek(1)} aria-label=${this.t('nextWeek')}>→</button>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${workload && workload.days.length === 0 ? html`<preau-empty-state heading=${this.t('noWorkload')}></preau-empty-state>` : nothing}
      <ul class="plain">
        ${workload?.days.map((day) => html`<li class="card">
          <h3>${this.f('dueOn', { date: formatDay(day.dueOn, lang) })}</h3>
          <p>${this.f('wholeClassLoad', { minutes: day.wholeClass.minutes, count: day.wholeClass.count })}
            ${day.wholeClass.unestimated ? html`<span class="tag warning">${this.f('unestimated', { n: day.wholeClass.unestimated })}</span>` : nothing}</p>
          ${day.pupils.length ? html`<h4>${this.t('differentiatedLoad')}</h4><ul>
            ${day.pupils.map((p) => html`<li>${this.f('pupilLoad', { name: p.displayName, minutes: p.minutes, count: p.count })}
              ${p.unestimated ? html`<span class="tag warning">${this.f('unestimated', { n: p.unestimated })}</span>` : nothing}</li>`)}
          </ul>` : nothing}
        </li>`)}
      </ul>
    `;
  }
}
customElements.define('textbook-workload', TextbookWorkload);

declare global {
  interface HTMLElementTagNameMap {
    'textbook-workload': TextbookWorkload;
  }
}
