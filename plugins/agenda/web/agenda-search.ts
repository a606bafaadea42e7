import { LitElement, css, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, defineTexts, preauStyles } from '@preau/sdk/web';
import type { Calendar, Occurrence } from './api-types.js';
import { formatDayOf } from './days.js';

const texts = defineTexts({
  label: { fr: "Rechercher dans l'agenda", en: 'Search the calendar' },
  search: { fr: 'Rechercher', en: 'Search' },
  results: { fr: '{n} résultat(s)', en: '{n} result(s)' },
  none: { fr: 'Aucun événement ne correspond.', en: 'No event matches.' },
  past: { fr: 'passé', en: 'past' },
  clear: { fr: 'Effacer la recherche', en: 'Clear the search' },
});

/**
 * A search over the calendars the user reads (title, place, description; accents ignored): each series once, at
 * its next time. Choosing a result opens it as the views do (`agenda-open`).
 */
export class AgendaSearch extends LitElement {
  static override properties = { language: {}, calendars: { attribute: false }, results: { state: true }, error: { state: true } };
  static override styles = [preauStyles, css`
    form { display: flex; gap: 0.5rem; align-items: end; flex-wrap: wrap; }
    form label { flex: 1 1 10rem; }
    ul { list-style: none; padding: 0; margin: 0.5rem 0 0; display: grid; gap: 0.25rem; }
    li button { width: 100%; text-align: left; justify-content: flex-start; display: grid; gap: 0.1rem; }
    .swatch { width: 0.75rem; height: 0.75rem; border-radius: 3px; display: inline-block; margin-right: 0.35rem; }
  `];
  language: 'fr' | 'en' = 'fr';
  calendars: Calendar[] = [];
  /** Null before any search. */
  results: Occurrence[] | null = null;
  error = '';
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });

  private async search(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const q = String(new FormData(event.target as HTMLFormElement).get('q') ?? '').trim();
    if (q.length < 2) {
      this.results = null;
      return;
    }
    try {
      this.results = (await this.api.value!.get<{ occurrences: Occurrence[] }>(`/api/agenda/search?q=${encodeURIComponent(q)}`)).occurrences;
      this.error = '';
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private when(o: Occurrence): string {
    const day = formatDayOf(o.start.slice(0, 10), this.language, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
    return o.allDay ? day : `${day}, ${o.start.slice(11, 16)}`;
  }

  override render() {
    const now = new Date().toISOString();
    return html`
      <form role="search" @submit=${this.search}>
        <label>${texts.text('label', this.language)}<input type="search" name="q" minlength="2" maxlength="100" autocomplete="off" @search=${(e: Event) => { if (!(e.target as HTMLInputElement).value) this.results = null; }} /></label>
        <button type="submit">${texts.text('search', this.language)}</button>
      </form>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${this.results === null ? nothing : html`
        <p role="status">${this.results.length ? texts.format('results', this.language, { n: this.results.length }) : texts.text('none', this.language)}</p>
        <ul>${this.results.map((o) => {
          const calendar = this.calendars.find((c) => c.id === o.calendarId);
          return html`<li><button class="secondary" @click=${() => this.dispatchEvent(new CustomEvent('agenda-open', { detail: o, bubbles: true, composed: true }))}>
            <strong><span class="swatch" style="background:${calendar?.color ?? '#6b7385'}" aria-hidden="true"></span>${o.title}</strong>
            <span>${this.when(o)}${o.endsAt < now ? ` (${texts.text('past', this.language)})` : ''}${calendar ? ` · ${calendar.name}` : ''}</span>
          </button></li>`;
        })}</ul>`}
    `;
  }
}
customElements.define('agenda-search', AgendaSearch);

declare global {
  interface HTMLElementTagNameMap {
    'agenda-search': AgendaSearch;
  }
}
