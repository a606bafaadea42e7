import { LitElement, css, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, languageContext, openShareDialog, userContext } from '@preau/sdk/web';
import { roleIncludes, type Calendar, type DatedItems, type Occurrence, type View } from './api-types.js';
import { addDays, addMonths, formatDayOf, instantBefore, mondayOf, monthGrid, today } from './days.js';
import { texts } from './texts.js';
import './agenda-view.js';
import './agenda-event-form.js';
import './agenda-subscription.js';
import './agenda-meetings.js';
import './agenda-holiday-settings.js';
import './agenda-search.js';

const VIEWS: View[] = ['month', 'week', 'day', 'list'];
const LIST_DAYS = 60;

/**
 * The agenda: the calendars the user reads overlaid in their colours (each with a toggle, remembered on this
 * device), in a month, week, day or upcoming view (upcoming first on a phone), an event's details and form,
 * and the panels to create, share, export and import calendars and to subscribe from a phone.
 */
export class AgendaApp extends LitElement {
  static override properties = {
    path: {}, calendars: { state: true }, appCalendars: { state: true }, hiddenCalendars: { state: true }, view: { state: true }, anchor: { state: true },
    occurrences: { state: true }, holidays: { state: true }, open: { state: true }, editing: { state: true }, panel: { state: true }, error: { state: true }, status: { state: true },
  };
  static override styles = css`
    :host { display: block; }
    .layout { display: grid; grid-template-columns: 15rem 1fr; gap: 1rem; align-items: start; }
    @media (max-width: 48rem) { .layout { grid-template-columns: 1fr; } aside { order: 2; } }
    .toolbar { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-bottom: 0.75rem; }
    .toolbar h2 { margin: 0 0.5rem 0 0; font-size: 1.15rem; flex: 1 1 12rem; }
    .group { display: inline-flex; gap: 0.25rem; flex-wrap: wrap; }
    button, a.button { font: inherit; min-height: 44px; min-width: 44px; padding: 0.4rem 0.8rem; border-radius: 8px; border: 1px solid #1f5fbf; background: #fff; color: #1f5fbf; cursor: pointer; text-decoration: none; display: inline-flex; align-items: center; justify-content: center; }
    button[aria-pressed='true'], button.primary { background: #1f5fbf; color: #fff; }
    :is(button, a, input, select):focus-visible { outline: var(--preau-focus, 3px solid #f2a900); outline-offset: 2px; }
    aside fieldset { border: 1px solid #c5cad3; border-radius: 8px; padding: 0.5rem 0.75rem; margin: 0 0 1rem; }
    aside legend { font-weight: 600; }
    .calendar { display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 0.5rem; align-items: center; padding: 0.25rem 0; }
    .calendar label { display: flex; gap: 0.5rem; align-items: center; min-height: 44px; }
    .calendar input { width: 1.25rem; height: 1.25rem; }
    .swatch { width: 1rem; height: 1rem; border-radius: 4px; display: inline-block; flex: none; }
    .tools { grid-column: 2; display: flex; gap: 0.25rem; flex-wrap: wrap; }
    .tools :is(button, a) { min-height: 36px; padding: 0.2rem 0.5rem; font-size: 0.85rem; }
    .tools input[type='file'] { display: none; }
    .panel { border: 1px solid #c5cad3; border-radius: 8px; padding: 0.75rem; margin-bottom: 1rem; background: var(--preau-surface, #fff); }
    .panel form { display: grid; gap: 0.5rem; }
    .panel input { font: inherit; min-height: 44px; border: 1px solid #6b7385; border-radius: 8px; padding: 0 0.5rem; }
    dialog { max-width: min(40rem, 95vw); width: 100%; border: none; border-radius: 12px; padding: 1rem; box-shadow: 0 10px 30px rgb(0 0 0 / 0.3); }
    dialog h2 { margin-top: 0; }
    .meta { color: var(--preau-muted, #4a5263); }
    [role='alert'] { color: #b3261e; font-weight: 600; }
    [role='status'] { color: #1b6e3a; }
  `;
  /** The rest of the URL after /apps/agenda/, given by the shell. */
  path = '';
  calendars: Calendar[] = [];
  /** Other apps' dated things (homework due…), each app shown as a read-only calendar of its own. */
  appCalendars: Calendar[] = [];
  hiddenCalendars = new Set<number>();
  view: View = globalThis.matchMedia?.('(max-width: 40rem)').matches ? 'list' : 'month';
  anchor = today();
  occurrences: Occurrence[] = [];
  holidays: Record<string, string> = {};
  open: Occurrence | null = null;
  /** The event form: an occurrence to change, `new`, or closed. */
  editing: Occurrence | 'new' | null = null;
  panel: 'calendar' | 'subscription' | 'holidays' | null = null;
  error = '';
  status = '';
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });
  private user = new ContextConsumer(this, { context: userContext, subscribe: true });

  private get locale(): 'fr' | 'en' {
    return this.language.value ?? 'fr';
  }

  private t(key: Parameters<typeof texts.text>[0]): string {
    return texts.text(key, this.locale);
  }

  /** A school's director or local administrator, or the academy's: they set the school holidays. */
  private get administers(): boolean {
    return this.user.value?.functions.some((f) => f.function === 'academy-admin' || f.function === 'director' || f.function === 'local-admin') ?? false;
  }

  private get storageKey(): string {
    return `preau-agenda-hidden-${this.user.value?.id ?? 0}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const date = new URLSearchParams(location.search).get('date');
    if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) [this.anchor, this.view] = [date, 'day'];
    try {
      this.hiddenCalendars = new Set(JSON.parse(localStorage.getItem(this.storageKey) ?? '[]') as number[]);
    } catch {
      this.hiddenCalendars = new Set();
    }
    void this.loadCalendars();
  }

  private fail(error: unknown): void {
    this.error = error instanceof ApiError ? error.message : String(error);
  }

  private async loadCalendars(): Promise<void> {
    try {
      this.calendars = await this.api.value!.get<Calendar[]>('/api/agenda/calendars');
      await this.loadEvents();
    } catch (error) {
      this.fail(error);
    }
  }

  /** The days the view shows: [first, last + 1). */
  private get period(): [string, string] {
    if (this.view === 'month') {
      const grid = monthGrid(this.anchor);
      return [grid[0]!, addDays(grid.at(-1)!, 1)];
    }
    if (this.view === 'week') return [mondayOf(this.anchor), addDays(mondayOf(this.anchor), 7)];
    if (this.view === 'day') return [this.anchor, addDays(this.anchor, 1)];
    return [this.anchor, addDays(this.anchor, LIST_DAYS)];
  }

  private async loadEvents(): Promise<void> {
    const [first, after] = this.period;
    // Public holidays show whichever calendars are ticked, and so do the school holidays of the user's schools.
    void Promise.all([
      this.api.value!.get<{ day: string; name: string }[]>(`/api/agenda/holidays?from=${first}&to=${addDays(after, -1)}`),
      this.api.value!.get<{ name: string; firstDay: string; lastDay: string }[]>(`/api/agenda/school-holidays?from=${first}&to=${addDays(after, -1)}`),
    ]).then(([days, periods]) => {
      const named: Record<string, string> = {};
      for (const period of periods) {
        for (let day = period.firstDay < first ? first : period.firstDay; day <= period.lastDay && day < after; day = addDays(day, 1)) named[day] = period.name;
      }
      for (const d of days) named[d.day] = d.name;
      this.holidays = named;
    }, () => undefined);
    const shown = this.calendars.filter((c) => !this.hiddenCalendars.has(c.id)).map((c) => c.id);
    if (shown.length === 0) {
      this.occurrences = await this.appOccurrences(first, addDays(after, -1));
      return;
    }
    const base = `/api/agenda/events?from=${encodeURIComponent(instantBefore(first))}&to=${encodeURIComponent(`${after}T00:00:00Z`)}&calendars=${shown.join(',')}&limit=500`;
    try {
      const all: Occurrence[] = [];
      let cursor: string | null = null;
      // A busy month is one page; a few more are followed, never endlessly.
      for (let page = 0; page < 5; page += 1) {
        const answer: { occurrences: Occurrence[]; nextCursor: string | null } = await this.api.value!.get(`${base}${cursor ? `&cursor=${cursor}` : ''}`);
        all.push(...answer.occurrences);
        cursor = answer.nextCursor;
        if (!cursor) break;
      }
      const merged = [...all, ...(await this.appOccurrences(first, addDays(after, -1)))].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      this.occurrences = this.view === 'list' ? merged.filter((o) => o.endsAt > new Date().toISOString()) : merged;
      this.error = '';
    } catch (error) {
      this.fail(error);
    }
  }

  /** Other apps' dated things of these days as occurrences of one read-only calendar per app (negative ids). */
  private async appOccurrences(first: string, last: string): Promise<Occurrence[]> {
    // Another app failing to answer leaves the agenda as it is.
    // The agenda's own dated items (the school holidays) are already drawn with its calendars.
    const answers = (await this.api.value!.get<DatedItems[]>(`/api/core/dated-items?from=${first}&to=${last}`).catch(() => [] as DatedItems[]))
      .filter((answer) => answer.app !== 'agenda');
    const colors = ['#0e7490', '#be185d', '#b45309', '#4d7c0f'];
    const known = new Map(this.appCalendars.map((c) => [c.name, c]));
    const calendars = answers.map((answer, index) => known.get(answer.title[this.locale]) ?? {
      id: -(this.appCalendars.length + index + 1), schoolId: 0, kind: 'app' as const, classId: null, name: answer.title[this.locale], color: colors[index % colors.length]!, role: 'read' as const,
    });
    this.appCalendars = [...new Map([...this.appCalendars, ...calendars].map((c) => [c.id, c])).values()];
    return answers.flatMap((answer, index) => {
      const calendar = calendars[index]!;
      if (this.hiddenCalendars.has(calendar.id)) return [];
      return answer.items.map((item) => {
        const start = item.time ? `${item.day}T${item.time}` : item.day;
        return {
          id: `${answer.app}:${item.id}`, eventId: 0, calendarId: calendar.id, title: item.title, description: '', place: '',
          allDay: !item.time, start, end: start, startsAt: `${item.day}T${item.time ?? '00:00'}:00.000Z`, endsAt: `${item.day}T23:59:00.000Z`,
          recurrence: null, occurrence: null, seriesId: null, reminderMinutes: null, canEdit: false, url: item.url,
        };
      });
    });
  }

  private toggle(calendar: Calendar, shown: boolean): void {
    const hidden = new Set(this.hiddenCalendars);
    if (shown) hidden.delete(calendar.id);
    else hidden.add(calendar.id);
    this.hiddenCalendars = hidden;
    localStorage.setItem(this.storageKey, JSON.stringify([...hidden]));
    void this.loadEvents();
  }

  private go(view: View, anchor = this.anchor): void {
    [this.view, this.anchor] = [view, view === 'list' && anchor < today() ? today() : anchor];
    void this.loadEvents();
  }

  private step(direction: 1 | -1): void {
    const by = { month: () => addMonths(this.anchor, direction), week: () => addDays(this.anchor, 7 * direction), day: () => addDays(this.anchor, direction), list: () => addDays(this.anchor, LIST_DAYS * direction) };
    this.go(this.view, by[this.view]());
  }

  private async createCalendar(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '').trim();
    const schoolId = this.user.value?.schools[0]?.id;
    if (!name || !schoolId) return;
    try {
      await this.api.value!.post('/api/agenda/calendars', { schoolId, name });
      this.panel = null;
      await this.loadCalendars();
    } catch (error) {
      this.fail(error);
    }
  }

  private async importInto(calendar: Calendar, input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const result = await this.api.value!.post<{ created: number; updated: number }>(`/api/agenda/calendars/${calendar.id}/import`, { content: await file.text() });
      this.status = texts.format('imported', this.locale, result);
      await this.loadEvents();
    } catch (error) {
      this.fail(error);
    }
  }

  private async share(calendar: Calendar): Promise<void> {
    const dialog = await openShareDialog({ app: 'agenda', type: 'calendar', resourceId: String(calendar.id), resourceName: calendar.name });
    dialog.addEventListener('share-changed', () => void this.loadCalendars());
  }

  private async saved(): Promise<void> {
    this.editing = null;
    this.open = null;
    this.status = this.t('saved');
    await this.loadEvents();
  }

  override updated(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
  }

  private calendarTools(calendar: Calendar) {
    return html`<div class="tools">
      ${roleIncludes(calendar.role, 'manage') ? html`<button @click=${() => this.share(calendar)} aria-label=${`${this.t('share')} ${calendar.name}`}>${this.t('share')}</button>` : nothing}
      <a href=${`/api/agenda/calendars/${calendar.id}/export`} download aria-label=${`${this.t('export')} ${calendar.name}`}>.ics</a>
      ${roleIncludes(calendar.role, 'manage')
        ? html`<label><span class="button" role="button" tabindex="0" aria-label=${`${this.t('import')} : ${calendar.name}`}
              @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); (e.currentTarget as HTMLElement).nextElementSibling?.dispatchEvent(new MouseEvent('click')); } }}
              @click=${(e: Event) => (e.currentTarget as HTMLElement).nextElementSibling?.dispatchEvent(new MouseEvent('click'))}>${this.t('import').replace(/ un fichier| an/, '')}</span>
            <input type="file" accept=".ics,text/calendar" @change=${(e: Event) => this.importInto(calendar, e.target as HTMLInputElement)} /></label>`
        : nothing}
    </div>`;
  }

  private details(o: Occurrence) {
    const calendar = [...this.calendars, ...this.appCalendars].find((c) => c.id === o.calendarId);
    const when = o.allDay
      ? `${formatDayOf(o.start, this.locale, { weekday: 'long', day: 'numeric', month: 'long' })}${o.end !== o.start ? ` → ${formatDayOf(o.end, this.locale, { weekday: 'long', day: 'numeric', month: 'long' })}` : ''}`
      : `${formatDayOf(o.start.slice(0, 10), this.locale, { weekday: 'long', day: 'numeric', month: 'long' })}, ${o.start.slice(11)} – ${o.end.slice(11)}`;
    return html`<dialog aria-labelledby="event-title" @close=${() => (this.open = null)}>
      <h2 id="event-title">${o.title}</h2>
      <p class="meta"><span class="swatch" style="background:${calendar?.color}"></span> ${calendar?.name} · ${when}${o.recurrence ? ` · ${this.t('repeats')}` : ''}</p>
      ${o.place ? html`<p>${this.t('place')} : ${o.place}</p>` : nothing}
      ${o.description ? html`<preau-rich-text .html=${o.description}></preau-rich-text>` : nothing}
      <p>
        ${o.canEdit ? html`<button class="primary" @click=${() => { this.editing = o; this.open = null; }}>${this.t('edit')}</button>` : nothing}
        ${o.url ? html`<a class="button" href=${o.url}>${this.t('openInApp')} ${calendar?.name ?? ''}</a>` : nothing}
        <button @click=${() => (this.open = null)}>${this.t('close')}</button>
      </p>
    </dialog>`;
  }

  override render() {
    if (this.path.replace(/^\//, '').startsWith('rendez-vous')) {
      return html`<p><a href="/apps/agenda">${this.t('backToAgenda')}</a></p>
        <agenda-meetings .language=${this.locale} .calendars=${this.calendars} round-id=${Number(new URLSearchParams(location.search).get('round')) || 0}></agenda-meetings>`;
    }
    const [first] = this.period;
    const heading = this.view === 'month'
      ? formatDayOf(this.anchor, this.locale, { month: 'long', year: 'numeric' })
      : this.view === 'day' ? formatDayOf(this.anchor, this.locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
        : formatDayOf(first, this.locale, { day: 'numeric', month: 'long', year: 'numeric' });
    const writable = this.calendars.some((c) => roleIncludes(c.role, 'contribute'));
    return html`
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      <p role="status">${this.status}</p>
      ${this.editing
        ? html`<agenda-event-form .calendars=${this.calendars} .occurrence=${this.editing === 'new' ? undefined : this.editing} .day=${this.anchor} .language=${this.locale}
            @agenda-saved=${this.saved} @agenda-cancel=${() => (this.editing = null)}></agenda-event-form>`
        : html`<div class="layout">
          <aside>
            <agenda-search .language=${this.locale} .calendars=${this.calendars} @agenda-open=${(e: CustomEvent<Occurrence>) => (this.open = e.detail)}></agenda-search>
            <fieldset><legend>${this.t('calendars')}</legend>
              ${[...this.calendars, ...this.appCalendars].map((c) => html`<div class="calendar">
                <label><input type="checkbox" .checked=${!this.hiddenCalendars.has(c.id)} @change=${(e: Event) => this.toggle(c, (e.target as HTMLInputElement).checked)} />
                  <span class="swatch" style="background:${c.color}"></span>${c.name}</label>
                ${c.kind === 'app' ? nothing : this.calendarTools(c)}
              </div>`)}
            </fieldset>
            <p class="group">
              <button @click=${() => (this.panel = this.panel === 'calendar' ? null : 'calendar')} aria-expanded=${this.panel === 'calendar'}>${this.t('newCalendar')}</button>
              <button @click=${() => (this.panel = this.panel === 'subscription' ? null : 'subscription')} aria-expanded=${this.panel === 'subscription'}>${this.t('subscription')}</button>
              <a class="button" href="/apps/agenda/rendez-vous">${this.t('meetings')}</a>
              ${this.administers ? html`<button @click=${() => (this.panel = this.panel === 'holidays' ? null : 'holidays')} aria-expanded=${this.panel === 'holidays'}>${this.t('schoolHolidays')}</button>` : nothing}
            </p>
            ${this.panel === 'holidays' ? html`<div class="panel"><agenda-holiday-settings .language=${this.locale} @agenda-holidays-changed=${() => this.loadEvents()}></agenda-holiday-settings></div>` : nothing}
            ${this.panel === 'calendar'
              ? html`<div class="panel"><form @submit=${this.createCalendar}><label>${this.t('calendarName')}<input name="name" required maxlength="120" /></label><button class="primary" type="submit">${this.t('create')}</button></form></div>`
              : nothing}
            ${this.panel === 'subscription' ? html`<div class="panel"><agenda-subscription .language=${this.locale}></agenda-subscription></div>` : nothing}
          </aside>
          <main>
            <div class="toolbar">
              <h2 aria-live="polite">${heading}</h2>
              <span class="group" role="group" aria-label=${this.t('views')}>
                ${VIEWS.map((v) => html`<button aria-pressed=${String(this.view === v)} @click=${() => this.go(v)}>${this.t(v)}</button>`)}
              </span>
              <span class="group">
                <button @click=${() => this.step(-1)} aria-label=${this.t('previous')}>‹</button>
                <button @click=${() => this.go(this.view, today())}>${this.t('today')}</button>
                <button @click=${() => this.step(1)} aria-label=${this.t('next')}>›</button>
              </span>
              ${writable ? html`<button class="primary" @click=${() => (this.editing = 'new')}>${this.t('newEvent')}</button>` : nothing}
            </div>
            <agenda-view .view=${this.view} .anchor=${this.anchor} .language=${this.locale} .occurrences=${this.occurrences} .calendars=${[...this.calendars, ...this.appCalendars]} .holidays=${this.holidays}
              @agenda-open=${(e: CustomEvent<Occurrence>) => (this.open = e.detail)} @agenda-day=${(e: CustomEvent<string>) => this.go('day', e.detail)}></agenda-view>
          </main>
        </div>`}
      ${this.open ? this.details(this.open) : nothing}
    `;
  }
}
customElements.define('agenda-app', AgendaApp);

declare global {
  interface HTMLElementTagNameMap {
    'agenda-app': AgendaApp;
  }
}
