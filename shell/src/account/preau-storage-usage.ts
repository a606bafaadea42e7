import { LitElement, css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { formStyles } from '../styles.js';
import { errorMessage, shellApiContext } from '../api.js';
import { formatBytes } from '../format.js';

type Language = 'fr' | 'en';

const TEXT = {
  title: { fr: 'Espace de stockage', en: 'Storage' },
  loading: { fr: 'Chargement…', en: 'Loading…' },
  used: {
    fr: (used: string, quota: string, percent: number) => `${used} utilisés sur ${quota} (${percent} %)`,
    en: (used: string, quota: string, percent: number) => `${used} used of ${quota} (${percent}%)`,
  },
  what: { fr: 'Tout ce que vous déposez compte, dans toutes les applications (documents, pièces jointes, médias).', en: 'Everything you upload counts, in every app (documents, attachments, media).' },
  nearly: { fr: 'Votre espace est presque plein : supprimez des fichiers dont vous n’avez plus besoin.', en: 'Your storage is nearly full: delete files you no longer need.' },
  full: { fr: 'Votre espace est plein : vous ne pouvez plus rien déposer avant d’avoir supprimé des fichiers.', en: 'Your storage is full: you cannot upload anything until you delete files.' },
};

/**
 * "Mon compte": how much of their quota the user fills, all apps together, as a sentence and a progress bar;
 * from 80 % it says what to do (the same thresholds as the quota warnings in the timeline).
 */
export class PreauStorageUsage extends LitElement {
  static override properties = { language: {}, usage: { state: true }, error: { state: true } };
  static override styles = [formStyles, css`
    .bar { height: 1rem; border-radius: 999px; background: #dfe3ec; overflow: hidden; border: 1px solid #6b7385; max-width: 32rem; }
    .fill { height: 100%; background: var(--preau-accent, #1f5fbf); }
    .fill.nearly { background: #a35c00; }
    .fill.full { background: var(--preau-danger, #b3261e); }
    p { margin: 0.5rem 0; }
  `];
  language: Language = 'fr';
  usage: { used: number; quota: number } | null = null;
  error = '';
  private api = new ContextConsumer(this, { context: shellApiContext });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    try {
      this.usage = await this.api.value!.get<{ used: number; quota: number }>('/api/core/storage/usage');
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  override render() {
    const lang = this.language;
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    if (!this.usage) return html`<p>${TEXT.loading[lang]}</p>`;
    const { used, quota } = this.usage;
    const percent = quota > 0 ? Math.min(100, Math.floor((used / quota) * 100)) : 100;
    const sentence = TEXT.used[lang](formatBytes(used, lang), formatBytes(quota, lang), percent);
    const level = percent >= 100 ? 'full' : percent >= 80 ? 'nearly' : '';
    return html`
      <p id="storage-text">${sentence}</p>
      <div class="bar" role="progressbar" aria-label=${TEXT.title[lang]} aria-valuemin="0" aria-valuemax="100"
        aria-valuenow=${percent} aria-valuetext=${sentence}>
        <div class="fill ${level}" style="width: ${percent}%"></div>
      </div>
      ${level ? html`<p class=${level === 'full' ? 'error' : 'hint'}>${level === 'full' ? TEXT.full[lang] : TEXT.nearly[lang]}</p>` : ''}
      <p class="hint">${TEXT.what[lang]}</p>`;
  }
}
customElements.define('preau-storage-usage', PreauStorageUsage);

declare global {
  interface HTMLElementTagNameMap {
    'preau-storage-usage': PreauStorageUsage;
  }
}
