import { LitElement, css, html, nothing } from 'lit';
import type { Calendar, Occurrence, View } from './api-types.js';
import { addDays, covers, formatDayOf, mondayOf, monthGrid, timeOf, today } from './days.js';
import { texts } from './texts.js';

const MAX_IN_CELL = 3;

/**
 * The occurrences of the period as a month grid, a week, a day or the upcoming list, each in its calendar's
 * colour. Reports `agenda-open` (an occurrence chosen) and `agenda-day` (a day of the month chosen).
 */
export class AgendaView extends LitElement {
  static override properties = { view: {}, anchor: {}, language: {}, occurrences: { attribute: false }, calendars: { attribute: false }, holidays: { attribute: false } };
  static override styles = css`
    :host { display: block; }
    table { width: 100%; border-collapse: collapse; table-layout: fixed; }
    caption { text-align: start; font-weight: 700; padding: 0.25rem 0; }
    th { font-size: 0.85rem; color: var(--preau-muted, #4a5263); padding: 0.25rem; }
    td { vertical-align: top; border: 1px solid #d4d8df; height: 6.5rem; padding: 0.25rem; }
    td.other { background: #f4f5f7; }
    td.today .number { background: var(--preau-accent, #1f5fbf); color: #fff; border-radius: 999px; }
    .number { display: inline-block; min-width: 2rem; min-height: 2rem; line-height: 2rem; text-align: center; border: none; background: none; font: inherit; cursor: pointer; border-radius: 6px; }
    button.chip { display: block; width: 100%; text-align: start; border: none; border-radius: 6px; color: #fff; padding: 0.15rem 0.35rem; margin: 0.15rem 0; font: inherit; font-size: 0.85rem; cursor: pointer; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-height: 1.75rem; }
    button:focus-visible { outline: var(--preau-focus, 3px solid #f2a900); outline-offset: 2px; }
    .days { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: 0.5rem; }
    section.day { border: 1px solid #d4d8df; border-radius: 8px; padding: 0.5rem; }
    section.day.today { border-color: var(--preau-accent, #1f5fbf); border-width: 2px; }
    h3 { font-size: 1rem; margin: 0 0 0.5rem; }
    ul { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.35rem; }
    li button.item { display: grid; grid-template-columns: 0.4rem 1fr; gap: 0.5rem; width: 100%; text-align: start; background: var(--preau-surface, #fff); border: 1px solid #d4d8df; border-radius: 8px; padding: 0.5rem; font: inherit; cursor: pointer; min-height: 44px; }
    .bar { border-radius: 4px; }
    .when { font-size: 0.85rem; color: var(--preau-muted, #4a5263); }
    .holiday { display: block; font-size: 0.8rem; font-style: italic; color: #7a2e0e; }
    .list section { margin-bottom: 1rem; }
    @media (max-width: 40rem) { td { height: 4.5rem; } button.chip { font-size: 0.75rem; } }
  `;
  view: View = 'month';
  anchor = today();
  language: 'fr' | 'en' = 'fr';
  occurrences: Occurrence[] = [];
  calendars: Calendar[] = [];
  /** French public holidays of the period, by day. */
  holidays: Record<string, string> = {};

  private colour(occurrence: Occurrence): string {
    return this.calendars.find((c) => c.id === occurrence.calendarId)?.color ?? '#374151';
  }

  private calendarName(occurrence: Occurrence): string {
    return this.calendars.find((c) => c.id === occurrence.calendarId)?.name ?? '';
  }

  private open(occurrence: Occurrence): void {
    this.dispatchEvent(new CustomEvent('agenda-open', { detail: occurrence, bubbles: true, composed: true }));
  }

  private when(occurrence: Occurrence): string {
    const t = (key: Parameters<typeof texts.text>[0]) => texts.text(key, this.language);
    if (occurrence.allDay) return t('allDay');
    return `${timeOf(occurrence.start)} – ${timeOf(occurrence.end)}`;
  }

  /** What a screen reader says of a chip: title, time and calendar. */
  private label(occurrence: Occurrence): string {
    return `${occurrence.title}, ${this.when(occurrence)}, ${this.calendarName(occurrence)}${occurrence.place ? `, ${occurrence.place}` : ''}`;
  }

  private onDay(day: string): Occurrence[] {
    return this.occurrences.filter((o) => covers(o, day)).sort((a, b) => Number(b.allDay) - Number(a.allDay) || a.start.localeCompare(b.start));
  }

  private month() {
    const days = monthGrid(this.anchor);
    const month = this.anchor.slice(0, 7);
    const names = texts.text('weekdays', this.language).split(',');
    const now = today();
    const weeks = Array.from({ length: days.length / 7 }, (_, i) => days.slice(i * 7, i * 7 + 7));
    return html`<table>
      <caption>${formatDayOf(this.anchor, this.language, { month: 'long', year: 'numeric' })}</caption>
      <thead><tr>${names.map((name) => html`<th scope="col">${name}</th>`)}</tr></thead>
      <tbody>${weeks.map((week) => html`<tr>${week.map((day) => {
        const items = this.onDay(day);
        const label = formatDayOf(day, this.language, { weekday: 'long', day: 'numeric', month: 'long' });
        return html`<td class=${`${day.slice(0, 7) === month ? '' : 'other'} ${day === now ? 'today' : ''}`}>
          <button class="number" aria-label=${this.holidays[day] ? `${label}, ${this.holidays[day]}` : label} @click=${() => this.dispatchEvent(new CustomEvent('agenda-day', { detail: day, bubbles: true, composed: true }))}>${Number(day.slice(8))}</button>
          ${this.holidays[day] ? html`<span class="holiday" aria-hidden="true">${this.holidays[day]}</span>` : nothing}
          ${items.slice(0, MAX_IN_CELL).map((o) => html`<button class="chip" style="background:${this.colour(o)}" aria-label=${this.label(o)} @click=${() => this.open(o)}>${o.allDay ? '' : `${timeOf(o.start)} `}${o.title}</button>`)}
          ${items.length > MAX_IN_CELL
            ? html`<button class="number" style="width:100%" @click=${() => this.dispatchEvent(new CustomEvent('agenda-day', { detail: day, bubbles: true, composed: true }))}>${texts.format('more', this.language, { n: items.length - MAX_IN_CELL })}</button>`
            : nothing}
        </td>`;
      })}</tr>`)}</tbody>
    </table>`;
  }

  private item(o: Occurrence) {
    return html`<li><button class="item" @click=${() => this.open(o)} aria-label=${this.label(o)}>
      <span class="bar" style="background:${this.colour(o)}"></span>
      <span><strong>${o.title}</strong><br /><span class="when">${this.when(o)} · ${this.calendarName(o)}${o.place ? ` · ${o.place}` : ''}</span></span>
    </button></li>`;
  }

  private daySection(day: string, showEmpty: boolean) {
    const items = this.onDay(day);
    if (!showEmpty && items.length === 0) return nothing;
    return html`<section class=${`day ${day === today() ? 'today' : ''}`} aria-label=${formatDayOf(day, this.language, { weekday: 'long', day: 'numeric', month: 'long' })}>
      <h3>${formatDayOf(day, this.language, { weekday: 'long', day: 'numeric', month: 'long' })}</h3>
      ${this.holidays[day] ? html`<p class="holiday">${this.holidays[day]}</p>` : nothing}
      ${items.length ? html`<ul>${items.map((o) => this.item(o))}</ul>` : html`<p class="when">${texts.text('nothing', this.language)}</p>`}
    </section>`;
  }

  override render() {
    if (this.view === 'month') return this.month();
    if (this.view === 'week') {
      const monday = mondayOf(this.anchor);
      return html`<div class="days">${Array.from({ length: 7 }, (_, i) => this.daySection(addDays(monday, i), true))}</div>`;
    }
    if (this.view === 'day') return html`<div class="days">${this.daySection(this.anchor, true)}</div>`;
    const days = [...new Set(this.occurrences.flatMap((o) => (o.allDay ? [o.start < this.anchor ? this.anchor : o.start] : [o.start.slice(0, 10)])))].sort();
    return days.length
      ? html`<div class="list">${days.map((day) => this.daySection(day, false))}</div>`
      : html`<p>${texts.text('nothingUpcoming', this.language)}</p>`;
  }
}
customElements.define('agenda-view', AgendaView);

declare global {
  interface HTMLElementTagNameMap {
    'agenda-view': AgendaView;
  }
}
