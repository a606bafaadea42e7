import { LitElement, css, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, formProblem } from '@preau/sdk/web';
import { roleIncludes, type Calendar, type Occurrence, type Recurrence } from './api-types.js';
import { today } from './days.js';
import { texts } from './texts.js';

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const PRESETS = [null, 15, 60, 1440] as const;

/**
 * Adding or changing an event with the common editor: all-day or timed (Paris wall times), repetition,
 * reminder; for an occurrence of a series, whether the change is for it, it and the following, or all.
 * Reports `agenda-saved` after a write and `agenda-cancel`.
 */
export class AgendaEventForm extends LitElement {
  static override properties = {
    calendars: { attribute: false }, occurrence: { attribute: false }, day: {}, language: {},
    allDay: { state: true }, frequency: { state: true }, reminder: { state: true }, error: { state: true }, startDay: { state: true }, weekdays: { state: true },
  };
  static override styles = css`
    :host { display: block; }
    form { display: grid; gap: 0.9rem; }
    label { display: grid; gap: 0.25rem; font-weight: 600; }
    input, select { font: inherit; min-height: 44px; padding: 0.4rem 0.6rem; border: 1px solid #6b7385; border-radius: 8px; }
    fieldset { border: 1px solid #c5cad3; border-radius: 8px; display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; padding: 0.75rem; }
    legend { font-weight: 600; }
    .check { display: flex; gap: 0.4rem; align-items: center; font-weight: normal; }
    .check input { min-height: auto; width: 1.25rem; height: 1.25rem; }
    .row { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0.75rem; }
    .actions { display: flex; gap: 0.5rem; flex-wrap: wrap; }
    button { font: inherit; min-height: 44px; padding: 0.5rem 1rem; border-radius: 8px; border: 1px solid #1f5fbf; background: #fff; color: #1f5fbf; cursor: pointer; }
    button.primary { background: #1f5fbf; color: #fff; }
    button.danger { border-color: #b3261e; color: #b3261e; }
    :is(button, input, select):focus-visible { outline: var(--preau-focus, 3px solid #f2a900); outline-offset: 2px; }
    [role='alert'] { color: #b3261e; font-weight: 600; }
  `;
  calendars: Calendar[] = [];
  occurrence?: Occurrence;
  /** The day a new event starts on. */
  day = today();
  language: 'fr' | 'en' = 'fr';
  allDay = false;
  frequency = '';
  reminder = '';
  error = '';
  /** The start's day as typed: a weekly repetition happens on its weekday unless others are ticked. */
  startDay = '';
  /** Weekdays the user ticked; null while they ticked none (the start's weekday then). */
  weekdays: string[] | null = null;
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('occurrence')) {
      const o = this.occurrence;
      this.allDay = o?.allDay ?? false;
      this.frequency = o?.recurrence?.frequency ?? '';
      const minutes = o?.reminderMinutes ?? null;
      this.reminder = minutes === null ? '' : PRESETS.includes(minutes as 15) ? String(minutes) : 'custom';
      this.weekdays = o?.recurrence?.weekdays ?? null;
      this.startDay = o ? o.start.slice(0, 10) : this.day;
    }
  }

  private get chosenDays(): string[] {
    const day = /^\d{4}-\d{2}-\d{2}/.test(this.startDay) ? this.startDay.slice(0, 10) : this.day;
    return this.weekdays?.length ? this.weekdays : [WEEKDAYS[(new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7]!];
  }

  private tick(day: string, on: boolean): void {
    const current = new Set(this.chosenDays);
    if (on) current.add(day);
    else current.delete(day);
    this.weekdays = WEEKDAYS.filter((d) => current.has(d));
  }

  private t(key: Parameters<typeof texts.text>[0]): string {
    return texts.text(key, this.language);
  }

  private body(form: HTMLFormElement) {
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '');
    const editor = this.renderRoot.querySelector<HTMLElement & { value: string }>('preau-editor');
    const recurrence: Recurrence | null = this.frequency
      ? {
        frequency: this.frequency as Recurrence['frequency'], interval: 1,
        ...(this.frequency === 'weekly' ? { weekdays: this.chosenDays } : {}),
        ...(value('until') ? { until: value('until') } : {}),
      }
      : null;
    const reminderMinutes = this.reminder === '' ? null : this.reminder === 'custom' ? Number(value('customMinutes')) : Number(this.reminder);
    return {
      title: value('title'), place: value('place'), description: editor?.value ?? '',
      allDay: this.allDay,
      start: this.allDay ? value('startDay') : value('start'),
      end: this.allDay ? value('endDay') : value('end'),
      recurrence, reminderMinutes,
    };
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const form = this.renderRoot.querySelector('form')!;
    this.error = formProblem(form, this.language);
    if (this.error) return;
    const body = this.body(form);
    const scope = String(new FormData(form).get('scope') ?? 'all');
    try {
      const o = this.occurrence;
      const saved = o
        ? await this.api.value!.put<Occurrence>(`/api/agenda/events/${o.eventId}`, { ...body, scope, ...(o.recurrence && o.occurrence ? { occurrence: o.occurrence } : {}) })
        : await this.api.value!.post<Occurrence>('/api/agenda/events', { ...body, calendarId: Number(new FormData(form).get('calendar')) });
      this.dispatchEvent(new CustomEvent('agenda-saved', { detail: saved, bubbles: true, composed: true }));
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private async deleteEvent(): Promise<void> {
    const o = this.occurrence!;
    const form = this.renderRoot.querySelector('form')!;
    const scope = String(new FormData(form).get('scope') ?? 'all');
    const query = o.recurrence && o.occurrence ? `?scope=${scope}&occurrence=${encodeURIComponent(o.occurrence)}` : '';
    try {
      await this.api.value!.delete(`/api/agenda/events/${o.eventId}${query}`);
      this.dispatchEvent(new CustomEvent('agenda-saved', { detail: null, bubbles: true, composed: true }));
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  override render() {
    const o = this.occurrence;
    const writable = this.calendars.filter((c) => roleIncludes(c.role, 'contribute'));
    const startDay = o ? o.start.slice(0, 10) : this.day;
    const start = o && !o.allDay ? o.start : `${this.day}T09:00`;
    const end = o && !o.allDay ? o.end : `${this.day}T10:00`;
    const names = texts.text('weekdays', this.language).split(',');
    const chosenDays = this.chosenDays;
    const typed = (e: Event) => (this.startDay = (e.target as HTMLInputElement).value);
    return html`<form novalidate @submit=${this.save} aria-label=${o ? this.t('edit') : this.t('newEvent')}>
      ${o ? nothing : html`<label>${this.t('calendar')}
        <select name="calendar" required>${writable.map((c) => html`<option value=${c.id}>${c.name}</option>`)}</select></label>`}
      <label>${this.t('eventTitle')}<input name="title" required maxlength="200" .value=${o?.title ?? ''} autocomplete="off" /></label>
      <label class="check"><input type="checkbox" .checked=${this.allDay} @change=${(e: Event) => (this.allDay = (e.target as HTMLInputElement).checked)} />${this.t('allDay')}</label>
      ${this.allDay
        ? html`<div class="row">
            <label>${this.t('startDay')}<input type="date" name="startDay" required .value=${startDay} @input=${typed} /></label>
            <label>${this.t('endDay')}<input type="date" name="endDay" required .value=${o?.allDay ? o.end : startDay} /></label></div>`
        : html`<div class="row">
            <label>${this.t('start')}<input type="datetime-local" name="start" required .value=${start} @input=${typed} /></label>
            <label>${this.t('end')}<input type="datetime-local" name="end" required .value=${end} /></label></div>`}
      <label>${this.t('place')}<input name="place" maxlength="200" .value=${o?.place ?? ''} /></label>
      <preau-editor label=${this.t('description')} .value=${o?.description ?? ''}></preau-editor>
      <div class="row">
        <label>${this.t('repeat')}
          <select @change=${(e: Event) => (this.frequency = (e.target as HTMLSelectElement).value)}>
            ${(['', 'daily', 'weekly', 'monthly', 'yearly'] as const).map((f) => html`<option value=${f} ?selected=${this.frequency === f}>${this.t(f || 'never')}</option>`)}
          </select></label>
        ${this.frequency ? html`<label>${this.t('until')}<input type="date" name="until" .value=${o?.recurrence?.until ?? ''} min=${startDay} /></label>` : nothing}
      </div>
      ${this.frequency === 'weekly'
        ? html`<fieldset><legend>${this.t('onDays')}</legend>${WEEKDAYS.map((d, i) => html`<label class="check"><input type="checkbox" name="weekday" value=${d} .checked=${chosenDays.includes(d)} @change=${(e: Event) => this.tick(d, (e.target as HTMLInputElement).checked)} />${names[i]}</label>`)}</fieldset>`
        : nothing}
      <div class="row">
        <label>${this.t('reminder')}
          <select @change=${(e: Event) => (this.reminder = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${this.reminder === ''}>${this.t('noReminder')}</option>
            <option value="15" ?selected=${this.reminder === '15'}>${this.t('min15')}</option>
            <option value="60" ?selected=${this.reminder === '60'}>${this.t('hour1')}</option>
            <option value="1440" ?selected=${this.reminder === '1440'}>${this.t('day1')}</option>
            <option value="custom" ?selected=${this.reminder === 'custom'}>${this.t('custom')}</option>
          </select></label>
        ${this.reminder === 'custom' ? html`<label>${this.t('customMinutes')}<input type="number" name="customMinutes" required min="0" max="40320" .value=${String(o?.reminderMinutes ?? 30)} /></label>` : nothing}
      </div>
      ${o?.recurrence && o.occurrence
        ? html`<fieldset><legend>${this.t('scope')}</legend>
            <label class="check"><input type="radio" name="scope" value="this" checked />${this.t('scopeThis')}</label>
            <label class="check"><input type="radio" name="scope" value="following" />${this.t('scopeFollowing')}</label>
            <label class="check"><input type="radio" name="scope" value="all" />${this.t('scopeAll')}</label></fieldset>`
        : nothing}
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      <div class="actions">
        <button class="primary" type="submit">${this.t('save')}</button>
        ${o ? html`<button class="danger" type="button" @click=${this.deleteEvent}>${this.t('delete')}</button>` : nothing}
        <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('agenda-cancel', { bubbles: true, composed: true }))}>${this.t('cancel')}</button>
      </div>
    </form>`;
  }
}
customElements.define('agenda-event-form', AgendaEventForm);

declare global {
  interface HTMLElementTagNameMap {
    'agenda-event-form': AgendaEventForm;
  }
}

