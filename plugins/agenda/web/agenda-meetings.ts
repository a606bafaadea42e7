import { LitElement, css, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, formatDateTime, preauStyles, showToast } from '@preau/sdk/web';
import type { Calendar, MeetingRound, MeetingRoundDetail, MeetingSlot } from './api-types.js';
import { addDays, formatDayOf, timeOf, today } from './days.js';
import { meetingTexts, type MeetingTextKey } from './meeting-texts.js';

const WEEKDAYS = [1, 2, 3, 4, 5] as const;
const DURATIONS = [10, 15, 20, 30] as const;

/** The days between two dates (included) that fall on these weekdays (1 = Monday … 5 = Friday). */
function daysOn(first: string, last: string, weekdays: ReadonlySet<number>): string[] {
  const days: string[] = [];
  for (let day = first; day <= last && days.length < 60; day = addDays(day, 1)) {
    if (weekdays.has(((new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7) + 1)) days.push(day);
  }
  return days;
}

/**
 * Parent–teacher meetings: a family chooses, moves or cancels its child's slot; a teacher offers slots to the
 * families of their class, sees who booked and who has not, reminds the latter and prints the schedule.
 */
export class AgendaMeetings extends LitElement {
  static override properties = {
    language: {}, calendars: { attribute: false }, roundId: { type: Number, attribute: 'round-id' },
    rounds: { state: true }, detail: { state: true }, creating: { state: true }, weekdays: { state: true }, error: { state: true }, busy: { state: true },
  };
  static override styles = [preauStyles, css`
    :host { display: block; }
    .slots { display: grid; grid-template-columns: repeat(auto-fill, minmax(6.5rem, 1fr)); gap: var(--preau-space-2, 0.5rem); padding: 0; list-style: none; }
    .slots button { width: 100%; }
    .slots .taken { text-align: center; padding: 0.6rem 0; border-radius: var(--preau-radius-control, 8px); background: var(--preau-surface-alt, #eef0f4); color: var(--preau-muted, #4a5263); }
    .slots .mine { font-weight: 700; }
    .days { display: flex; flex-wrap: wrap; gap: var(--preau-space-3, 0.75rem); }
    .grid { display: grid; gap: var(--preau-space-3, 0.75rem); grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); }
    @media print { .actions, form, .back, [role='alert'] { display: none !important; } }
  `];

  language: 'fr' | 'en' = 'fr';
  calendars: Calendar[] = [];
  roundId = 0;
  rounds: MeetingRound[] = [];
  detail: MeetingRoundDetail | null = null;
  creating = false;
  weekdays = new Set<number>([2]);
  error = '';
  busy = false;
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });

  private t(key: MeetingTextKey, values?: Record<string, string | number>): string {
    return values ? meetingTexts.format(key, this.language, values) : meetingTexts.text(key, this.language);
  }

  private get managedClasses(): { id: number; name: string }[] {
    return this.calendars.filter((c) => c.kind === 'class' && c.classId !== null && (c.role === 'manage' || c.role === 'owner')).map((c) => ({ id: c.classId!, name: c.name }));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private fail(error: unknown): void {
    this.error = error instanceof ApiError ? error.message : String(error);
  }

  private async load(): Promise<void> {
    try {
      this.rounds = await this.api.value!.get<MeetingRound[]>('/api/agenda/meetings');
      this.detail = this.roundId ? await this.api.value!.get<MeetingRoundDetail>(`/api/agenda/meetings/${this.roundId}`) : null;
      this.error = '';
    } catch (error) {
      this.fail(error);
    }
  }

  private show(id: number): void {
    this.roundId = id;
    history.pushState(null, '', id ? `/apps/agenda/rendez-vous?round=${id}` : '/apps/agenda/rendez-vous');
    void this.load();
  }

  private when(wall: string): string {
    return `${formatDayOf(wall.slice(0, 10), this.language, { weekday: 'long', day: 'numeric', month: 'long' })}, ${timeOf(wall)}`;
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const field = (name: string) => String(data.get(name) ?? '');
    const days = daysOn(field('firstDay'), field('lastDay'), this.weekdays);
    if (days.length === 0) {
      this.error = this.t('noDay');
      return;
    }
    this.busy = true;
    try {
      const created = await this.api.value!.post<MeetingRoundDetail>('/api/agenda/meetings', {
        classId: Number(field('classId')), title: field('title'), place: field('place'), durationMinutes: Number(field('duration')),
        bookUntil: new Date(`${field('bookUntil')}T23:59:00`).toISOString(),
        days: days.map((day) => ({ day, from: field('from'), to: field('to') })),
      });
      this.creating = false;
      showToast(this.t('created'), 'success');
      this.show(created.id);
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  private async book(slot: MeetingSlot, pupilId: number): Promise<void> {
    try {
      this.detail = await this.api.value!.put<MeetingRoundDetail>(`/api/agenda/meetings/${this.detail!.id}/booking`, { slotId: slot.id, pupilId });
      this.error = '';
      showToast(this.t('booked'), 'success');
    } catch (error) {
      // Taken meanwhile: the slots as they are now, and why.
      await this.load();
      this.fail(error);
    }
  }

  private async cancelBooking(pupilId: number): Promise<void> {
    try {
      this.detail = await this.api.value!.delete<MeetingRoundDetail>(`/api/agenda/meetings/${this.detail!.id}/booking?pupilId=${pupilId}`);
      showToast(this.t('cancelled'), 'success');
    } catch (error) {
      this.fail(error);
    }
  }

  private async remind(): Promise<void> {
    try {
      const { reminded } = await this.api.value!.post<{ reminded: number }>(`/api/agenda/meetings/${this.detail!.id}/reminders`, {});
      showToast(this.t('reminded', { n: reminded }), 'success');
    } catch (error) {
      this.fail(error);
    }
  }

  private async removeRound(): Promise<void> {
    if (!confirm(this.t('confirmRemove'))) return;
    try {
      await this.api.value!.delete(`/api/agenda/meetings/${this.detail!.id}`);
      showToast(this.t('removed'), 'success');
      this.show(0);
    } catch (error) {
      this.fail(error);
    }
  }

  private form() {
    const classes = this.managedClasses;
    const start = addDays(today(), 7);
    return html`<form class="card" @submit=${this.create} aria-labelledby="offer-heading">
      <h3 id="offer-heading">${this.t('offer')}</h3>
      <div class="grid">
        <label>${this.t('className')}<select name="classId" required>${classes.map((c) => html`<option value=${c.id}>${c.name}</option>`)}</select></label>
        <label>${this.t('title')}<input name="title" required maxlength="200" .value=${this.t('defaultTitle')} /></label>
        <label>${this.t('place')}<input name="place" maxlength="200" /></label>
        <label>${this.t('duration')}<select name="duration">${DURATIONS.map((n) => html`<option value=${n} ?selected=${n === 15}>${this.t('minutes', { n })}</option>`)}</select></label>
        <label>${this.t('firstDay')}<input type="date" name="firstDay" required .value=${start} /></label>
        <label>${this.t('lastDay')}<input type="date" name="lastDay" required .value=${addDays(start, 7)} /></label>
        <label>${this.t('from')}<input type="time" name="from" required value="16:30" /></label>
        <label>${this.t('to')}<input type="time" name="to" required value="18:30" /></label>
        <label>${this.t('bookUntil')}<input type="date" name="bookUntil" required .value=${addDays(start, -1)} /></label>
      </div>
      <fieldset><legend>${this.t('weekdays')}</legend><div class="days">
        ${WEEKDAYS.map((d) => html`<label class="check"><input type="checkbox" .checked=${this.weekdays.has(d)}
          @change=${(e: Event) => { const next = new Set(this.weekdays); if ((e.target as HTMLInputElement).checked) next.add(d); else next.delete(d); this.weekdays = next; }} />
          ${formatDayOf(addDays('2026-01-05', d - 1), this.language, { weekday: 'long' })}</label>`)}
      </div></fieldset>
      <p class="actions"><button type="submit" ?disabled=${this.busy}>${this.t('create')}</button>
        <button type="button" class="secondary" @click=${() => (this.creating = false)}>${this.t('cancel')}</button></p>
    </form>`;
  }

  private list() {
    const canOffer = this.managedClasses.length > 0;
    return html`
      ${canOffer && !this.creating ? html`<p class="actions"><button @click=${() => (this.creating = true)}>${this.t('offer')}</button></p>` : nothing}
      ${this.creating ? this.form() : nothing}
      ${this.rounds.length === 0
        ? html`<preau-empty-state heading=${this.t('none')}><p>${canOffer ? this.t('noneTeacher') : this.t('noneFamily')}</p></preau-empty-state>`
        : html`<ul class="cards">${this.rounds.map((round) => html`<li class="card">
            <h3>${round.title}</h3>
            <p class="muted">${round.classLabel}${round.place ? ` · ${round.place}` : ''}</p>
            ${round.manager
              ? html`<p>${this.t('slotsBooked', { booked: round.booked, slots: round.slots })}</p>`
              : round.children.map((child) => html`<p>${child.slot ? this.t('yourSlot', { name: child.displayName, when: this.when(child.slot) }) : this.t('noSlotYet', { name: child.displayName })}</p>`)}
            <p class="muted">${round.open ? this.t('until', { date: formatDateTime(round.bookUntil, this.language) }) : this.t('closed')}</p>
            <p class="actions"><button class="secondary" @click=${() => this.show(round.id)} aria-label=${`${this.t('open')} : ${round.title}`}>${this.t('open')}</button></p>
          </li>`)}</ul>`}`;
  }

  private byDay(slots: MeetingSlot[]): [string, MeetingSlot[]][] {
    const days = new Map<string, MeetingSlot[]>();
    for (const slot of slots) days.set(slot.start.slice(0, 10), [...(days.get(slot.start.slice(0, 10)) ?? []), slot]);
    return [...days];
  }

  private familyView(round: MeetingRoundDetail) {
    return round.children.map((child) => html`<section aria-labelledby=${`child-${child.id}`}>
      <h3 id=${`child-${child.id}`}>${child.slot ? this.t('yourSlot', { name: child.displayName, when: this.when(child.slot) }) : this.t('chooseFor', { name: child.displayName })}</h3>
      ${child.slot && round.open ? html`<p class="actions"><button class="danger" @click=${() => this.cancelBooking(child.id)}>${this.t('cancelBooking')}</button></p>` : nothing}
      ${round.open ? this.byDay(round.slotList).map(([day, slots]) => html`<h4>${formatDayOf(day, this.language, { weekday: 'long', day: 'numeric', month: 'long' })}</h4>
        <ul class="slots">${slots.map((slot) => {
          const mine = slot.pupil?.id === child.id;
          return html`<li>${slot.booked
            ? html`<div class="taken ${mine ? 'mine' : ''}">${timeOf(slot.start)} · ${mine ? '✓' : this.t('taken')}</div>`
            : html`<button class="secondary" @click=${() => this.book(slot, child.id)} aria-label=${this.t('book', { time: this.when(slot.start) })}>${timeOf(slot.start)}</button>`}</li>`;
        })}</ul>`) : html`<p class="notice">${this.t('closed')}</p>`}
    </section>`);
  }

  private managerView(round: MeetingRoundDetail) {
    return html`
      <p class="actions">
        <button class="secondary" @click=${() => print()}>${this.t('print')}</button>
        <button class="danger" @click=${this.removeRound}>${this.t('remove')}</button>
      </p>
      <h3>${this.t('schedule')}</h3>
      ${this.byDay(round.slotList).map(([day, slots]) => html`<h4>${formatDayOf(day, this.language, { weekday: 'long', day: 'numeric', month: 'long' })}</h4>
        <div class="table-wrap" tabindex="0" role="region" aria-label=${`${this.t('schedule')} ${day}`}><table>
          <thead><tr><th scope="col">${this.t('time')}</th><th scope="col">${this.t('family')}</th><th scope="col">${this.t('bookedBy')}</th></tr></thead>
          <tbody>${slots.map((slot) => html`<tr><td>${timeOf(slot.start)}–${timeOf(slot.end)}</td><td>${slot.pupil?.displayName ?? this.t('free')}</td><td>${slot.bookedBy ?? ''}</td></tr>`)}</tbody>
        </table></div>`)}
      <h3>${this.t('notBooked', { n: round.notBooked.length })}</h3>
      ${round.notBooked.length === 0
        ? html`<p class="success">${this.t('everyoneBooked')}</p>`
        : html`<ul class="plain">${round.notBooked.map((p) => html`<li>${p.displayName}</li>`)}</ul>
          ${round.open ? html`<p class="actions"><button @click=${this.remind}>${this.t('remind')}</button></p>` : nothing}`}`;
  }

  override render() {
    const round = this.detail;
    return html`
      <h2>${round ? round.title : this.t('heading')}</h2>
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing}
      ${round
        ? html`<p class="back"><a href="/apps/agenda/rendez-vous" @click=${(e: Event) => { e.preventDefault(); this.show(0); }}>${this.t('back')}</a></p>
          <p class="muted">${round.classLabel}${round.place ? ` · ${round.place}` : ''} · ${round.open ? this.t('until', { date: formatDateTime(round.bookUntil, this.language) }) : this.t('closed')}</p>
          ${round.manager ? this.managerView(round) : this.familyView(round)}`
        : this.list()}
    `;
  }
}
customElements.define('agenda-meetings', AgendaMeetings);

declare global {
  interface HTMLElementTagNameMap {
    'agenda-meetings': AgendaMeetings;
  }
}
