import { html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { formStyles } from '../styles.js';
import { errorMessage, shellApiContext } from '../api.js';
import { formatDate } from '../format.js';
import { deviceEndpoint, subscribeDevice } from '../service-worker/app-worker.js';
import { ShellElement } from '../shell-element.js';
import { ApiResource } from '../api-resource.js';

interface Device {
  id: number;
  browser: string;
  createdAt: string;
  current: boolean;
}
interface Devices {
  enabled: boolean;
  publicKey: string;
  devices: Device[];
}

/**
 * Mon compte › Notifications › Mes appareils: « Recevoir les notifications sur cet appareil », and the devices
 * subscribed, each with its browser and date and « Retirer ».
 */
export class PreauPushDevices extends ShellElement {
  static override properties = { outcome: { state: true }, busy: { state: true } };
  static override styles = [formStyles];
  outcome: { ok: boolean; message: string } | null = null;
  busy = false;
  private api = new ContextConsumer(this, { context: shellApiContext });
  private devices = new ApiResource<Devices>(this, () => '/api/core/me/devices');

  private get state(): Devices | null {
    return this.devices.value;
  }

  private load(): Promise<void> {
    return this.devices.reload();
  }

  private async subscribe(): Promise<void> {
    if (!this.state) return;
    this.busy = true;
    this.outcome = null;
    try {
      const subscription = await subscribeDevice(this.state.publicKey);
      await this.api.value!.post('/api/core/me/devices', { endpoint: subscription.endpoint, keys: subscription.keys });
      this.outcome = { ok: true, message: this.t('devicesSubscribed') };
      await this.load();
    } catch (error) {
      const reason = (error as Error).message;
      this.outcome = { ok: false, message: reason === 'push-denied' ? this.t('devicesDenied') : reason === 'push-unsupported' ? this.t('devicesUnsupported') : errorMessage(error) };
    } finally {
      this.busy = false;
    }
  }

  private async removeDevice(device: Device): Promise<void> {
    this.busy = true;
    this.outcome = null;
    try {
      await this.api.value!.delete(`/api/core/me/devices/${device.id}`);
      // This device's own subscription ends in the browser too, so that it can subscribe again later.
      if (device.current && (await deviceEndpoint())) {
        const registration = await navigator.serviceWorker.getRegistration('/');
        await (await registration?.pushManager.getSubscription())?.unsubscribe();
      }
      this.outcome = { ok: true, message: this.t('devicesRemoved') };
      await this.load();
    } catch (error) {
      this.outcome = { ok: false, message: errorMessage(error) };
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const state = this.state;
    const outcome = this.outcome
      ? html`<p class=${this.outcome.ok ? 'success' : 'error'} role=${this.outcome.ok ? 'status' : 'alert'}>${this.outcome.message}</p>`
      : '';
    if (!state) return this.devices.error ? html`<p class="error" role="alert">${this.devices.error}</p>` : outcome || html`<p>${this.t('loading')}</p>`;
    if (!state.enabled) return html`<p class="hint">${this.t('devicesDisabled')}</p>`;
    const thisOne = state.devices.some((device) => device.current);
    return html`
      <p>${this.t('devicesIntro')}</p>
      ${thisOne ? '' : html`<p><button type="button" ?disabled=${this.busy} @click=${() => void this.subscribe()}>${this.t('devicesSubscribe')}</button></p>`}
      ${outcome}
      ${state.devices.length === 0
        ? html`<p class="hint">${this.t('devicesNone')}</p>`
        : html`<ul class="devices">
            ${state.devices.map((device) => html`<li>
              <strong>${device.browser}</strong>${device.current ? html` (${this.t('devicesThis')})` : ''} —
              ${this.f('devicesSince', { date: formatDate(device.createdAt, this.language) })}
              <button type="button" class="secondary" ?disabled=${this.busy} aria-label=${this.f('devicesRemoveOf', { device: device.browser })}
                @click=${() => void this.removeDevice(device)}>${this.t('devicesRemove')}</button>
            </li>`)}
          </ul>`}
    `;
  }
}
customElements.define('preau-push-devices', PreauPushDevices);

declare global {
  interface HTMLElementTagNameMap {
    'preau-push-devices': PreauPushDevices;
  }
}
