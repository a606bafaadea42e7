import { LitElement, css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, languageContext, preauStyles } from '@preau/sdk/web';
import type { Menu } from '../src/schemas.js';
import { isoWeek, shiftWeek } from './iso-week.js';
import { texts, type TextKey } from './texts.js';

type Day = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday';
const DAYS: readonly string[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] satisfies Day[];

/** The week's lunch menu of the user's schools, with week navigation. */
export class LunchMenuApp extends LitElement {
  static override properties = { path: {}, week: { state: true }, menus: { state: true }, error: { state: true } };
  // The shared design (buttons, cards, focus, colours) plus this page's layout only.
  static override styles = [preauStyles, css`
    nav { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; margin-bottom: 1rem; }
    ol { list-style: none; padding: 0; display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); }
    h2 { font-size: 1.1rem; margin: 0 0 0.5rem; }
    dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 0.75rem; }
    dt { color: var(--preau-muted, #4a5263); }
    dd { margin: 0; }
    .notes { color: var(--preau-muted, #4a5263); font-size: 0.9rem; margin-top: 0.5rem; }
  `];
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

  private t(key: TextKey): string {
    return texts.text(key, this.language.value ?? 'fr');
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
    return html`
      <nav aria-label=${this.t('week')}>
        <button class="secondary" @click=${() => this.go(-1)} aria-label=${this.t('previous')}>←</button>
        <strong aria-live="polite">${this.t('week')} ${this.week.split('-W')[1]}</strong>
        <button class="secondary" @click=${() => this.go(1)} aria-label=${this.t('next')}>→</button>
      </nav>
      ${this.error ? html`<p role="alert">${this.error}</p>` : ''}
      ${this.menus.length === 0 && !this.error ? html`<p>${this.t('none')}</p>` : ''}
      ${this.menus.map(
        (menu) => html`<ol>
          ${menu.days.map(
            (day) => html`<li class="card">
              <h2>${DAYS.includes(day.day) ? this.t(day.day as Day) : day.day}</h2>
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
