import { LitElement, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, defineTexts, preauStyles, showToast, userContext } from '@preau/sdk/web';

const texts = defineTexts({
  zoneOf: { fr: 'Zone de vacances de {school}', en: 'Holiday zone of {school}' },
  noZone: { fr: 'Aucune (pas de vacances scolaires affichées)', en: 'None (no school holidays shown)' },
  noZoneYet: { fr: "Aucune zone importée : l'administrateur de l'académie importe d'abord le calendrier scolaire.", en: 'No zone imported: the academy administrator first imports the school calendar.' },
  saved: { fr: 'Zone enregistrée.', en: 'Zone saved.' },
  importHeading: { fr: "Importer le calendrier scolaire d'une zone", en: "Import a zone's school calendar" },
  importHint: { fr: 'Le fichier .ics officiel de la zone (calendrier scolaire du ministère), une fois par an : il remplace les vacances des années qu’il couvre.', en: "The zone's official .ics file (the ministry's school calendar), once a year: it replaces the holidays of the years it covers." },
  zone: { fr: 'Zone (A, B, C, Corse…)', en: 'Zone (A, B, C, Corse…)' },
  file: { fr: 'Fichier .ics', en: '.ics file' },
  import: { fr: 'Importer', en: 'Import' },
  imported: { fr: '{n} période(s) de vacances importée(s) pour la zone {zone}.', en: '{n} holiday period(s) imported for zone {zone}.' },
});

/**
 * School holidays' settings: a school's administrators choose its zone; an academy administrator imports each
 * zone's official calendar.
 */
export class AgendaHolidaySettings extends LitElement {
  static override properties = { language: {}, zones: { state: true }, error: { state: true } };
  static override styles = [preauStyles];
  language: 'fr' | 'en' = 'fr';
  /** Per school the user administers: its zone, and the zones imported. */
  zones = new Map<number, { zone: string | null; zones: string[] }>();
  error = '';
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private user = new ContextConsumer(this, { context: userContext, subscribe: true });

  private get adminSchools() {
    const user = this.user.value;
    return (user?.schools ?? []).filter((s) => user!.functions.some((f) => f.function === 'academy-admin' || ((f.function === 'director' || f.function === 'local-admin') && f.schoolId === s.id)));
  }

  private get academyAdmin(): boolean {
    return this.user.value?.functions.some((f) => f.function === 'academy-admin') ?? false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const zones = new Map<number, { zone: string | null; zones: string[] }>();
    for (const school of this.adminSchools) zones.set(school.id, await this.api.value!.get(`/api/agenda/schools/${school.id}/holiday-zone`));
    this.zones = zones;
  }

  private fail(error: unknown): void {
    this.error = error instanceof ApiError ? error.message : String(error);
  }

  private async choose(schoolId: number, zone: string): Promise<void> {
    try {
      await this.api.value!.put(`/api/agenda/schools/${schoolId}/holiday-zone`, { zone: zone || null });
      showToast(texts.text('saved', this.language), 'success');
      this.dispatchEvent(new CustomEvent('agenda-holidays-changed', { bubbles: true, composed: true }));
    } catch (error) {
      this.fail(error);
    }
  }

  private async importZone(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const zone = String(new FormData(form).get('zone') ?? '').trim();
    const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    if (!zone || !file) return;
    try {
      const result = await this.api.value!.put<{ imported: number }>(`/api/agenda/holiday-zones/${encodeURIComponent(zone)}`, { content: await file.text() });
      showToast(texts.format('imported', this.language, { n: result.imported, zone }), 'success');
      form.reset();
      this.error = '';
      await this.load();
      this.dispatchEvent(new CustomEvent('agenda-holidays-changed', { bubbles: true, composed: true }));
    } catch (error) {
      this.fail(error);
    }
  }

  override render() {
    const t = (key: Parameters<typeof texts.text>[0]) => texts.text(key, this.language);
    return html`
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing}
      ${this.adminSchools.map((school) => {
        const state = this.zones.get(school.id);
        if (!state) return nothing;
        return state.zones.length === 0 && !state.zone
          ? html`<p class="hint">${t('noZoneYet')}</p>`
          : html`<label>${texts.format('zoneOf', this.language, { school: school.name })}
            <select @change=${(e: Event) => this.choose(school.id, (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!state.zone}>${t('noZone')}</option>
              ${state.zones.map((zone) => html`<option value=${zone} ?selected=${zone === state.zone}>${zone}</option>`)}
            </select></label>`;
      })}
      ${this.academyAdmin
        ? html`<form @submit=${this.importZone} aria-labelledby="holiday-import">
            <h3 id="holiday-import">${t('importHeading')}</h3>
            <p class="hint">${t('importHint')}</p>
            <label>${t('zone')}<input name="zone" required maxlength="40" pattern="[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ0-9 \\-]{0,39}" /></label>
            <label>${t('file')}<input name="file" type="file" required accept=".ics,text/calendar" /></label>
            <p class="actions"><button type="submit">${t('import')}</button></p>
          </form>`
        : nothing}
    `;
  }
}
customElements.define('agenda-holiday-settings', AgendaHolidaySettings);

declare global {
  interface HTMLElementTagNameMap {
    'agenda-holiday-settings': AgendaHolidaySettings;
  }
}
