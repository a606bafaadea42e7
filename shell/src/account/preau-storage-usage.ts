import { css, html } from 'lit';
import { formStyles } from '../styles.js';
import { ShellElement } from '../shell-element.js';
import { ApiResource } from '../api-resource.js';
import { formatBytes } from '../format.js';

/**
 * "Mon compte": how much of their quota the user fills, all apps together, as a sentence and a progress bar;
 * from 80 % it says what to do (the same thresholds as the quota warnings in the timeline).
 */
export class PreauStorageUsage extends ShellElement {
  static override styles = [formStyles, css`
    .bar { height: 1rem; border-radius: 999px; background: var(--preau-surface-alt, #dfe3ec); overflow: hidden; border: 1px solid var(--preau-border, #6b7385); max-width: 32rem; }
    .fill { height: 100%; background: var(--preau-accent, #1f5fbf); }
    .fill.nearly { background: var(--preau-warning, #8a4b00); }
    .fill.full { background: var(--preau-danger, #b3261e); }
    p { margin: 0.5rem 0; }
  `];
  private usage = new ApiResource<{ used: number; quota: number }>(this, () => '/api/core/storage/usage');

  /** Reads the usage again. */
  async load(): Promise<void> {
    await this.usage.reload();
  }

  override render() {
    const lang = this.language;
    if (this.usage.error) return html`<p class="error" role="alert">${this.usage.error}</p>`;
    if (!this.usage.value) return html`<p>${this.t('loading')}</p>`;
    const { used, quota } = this.usage.value;
    const percent = quota > 0 ? Math.min(100, Math.floor((used / quota) * 100)) : 100;
    const sentence = this.f('storageUsed', { used: formatBytes(used, lang), quota: formatBytes(quota, lang), percent });
    const level = percent >= 100 ? 'full' : percent >= 80 ? 'nearly' : '';
    return html`
      <p id="storage-text">${sentence}</p>
      <div class="bar" role="progressbar" aria-label=${this.t('storageTitle')} aria-valuemin="0" aria-valuemax="100"
        aria-valuenow=${percent} aria-valuetext=${sentence}>
        <div class="fill ${level}" style="width: ${percent}%"></div>
      </div>
      ${level ? html`<p class=${level === 'full' ? 'error' : 'hint'}>${level === 'full' ? this.t('storageFull') : this.t('storageNearly')}</p>` : ''}
      <p class="hint">${this.t('storageWhat')}</p>`;
  }
}
customElements.define('preau-storage-usage', PreauStorageUsage);

declare global {
  interface HTMLElementTagNameMap {
    'preau-storage-usage': PreauStorageUsage;
  }
}
