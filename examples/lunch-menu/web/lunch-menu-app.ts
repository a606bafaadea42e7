import { LitElement, css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, languageContext } from '@preau/sdk/web';
import { isoWeek, shiftWeek } from './iso-week.js';

interface MenuDay {
  day: string;
  starter?: string;
  main: string;
  side?: string;
  dessert?: string;
  notes?: string;
}
interface Menu {
  schoolId: number;
  week: string;
  days: MenuDay[];
}

const DAYS: Record<string, { fr: string; en: string }> = {
  monday: { fr: 'Lundi', en: 'Monday' },
  tuesday: { fr: 'Mardi', en: 'Tuesday' },
  wednesday: { fr: 'Mercredi', en: 'Wednesday' },
  thursday: { fr: 'Jeudi', en: 'Thursday' },
  friday: { fr: 'Vendredi', en: 'Friday' },
};
const T = {
  week: { fr: 'Semaine', en: 'Week' },
  previous: { fr: 'Semaine précédente', en: 'Previous week' },
  next: { fr: 'Semaine suivante', en: 'Next week' },
  none: { fr: "Aucun menu n'est publié pour cette semaine.", en: 'No menu is published for this week.' },
  starter: { fr: 'Entrée', en: 'Starter' },
  main: { fr: 'Plat', en: 'Main course' },
  side: { fr: 'Accompagnement', en: 'Side' },
  dessert: { fr: 'Dessert', en: 'Dessert' },
};

/** The week's lunch menu of the user's schools, with week navigation. */
export class LunchMenuApp extends LitElement {
  static override properties = { path: {}, week: { state: true }, menus: { state: true }, error: { state: true } };
  static override styles = css`
    nav { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; margin-bottom: 1rem; }
    button { font: inherit; min-height: 44px; padding: 0.5rem 1rem; border-radius: 8px; border: 1px solid #6b7385; background: #fff; cursor: pointer; }
    button:focus-visible { outline: var(--preau-focus, 3px solid #f2a900); outline-offset: 2px; }
    ol { list-style: none; padding: 0; display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); }
    li { background: var(--preau-surface, #fff); border-radius: var(--preau-radius, 10px); padding: 1rem; box-shadow: 0 1px 3px rgb(0 0 0 / 0.15); }
    h2 { font-size: 1.1rem; margin: 0 0 0.5rem; }
    dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 0.75rem; }
    dt { color: var(--preau-muted, #4a5263); }
    dd { margin: 0; }
    .notes { color: var(--preau-muted, #4a5263); font-size: 0.9rem; margin-top: 0.5rem; }
  `;
  path = '';
  week = isoWeek(new Date());
  menus: Menu[] = [];
  error = '';
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private t(key: keyof typeof T): string {
    return T[key][this.language.value ?? 'fr'];
  }

  private async load(): Promise<void> {
    this.error = '';
    try {
      this.menus = (await this.api.value?.get<Menu[]>(`/api/lunch-menu/weeks/${this.week}`)) ?? [];
    } catch (error) {
      this.menus = [];
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private go(offset: number): void {
    this.week = shiftWeek(this.week, offset);
    void this.load();
  }

  override render() {
    const language = this.language.value ?? 'fr';
    return html`
      <nav aria-label=${this.t('week')}>
        <button @click=${() => this.go(-1)} aria-label=${this.t('previous')}>←</button>
        <strong aria-live="polite">${this.t('week')} ${this.week.split('-W')[1]}</strong>
        <button @click=${() => this.go(1)} aria-label=${this.t('next')}>→</button>
      </nav>
      ${this.error ? html`<p role="alert">${this.error}</p>` : ''}
      ${this.menus.length === 0 && !this.error ? html`<p>${this.t('none')}</p>` : ''}
      ${this.menus.map(
        (menu) => html`<ol>
          ${menu.days.map(
            (day) => html`<li>
              <h2>${DAYS[day.day]?.[language] ?? day.day}</h2>
              <dl>
                ${(['starter', 'main', 'side', 'dessert'] as const).map((part) =>
                  day[part] ? html`<dt>${this.t(part)}</dt><dd>${day[part]}</dd>` : '',
                )}
              </dl>
              ${day.notes ? html`<p class="notes">${day.notes}</p>` : ''}
            </li>`,
          )}
        </ol>`,
      )}
    `;
  }
}
customElements.define('lunch-menu-app', LunchMenuApp);

declare global {
  interface HTMLElementTagNameMap {
    'lunch-menu-app': LunchMenuApp;
  }
}
