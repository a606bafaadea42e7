import { css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { formStyles, tableStyles } from '../styles.js';
import { type TextKey } from '../i18n.js';
import { errorMessage, shellApiContext } from '../api.js';
import { ShellElement } from '../shell-element.js';
import { ApiResource } from '../api-resource.js';

type Delivery = 'immediate' | 'daily' | 'weekly' | 'never';
interface QuietHours {
  enabled: boolean;
  start: string;
  end: string;
  weekends: boolean;
}
interface Preferences {
  email: string | null;
  emailEnabled: boolean;
  types: {
    app: string;
    type: string;
    appTitle: { fr: string; en: string };
    title: { fr: string; en: string };
    timelineOnly: boolean;
    defaultDelivery: Delivery;
    delivery: Delivery;
    chosen: boolean;
    push: boolean;
    pushDefault: boolean;
  }[];
  quietHours: QuietHours & { custom: boolean };
  academyQuietHours: QuietHours;
}

const DELIVERIES: Delivery[] = ['immediate', 'daily', 'weekly', 'never'];
const DELIVERY_TEXT: Record<Delivery, TextKey> = { immediate: 'deliveryImmediate', daily: 'deliveryDaily', weekly: 'deliveryWeekly', never: 'deliveryNever' };

/**
 * "Mon compte › Notifications": the email switch first, then email per type (immediately, digests, never)
 * grouped by app, one type per line so that a phone reads it whole, and quiet hours.
 */
export class PreauNotificationPreferences extends ShellElement {
  static override properties = { outcome: { state: true }, busy: { state: true } };
  static override styles = [
    formStyles,
    tableStyles,
    css`
      form { max-width: none; }
      fieldset { border: 1px solid #d5d9e2; border-radius: 8px; padding: 0.75rem 1rem; display: grid; gap: 0.75rem; max-width: 32rem; }
      legend { font-weight: 700; padding: 0 0.25rem; }
      .times { display: flex; gap: 1rem; flex-wrap: wrap; }
      .email-switch { font-size: 1.05rem; }
      fieldset.app { max-width: 40rem; gap: 0.5rem; }
      /* One type per line: its name, then how it is emailed; side by side only where there is room. */
      .type { display: grid; gap: 0.3rem; padding: 0.4rem 0; border-top: 1px solid #eef1f7; }
      .type:first-of-type { border-top: 0; }
      .type label { font-weight: 600; }
      .type select { width: 100%; min-width: 0; }
      .type .push { font-weight: 400; }
      @media (min-width: 40rem) { .type { grid-template-columns: minmax(0, 1fr) minmax(0, 17rem) max-content; align-items: center; } }
    `,
  ];
  outcome: { ok: boolean; message: string } | null = null;
  busy = false;
  private api = new ContextConsumer(this, { context: shellApiContext });
  private resource = new ApiResource<Preferences>(this, () => '/api/core/me/notification-preferences');

  private get preferences(): Preferences | null {
    return this.resource.value;
  }

  private async save(event: SubmitEvent, resetQuietHours = false): Promise<void> {
    event.preventDefault();
    const preferences = this.preferences;
    if (!preferences) return;
    const form = this.renderRoot.querySelector('form')!;
    const data = new FormData(form);
    const types = preferences.types
      .filter((type) => !type.timelineOnly)
      .map((type) => {
        const chosen = data.get(`${type.app}.${type.type}`) as Delivery | 'default' | null;
        return { app: type.app, type: type.type, delivery: !chosen || chosen === 'default' ? null : chosen };
      });
    // A push choice equal to the default is no choice: a later change of the manifest's default applies.
    const push = preferences.types.map((type) => {
      const wanted = data.get(`push:${type.app}.${type.type}`) === 'on';
      return { app: type.app, type: type.type, enabled: wanted === type.pushDefault ? null : wanted };
    });
    const quietHours = resetQuietHours
      ? null
      : { enabled: data.get('quietEnabled') === 'on', start: String(data.get('quietStart')), end: String(data.get('quietEnd')), weekends: data.get('quietWeekends') === 'on' };
    this.busy = true;
    try {
      this.resource.replace(await this.api.value!.put<Preferences>('/api/core/me/notification-preferences', {
        types,
        push,
        emailEnabled: data.get('emailEnabled') === 'on',
        quietHours,
      }));
      this.outcome = { ok: true, message: this.t('saved') };
    } catch (error) {
      this.outcome = { ok: false, message: errorMessage(error) };
    } finally {
      this.busy = false;
    }
  }

  private renderType(type: Preferences['types'][number]) {
    const id = `type-${type.app}-${type.type}`;
    return html`<div class="type">
      ${type.timelineOnly
        ? html`<span>${type.title[this.language]}</span><span class="hint">${this.t('timelineOnly')}</span>`
        : html`<label for=${id}>${type.title[this.language]}</label>
            <select id=${id} name=${`${type.app}.${type.type}`} ?disabled=${!this.preferences!.emailEnabled}>
              <option value="default" ?selected=${!type.chosen}>${this.f('deliveryDefault', { delivery: this.t(DELIVERY_TEXT[type.defaultDelivery]).toLowerCase() })}</option>
              ${DELIVERIES.map((d) => html`<option value=${d} ?selected=${type.chosen && type.delivery === d}>${this.t(DELIVERY_TEXT[d])}</option>`)}
            </select>`}
      <label class="check push"><input type="checkbox" name=${`push:${type.app}.${type.type}`} ?checked=${type.push}
        aria-label=${this.f('pushOnDevicesOf', { type: type.title[this.language] })} />${this.t('pushOnDevices')}</label>
    </div>`;
  }

  /** The person's types (the server keeps those of their profile only), one group per app, in the apps' order. */
  private renderGroups(types: Preferences['types']) {
    const byApp = new Map<string, Preferences['types']>();
    for (const type of types) byApp.set(type.app, [...(byApp.get(type.app) ?? []), type]);
    return [...byApp.values()].map((group) => html`<fieldset class="app">
      <legend>${group[0]!.appTitle[this.language]}</legend>
      ${group.map((type) => this.renderType(type))}
    </fieldset>`);
  }

  override render() {
    const p = this.preferences;
    if (!p) return this.resource.error ? html`<p class="error" role="alert">${this.resource.error}</p>` : html`<p>${this.t('loading')}</p>`;
    const academy = p.academyQuietHours;
    return html`
      <p>${this.t('preferencesIntro')}</p>
      ${p.email ? '' : html`<p class="hint">${this.t('preferencesNoEmail')}</p>`}
      <form @submit=${(event: SubmitEvent) => this.save(event)}>
        <label class="check email-switch"><input type="checkbox" name="emailEnabled" ?checked=${p.emailEnabled}
          @change=${(event: Event) => this.resource.replace({ ...p, emailEnabled: (event.target as HTMLInputElement).checked })} />${this.t('emailEnabled')}</label>
        ${this.renderGroups(p.types)}
        <fieldset>
          <legend>${this.t('quietHours')}</legend>
          <p class="hint">${this.t('quietHoursHint')}</p>
          <p class="hint">${this.f('quietAcademy', { start: academy.start, end: academy.end, weekends: academy.weekends ? this.t('quietAcademyWeekends') : '' })}</p>
          <label class="check"><input type="checkbox" name="quietEnabled" ?checked=${p.quietHours.enabled} />${this.t('quietEnabled')}</label>
          <div class="times">
            <label>${this.t('quietStart')} <input type="time" name="quietStart" required .value=${p.quietHours.start} /></label>
            <label>${this.t('quietEnd')} <input type="time" name="quietEnd" required .value=${p.quietHours.end} /></label>
          </div>
          <label class="check"><input type="checkbox" name="quietWeekends" ?checked=${p.quietHours.weekends} />${this.t('quietWeekends')}</label>
          ${p.quietHours.custom
            ? html`<div><button type="button" class="secondary" ?disabled=${this.busy} @click=${(event: SubmitEvent) => this.save(event, true)}>${this.t('quietReset')}</button></div>`
            : ''}
        </fieldset>
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${this.t('savePreferences')}</button>
          <span role="status" class=${this.outcome?.ok ? 'success' : 'error'}>${this.outcome?.message ?? ''}</span>
        </div>
      </form>
    `;
  }
}
customElements.define('preau-notification-preferences', PreauNotificationPreferences);

declare global {
  interface HTMLElementTagNameMap {
    'preau-notification-preferences': PreauNotificationPreferences;
  }
}
