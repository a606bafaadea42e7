import { LitElement, css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { formStyles } from '../styles.js';
import { errorMessage, shellApiContext } from '../api.js';
import type { Language } from '../i18n.js';
import { formatBytes } from '../format.js';

const GIB = 1024 ** 3;

interface PersonQuota {
  used: number;
  quota: number;
  profileQuota: number;
  personalQuota: number | null;
  maxBytes: number;
}

const TEXT = {
  title: { fr: (name: string) => `Espace de stockage de ${name}`, en: (name: string) => `Storage of ${name}` },
  state: {
    fr: (used: string, quota: string, profile: string) => `${used} utilisés sur ${quota} (quota de son profil : ${profile}).`,
    en: (used: string, quota: string, profile: string) => `${used} used of ${quota} (their profile's quota: ${profile}).`,
  },
  field: { fr: (max: string) => `Nouveau quota, en Go (au plus ${max})`, en: (max: string) => `New quota, in GB (at most ${max})` },
  raise: { fr: 'Augmenter', en: 'Raise' },
  reset: { fr: 'Revenir au quota du profil', en: 'Back to the profile’s quota' },
  close: { fr: 'Fermer', en: 'Close' },
  saved: { fr: (quota: string) => `Quota enregistré : ${quota}.`, en: (quota: string) => `Quota saved: ${quota}.` },
  loading: { fr: 'Chargement…', en: 'Loading…' },
};

/**
 * A school administrator's control on one person's storage: what they use, and raising their quota above their
 * profile's (up to the maximum), or giving back the profile's. Dispatches `close` when dismissed.
 */
export class PreauPersonQuota extends LitElement {
  static override properties = {
    schoolId: { type: Number }, userId: { type: Number }, name: {}, language: {},
    quota: { state: true }, error: { state: true }, notice: { state: true }, busy: { state: true },
  };
  static override styles = [formStyles, css`
    form { display: flex; flex-wrap: wrap; align-items: end; gap: 0.75rem; max-width: none; }
    form label { flex: 0 1 16rem; }
  `];
  schoolId = 0;
  userId = 0;
  name = '';
  language: Language = 'fr';
  quota: PersonQuota | null = null;
  error = '';
  notice = '';
  busy = false;
  private api = new ContextConsumer(this, { context: shellApiContext });

  private get url(): string {
    return `/api/core/schools/${this.schoolId}/users/${this.userId}/storage`;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('userId') || changed.has('schoolId')) && this.userId) void this.load();
  }

  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  private async load(): Promise<void> {
    this.quota = null;
    this.error = '';
    this.notice = '';
    try {
      this.quota = await this.api.value!.get<PersonQuota>(this.url);
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  private async set(quotaBytes: number | null): Promise<void> {
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      this.quota = await this.api.value!.put<PersonQuota>(this.url, { quotaBytes });
      this.notice = TEXT.saved[this.language](formatBytes(this.quota.quota, this.language));
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    const value = Number(new FormData(event.target as HTMLFormElement).get('quota'));
    void this.set(Math.round(value * GIB));
  }

  override render() {
    const lang = this.language;
    const q = this.quota;
    return html`<section class="panel" aria-labelledby="person-quota">
      <h3 id="person-quota" tabindex="-1">${TEXT.title[lang](this.name)}</h3>
      <div role="status">${this.notice ? html`<p class="success">${this.notice}</p>` : ''}</div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${!q ? (this.error ? '' : html`<p>${TEXT.loading[lang]}</p>`) : html`
        <p>${TEXT.state[lang](formatBytes(q.used, lang), formatBytes(q.quota, lang), formatBytes(q.profileQuota, lang))}</p>
        <form novalidate @submit=${this.submit}>
          <label>${TEXT.field[lang](formatBytes(q.maxBytes, lang))}
            <input name="quota" type="number" inputmode="decimal" step="0.5" min=${Math.round((q.profileQuota / GIB) * 100) / 100} max=${q.maxBytes / GIB} required
              .value=${String(Math.round((q.quota / GIB) * 100) / 100)}>
          </label>
          <button ?disabled=${this.busy}>${TEXT.raise[lang]}</button>
          ${q.personalQuota !== null ? html`<button type="button" class="secondary" ?disabled=${this.busy} @click=${() => void this.set(null)}>${TEXT.reset[lang]}</button>` : ''}
          <button type="button" class="secondary" @click=${() => this.dispatchEvent(new Event('close'))}>${TEXT.close[lang]}</button>
        </form>`}
    </section>`;
  }
}
customElements.define('preau-person-quota', PreauPersonQuota);

declare global {
  interface HTMLElementTagNameMap {
    'preau-person-quota': PreauPersonQuota;
  }
}
