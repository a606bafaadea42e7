import { css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { WebUser } from '@preau/sdk/web';
import { formStyles, tableStyles } from '../styles.js';
import { format } from '../i18n.js';
import { errorMessage, shellApiContext } from '../api.js';
import { isAcademyAdmin } from '../access.js';
import type { SchoolRow } from '../api-types.js';
import type { Gateway } from './communication-types.js';
import { ShellElement } from '../shell-element.js';

const PROFILES = ['Teacher', 'Student', 'Relative', 'Personnel', 'Guest'] as const;
const BY_NUMBER = 'number';

/** Today in Paris as yyyy-mm-dd (the earliest end date a gateway may have). */
function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date());
}

/**
 * The form to propose a gateway from this school to another one: the other school (from the schools the user
 * administers, or by its number, since a local administrator's list holds only their own school), the profiles
 * to put in touch, an optional end date and purpose. An academy administrator's gateway opens at once.
 * Reports `preau-gateway-created` with the new gateway.
 */
export class PreauGatewayForm extends ShellElement {
  static override properties = {
    schoolId: { type: Number },
    user: { attribute: false },
    schools: { state: true },
    choice: { state: true },
    error: { state: true },
    notice: { state: true },
    busy: { state: true },
    typed: { state: true },
  };
  static override styles = [
    formStyles,
    tableStyles,
    css`
      form { max-width: 32rem; }
      fieldset { border: 1px solid var(--preau-border-subtle, #d5d9e2); border-radius: var(--preau-radius-control, 8px); padding: 0.5rem 1rem; margin: 0; }
      legend { font-weight: 600; padding: 0 0.25rem; }
      fieldset .hint { margin: 0 0 0.25rem; }
    `,
  ];
  schoolId = 0;
  user?: WebUser;
  /** The other schools the user administers (empty for most local administrators). */
  schools: SchoolRow[] = [];
  /** The chosen option of the school list: a school's id, or `number` to type one. */
  choice = '';
  error = '';
  notice = '';
  busy = false;
  /** The school the typed UAI names (shown before sending), or why none was found. */
  typed: { name: string; city: string | null } | { problem: string } | null = null;
  private lookup = 0;
  private api = new ContextConsumer(this, { context: shellApiContext });

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('schoolId') && this.schoolId) void this.load();
  }

  private async load(): Promise<void> {
    try {
      const schools = await this.api.value!.get<SchoolRow[]>('/api/core/schools');
      this.schools = schools.filter((s) => s.id !== this.schoolId).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    } catch {
      // Without the list, the other school is typed by its number.
      this.schools = [];
    }
  }

  private get opensAtOnce(): boolean {
    return this.user ? isAcademyAdmin(this.user) : false;
  }

  /** The other school's id from the form (typed as its UAI code, or its number), or a message saying what is wrong. */
  private async otherSchool(data: FormData): Promise<number | string> {
    const byNumber = this.schools.length === 0 || this.choice === BY_NUMBER;
    const raw = String(data.get(byNumber ? 'schoolNumber' : 'school') ?? '').trim();
    let id = Number(raw);
    if (/^[0-9]{7}[A-Za-z]$/.test(raw)) {
      try {
        id = (await this.api.value!.get<{ id: number }>(`/api/core/schools/by-uai/${encodeURIComponent(raw.toUpperCase())}`)).id;
      } catch (error) {
        return errorMessage(error);
      }
    } else if (!/^[0-9]{1,9}$/.test(raw) || id < 1) {
      return this.t('otherSchoolInvalid');
    }
    if (id === this.schoolId) return this.t('sameSchool');
    return id;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const schoolB = await this.otherSchool(data);
    const profiles = data.getAll('profiles').map(String);
    const endsOn = String(data.get('endsOn') ?? '');
    const purpose = String(data.get('purpose') ?? '').trim();
    this.notice = '';
    this.error = typeof schoolB === 'string' ? schoolB : profiles.length === 0 ? this.t('chooseProfiles') : '';
    if (this.error || typeof schoolB === 'string') return;
    this.busy = true;
    try {
      const gateway = await this.api.value!.post<Gateway>('/api/core/gateways', {
        schoolA: this.schoolId,
        schoolB,
        profiles,
        ...(endsOn ? { endsOn } : {}),
        ...(purpose ? { purpose } : {}),
      });
      form.reset();
      this.choice = '';
      this.typed = null;
      this.notice = format(gateway.status === 'open' ? 'gatewayCreatedOpen' : 'gatewayCreatedProposed', this.language, { school: gateway.schoolB.name });
      this.dispatchEvent(new CustomEvent<Gateway>('preau-gateway-created', { detail: gateway, bubbles: true, composed: true }));
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  /** Names the school as soon as a whole UAI is typed, so that the director checks it before proposing. */
  private async lookUp(raw: string): Promise<void> {
    const uai = raw.trim().toUpperCase();
    const ticket = ++this.lookup;
    if (!/^[0-9]{7}[A-Z]$/.test(uai)) {
      this.typed = null;
      return;
    }
    try {
      const found = await this.api.value!.get<{ name: string; city: string | null }>(`/api/core/schools/by-uai/${encodeURIComponent(uai)}`);
      if (ticket === this.lookup) this.typed = { name: found.name, city: found.city };
    } catch (error) {
      if (ticket === this.lookup) this.typed = { problem: errorMessage(error) };
    }
  }

  private renderSchool() {
    const typed = this.typed;
    const number = html`<div class="field">
      <label for="school-number">${this.t('otherSchoolNumber')}</label>
      <input id="school-number" name="schoolNumber" autocomplete="off" aria-describedby="school-number-hint school-found"
        @input=${(event: Event) => void this.lookUp((event.target as HTMLInputElement).value)}>
      <p class="hint" id="school-number-hint">${this.t('otherSchoolNumberHint')}</p>
      <p id="school-found" role="status">${typed
        ? 'problem' in typed
          ? html`<span class="error">${typed.problem}</span>`
          : html`<strong>${this.f('otherSchoolFound', { school: typed.city ? `${typed.name} (${typed.city})` : typed.name })}</strong>`
        : ''}</p>
    </div>`;
    if (this.schools.length === 0) return number;
    return html`
      <div class="field">
        <label for="school">${this.t('otherSchool')}</label>
        <select id="school" name="school" @change=${(event: Event) => (this.choice = (event.target as HTMLSelectElement).value)}>
          <option value="">${this.t('chooseSchool')}</option>
          ${this.schools.map((s) => html`<option value=${s.id}>${s.name}${s.city ? ` (${s.city})` : ''}</option>`)}
          <option value=${BY_NUMBER}>${this.t('schoolByNumber')}</option>
        </select>
      </div>
      ${this.choice === BY_NUMBER ? number : ''}
    `;
  }

  override render() {
    const open = this.opensAtOnce;
    return html`
      <section aria-labelledby="propose-gateway" class="panel">
        <h4 id="propose-gateway">${this.t(open ? 'openGateway' : 'proposeGateway')}</h4>
        <p class="hint">${this.t(open ? 'openGatewayIntro' : 'proposeGatewayIntro')}</p>
        <form @submit=${this.submit} novalidate>
          ${this.renderSchool()}
          <fieldset aria-describedby="profiles-hint">
            <legend>${this.t('gatewayProfiles')}</legend>
            <p class="hint" id="profiles-hint">${this.t('gatewayProfilesHint')}</p>
            ${PROFILES.map((p) => html`<label class="check"><input type="checkbox" name="profiles" value=${p}>${this.t(`gatewayProfile${p}`)}</label>`)}
          </fieldset>
          <div class="field">
            <label for="ends-on">${this.t('gatewayEndsOnField')}</label>
            <input id="ends-on" type="date" name="endsOn" min=${today()}>
          </div>
          <div class="field">
            <label for="purpose">${this.t('gatewayPurposeField')}</label>
            <input id="purpose" name="purpose" maxlength="300" aria-describedby="purpose-hint">
            <p class="hint" id="purpose-hint">${this.t('gatewayPurposeHint')}</p>
          </div>
          ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
          <div role="status">${this.notice ? html`<p class="success">${this.notice}</p>` : ''}</div>
          <button ?disabled=${this.busy}>${this.t(open ? 'openGatewaySubmit' : 'proposeGatewaySubmit')}</button>
        </form>
      </section>
    `;
  }
}
customElements.define('preau-gateway-form', PreauGatewayForm);

declare global {
  interface HTMLElementTagNameMap {
    'preau-gateway-form': PreauGatewayForm;
  }
}
