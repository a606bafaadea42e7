import { css, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { formStyles } from '../styles.js';
import { errorMessage, shellApiContext } from '../api.js';
import { profileName } from '../i18n.js';
import { ShellElement } from '../shell-element.js';
import { ApiResource } from '../api-resource.js';
import { formatBytes } from '../format.js';

const GIB = 1024 ** 3;

interface ProfileQuotas {
  maxBytes: number;
  profiles: { profile: string; bytes: number; isDefault: boolean }[];
}

/** The academy administrator's setting of the storage quota of each profile, in GiB (named « Go » in French). */
export class PreauProfileQuotas extends ShellElement {
  static override properties = { error: { state: true }, notice: { state: true }, busy: { state: true } };
  static override styles = [formStyles, css`
    fieldset { border: 0; padding: 0; margin: 0; display: grid; gap: 0.75rem; }
    .quota { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
    .quota label { flex: 1 1 10rem; }
    .quota input { width: 7rem; }
  `];
  /** What saving answered when it failed. */
  error = '';
  notice = '';
  busy = false;
  private api = new ContextConsumer(this, { context: shellApiContext });

  private resource = new ApiResource<ProfileQuotas>(this, () => '/api/core/storage/profile-quotas');

  private get quotas(): ProfileQuotas | null {
    return this.resource.value;
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const profiles = (this.quotas?.profiles ?? []).map(({ profile }) => ({ profile, bytes: Math.round(Number(data.get(profile)) * GIB) }));
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      this.resource.replace(await this.api.value!.put<ProfileQuotas>('/api/core/storage/profile-quotas', { profiles }));
      this.notice = this.t('profileQuotasSaved');
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
      <h2 id="profile-quotas">${this.t('profileQuotasTitle')}</h2>
      ${quotas ? html`<p class="hint">${this.f('profileQuotasIntro', { max: formatBytes(quotas.maxBytes, lang) })}</p>` : ''}
      <div role="status">${this.notice ? html`<p class="success">${this.notice}</p>` : ''}</div>
      ${this.error || this.resource.error ? html`<p class="error" role="alert">${this.error || this.resource.error}</p>` : ''}
      ${!quotas ? (this.resource.error ? '' : html`<p>${this.t('loading')}</p>`) : html`<form novalidate @submit=${this.save}>
        <fieldset>
          <legend class="visually-hidden">${this.t('profileQuotasTitle')}</legend>
          ${quotas.profiles.map((q) => html`<div class="quota">
            <label for="quota-${q.profile}">${profileName(q.profile, lang)} (${this.t('profileQuotasUnit')})</label>
            <input id="quota-${q.profile}" name=${q.profile} type="number" inputmode="decimal" min="0" max=${quotas.maxBytes / GIB} step="0.5" required
              .value=${String(Math.round((q.bytes / GIB) * 100) / 100)} aria-describedby=${q.isDefault ? `default-${q.profile}` : nothing}>
            ${q.isDefault ? html`<span class="hint" id="default-${q.profile}">${this.t('profileQuotasDefault')}</span>` : ''}
          </div>`)}
        </fieldset>
        <button ?disabled=${this.busy}>${this.t('profileQuotasSave')}</button>
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
