import { html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { formStyles, tableStyles } from '../styles.js';
import { text, type Language } from '../i18n.js';
import { errorMessage, shellApiContext } from '../api.js';
import type { SessionRow } from '../api-types.js';
import { formatDateTime } from '../format.js';
import { ShellElement } from '../shell-element.js';
import { ApiResource } from '../api-resource.js';

/** A readable name for a browser's user agent: « Firefox sur Windows ». */
function deviceName(userAgent: string | null, language: Language): string {
  if (!userAgent) return text('unknownDevice', language);
  const browser = /Edg\//.test(userAgent) ? 'Edge' : /Firefox\//.test(userAgent) ? 'Firefox' : /Chrom(e|ium)\//.test(userAgent) ? 'Chrome'
    : /Safari\//.test(userAgent) ? 'Safari' : null;
  const system = /Android/.test(userAgent) ? 'Android' : /iPhone|iPad/.test(userAgent) ? 'iOS' : /Windows/.test(userAgent) ? 'Windows'
    : /Mac OS X/.test(userAgent) ? 'macOS' : /Linux/.test(userAgent) ? 'Linux' : null;
  if (!browser) return userAgent.slice(0, 60);
  return system ? `${browser} ${language === 'fr' ? 'sur' : 'on'} ${system}` : browser;
}

/**
 * The user's open sessions, each with "Déconnecter", and "Me déconnecter partout" (this one included, so the
 * element then reports `preau-signed-out`).
 */
export class PreauSessionsList extends ShellElement {
  static override properties = { error: { state: true }, busy: { state: true } };
  static override styles = [formStyles, tableStyles];
  /** What an action (ending a session) answered when it failed. */
  error = '';
  busy = false;
  private api = new ContextConsumer(this, { context: shellApiContext });
  private sessions = new ApiResource<SessionRow[]>(this, () => '/api/core/me/sessions');

  /** Reads the sessions again (after a password change closed the others). */
  async reload(): Promise<void> {
    await this.sessions.reload();
  }

  private async end(session: SessionRow): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      await this.api.value!.delete(`/api/core/me/sessions/${encodeURIComponent(session.id)}`);
      await this.reload();
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  private async endAll(): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      await this.api.value!.delete('/api/core/me/sessions');
      this.dispatchEvent(new CustomEvent('preau-signed-out', { bubbles: true, composed: true }));
    } catch (error) {
      this.error = errorMessage(error);
      this.busy = false;
    }
  }

  override render() {
    const sessions = this.sessions.value;
    if (!sessions) return this.sessions.error ? html`<p class="error" role="alert">${this.sessions.error}</p>` : html`<p>${this.t('loading')}</p>`;
    return html`
      <p>${this.t('sessionsIntro')}</p>
      <div class="table-wrap" tabindex="0" role="region" aria-label=${this.t('sessionsSection')}>
        <table>
          <thead>
            <tr><th scope="col">${this.t('device')}</th><th scope="col">${this.t('ipAddress')}</th><th scope="col">${this.t('openedAt')}</th>
              <th scope="col">${this.t('lastSeenAt')}</th><th scope="col">${this.t('actions')}</th></tr>
          </thead>
          <tbody>
            ${sessions.map((session) => {
              const device = deviceName(session.userAgent, this.language);
              return html`<tr>
                <th scope="row">${device}${session.current ? html` <strong>(${this.t('thisSession')})</strong>` : ''}</th>
                <td>${session.ip ?? '—'}</td>
                <td>${formatDateTime(session.createdAt, this.language)}</td>
                <td>${formatDateTime(session.lastSeenAt, this.language)}</td>
                <td>${session.current
                  ? ''
                  : html`<button class="secondary" ?disabled=${this.busy} aria-label=${this.f('endSessionOf', { device })} @click=${() => void this.end(session)}>${this.t('endSession')}</button>`}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <p class="actions">
        <button class="danger" ?disabled=${this.busy} aria-describedby="everywhere-hint" @click=${() => void this.endAll()}>${this.t('signOutEverywhere')}</button>
        <span class="hint" id="everywhere-hint">${this.t('signOutEverywhereHint')}</span>
      </p>
    `;
  }
}
customElements.define('preau-sessions-list', PreauSessionsList);

declare global {
  interface HTMLElementTagNameMap {
    'preau-sessions-list': PreauSessionsList;
  }
}
