import { LitElement, css, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { formStyles } from '../styles.js';
import { errorMessage, shellApiContext } from '../api.js';
import { profileName, type Language } from '../i18n.js';
import { formatBytes } from '../format.js';

const GIB = 1024 ** 3;

interface ProfileQuotas {
  maxBytes: number;
  profiles: { profile: string; bytes: number; isDefault: boolean }[];
}

const TEXT = {
  title: { fr: 'Espace de stockage par profil', en: 'Storage per profile' },
  intro: {
    fr: (max: string) => `Ce que chaque personne peut déposer, toutes applications confondues (au plus ${max}). Une école peut augmenter celui d’une de ses personnes.`,
    en: (max: string) => `What each person may upload, all apps together (at most ${max}). A school may raise one of its people's.`,
  },
  unit: { fr: 'Go', en: 'GB' },
  byDefault: { fr: 'valeur par défaut', en: 'default' },
  save: { fr: 'Enregistrer les quotas', en: 'Save the quotas' },
  saved: { fr: 'Quotas enregistrés : ils s’appliquent dès le prochain dépôt.', en: 'Quotas saved: they apply from the next upload.' },
  loading: { fr: 'Chargement…', en: 'Loading…' },
};

/** The academy administrator's setting of the storage quota of each profile, in GiB (named « Go » in French). */
export class PreauProfileQuotas extends LitElement {
  static override properties = { language: {}, quotas: { state: true }, error: { state: true }, notice: { state: true }, busy: { state: true } };
  static override styles = [formStyles, css`
    fieldset { border: 0; padding: 0; margin: 0; display: grid; gap: 0.75rem; }
    .quota { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
    .quota label { flex: 1 1 10rem; }
    .quota input { width: 7rem; }
  `];
  language: Language = 'fr';
  quotas: ProfileQuotas | null = null;
  error = '';
  notice = '';
  busy = false;
  private api = new ContextConsumer(this, { context: shellApiContext });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.quotas = await this.api.value!.get<ProfileQuotas>('/api/core/storage/profile-quotas');
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const profiles = (this.quotas?.profiles ?? []).map(({ profile }) => ({ profile, bytes: Math.round(Number(data.get(profile)) * GIB) }));
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      this.quotas = await this.api.value!.put<ProfileQuotas>('/api/core/storage/profile-quotas', { profiles });
      this.notice = TEXT.saved[this.language];
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const lang = this.language;
    const quotas = this.quotas;
    return html`<section aria-labelledby="profile-quotas" class="panel">
      <h2 id="profile-quotas">${TEXT.title[lang]}</h2>
      ${quotas ? html`<p class="hint">${TEXT.intro[lang](formatBytes(quotas.maxBytes, lang))}</p>` : ''}
      <div role="status">${this.notice ? html`<p class="success">${this.notice}</p>` : ''}</div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${!quotas ? (this.error ? '' : html`<p>${TEXT.loading[lang]}</p>`) : html`<form novalidate @submit=${this.save}>
        <fieldset>
          <legend class="visually-hidden">${TEXT.title[lang]}</legend>
          ${quotas.profiles.map((q) => html`<div class="quota">
            <label for="quota-${q.profile}">${profileName(q.profile, lang)} (${TEXT.unit[lang]})</label>
            <input id="quota-${q.profile}" name=${q.profile} type="number" inputmode="decimal" min="0" max=${quotas.maxBytes / GIB} step="0.5" required
              .value=${String(Math.round((q.bytes / GIB) * 100) / 100)} aria-describedby=${q.isDefault ? `default-${q.profile}` : nothing}>
            ${q.isDefault ? html`<span class="hint" id="default-${q.profile}">${TEXT.byDefault[lang]}</span>` : ''}
          </div>`)}
        </fieldset>
        <button ?disabled=${this.busy}>${TEXT.save[lang]}</button>
      </form>`}
    </section>`;
  }
}
customElements.define('preau-profile-quotas', PreauProfileQuotas);

declare global {
  interface HTMLElementTagNameMap {
    'preau-profile-quotas': PreauProfileQuotas;
  }
}
