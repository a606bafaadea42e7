import { LitElement, css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, formatDateTime, languageContext, preauStyles, showToast, userContext } from '@preau/sdk/web';
import { texts } from './texts.js';

interface Item {
  id: number;
  schoolId: number;
  title: string;
  createdAt: string;
}

/** The items of one of the user's schools, and a form to add one (the server says who may). */
export class MediaApp extends LitElement {
  static override properties = { path: {}, schoolId: { state: true }, items: { state: true }, error: { state: true } };
  // Préau's design system (buttons, fields, cards, lists, tokens: see /styleguide and docs/design-system.md),
  // then only what is this app's own layout.
  static override styles = [preauStyles, css`
    form { display: flex; flex-wrap: wrap; gap: var(--preau-space-2, 0.5rem); align-items: end; margin-bottom: var(--preau-space-4, 1rem); max-width: none; }
    form label { flex: 1 1 14rem; }
    [role='alert'] { color: var(--preau-danger, #b3261e); }
  `];
  /** The rest of the URL after /apps/media/, given by the shell. */
  path = '';
  schoolId = 0;
  items: Item[] = [];
  error = '';
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });
  private user = new ContextConsumer(this, { context: userContext, subscribe: true });

  override connectedCallback(): void {
    super.connectedCallback();
    this.schoolId = this.user.value?.schools[0]?.id ?? 0;
    void this.load();
  }

  private async load(): Promise<void> {
    if (!this.schoolId || !this.api.value) return;
    try {
      this.items = await this.api.value.get<Item[]>(`/api/media/schools/${this.schoolId}/items`);
      this.error = '';
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private async add(event: SubmitEvent): Promise<void> {
    const lang = () => this.language.value ?? 'fr';
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const title = new FormData(form).get('title');
    try {
      await this.api.value!.post(`/api/media/schools/${this.schoolId}/items`, { title });
      form.reset();
      showToast(texts.text('added', lang()), 'success');
      await this.load();
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private chooseSchool(event: Event): void {
    this.schoolId = Number((event.target as HTMLSelectElement).value);
    void this.load();
  }

  override render() {
    const lang = this.language.value ?? 'fr';
    const schools = this.user.value?.schools ?? [];
    return html`
      ${schools.length > 1
        ? html`<label>${texts.text('school', lang)}
            <select @change=${this.chooseSchool}>${schools.map((s) => html`<option value=${s.id} ?selected=${s.id === this.schoolId}>${s.name}</option>`)}</select>
          </label>`
        : ''}
      <form @submit=${this.add}>
        <label>${texts.text('newItem', lang)}<input name="title" required maxlength="200" autocomplete="off" /></label>
        <button type="submit">${texts.text('add', lang)}</button>
      </form>
      ${this.error ? html`<p role="alert">${this.error}</p>` : ''}
      ${this.items.length === 0
        ? html`<preau-empty-state heading=${texts.text('empty', lang)}></preau-empty-state>`
        : html`<ul class="list">${this.items.map((item) => html`<li>${item.title}<br /><small class="muted">${formatDateTime(item.createdAt, lang)}</small></li>`)}</ul>`}
    `;
  }
}
customElements.define('media-app', MediaApp);

declare global {
  interface HTMLElementTagNameMap {
    'media-app': MediaApp;
  }
}
