import { css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { formStyles, tableStyles } from '../styles.js';
import { errorMessage, shellApiContext } from '../api.js';
import { ShellElement } from '../shell-element.js';
import { ApiResource } from '../api-resource.js';

/** An app as `GET /api/core/schools/:id/apps` lists it for the school. */
interface SchoolApp {
  name: string;
  title: { fr: string; en: string } | null;
  state: string;
  enabledToday: boolean;
  enabledByDefault: boolean;
  setting: { enabled: boolean; startsOn: string | null; endsOn: string | null } | null;
}

/** The apps of a school: on or off, optionally for a period; saved one row at a time. */
export class PreauSchoolApps extends ShellElement {
  static override properties = { schoolId: { type: Number }, error: { state: true }, status: { state: true } };
  static override styles = [
    formStyles,
    tableStyles,
    css`
      form.inline { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 0.75rem; max-width: none; }
      form.inline > label:not(.check) { display: inline; }
    `,
  ];
  schoolId = 0;
  /** What saving a row answered when it failed. */
  error = '';
  status = '';
  private api = new ContextConsumer(this, { context: shellApiContext });
  private resource = new ApiResource<SchoolApp[]>(this, () => (this.schoolId ? `/api/core/schools/${this.schoolId}/apps` : null));

  private get apps(): SchoolApp[] | null {
    return this.resource.value;
  }

  private load(): Promise<void> {
    return this.resource.reload();
  }

  private appTitle(app: SchoolApp): string {
    return app.title?.[this.language] ?? app.name;
  }

  private async save(event: SubmitEvent, app: SchoolApp): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.error = '';
    this.status = '';
    try {
      await this.api.value!.put(`/api/core/schools/${this.schoolId}/apps/${app.name}`, {
        enabled: data.get('enabled') === 'on',
        startsOn: (data.get('startsOn') as string) || null,
        endsOn: (data.get('endsOn') as string) || null,
      });
      this.status = this.f('appSaved', { app: this.appTitle(app) });
      await this.load();
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  private renderRow(app: SchoolApp) {
    const enabled = app.setting ? app.setting.enabled : app.enabledByDefault;
    const id = `app-${app.name}`;
    const today = app.state !== 'active' ? this.t('appUnavailable') : app.enabledToday ? this.t('appOn') : this.t('appOff');
    return html`<tr>
      <th scope="row">${this.appTitle(app)}${app.setting ? '' : html` <small>(${this.t('appDefault')})</small>`}</th>
      <td>${today}</td>
      <td>
        <form class="inline" @submit=${(event: SubmitEvent) => void this.save(event, app)}>
          <label class="check"><input type="checkbox" name="enabled" ?checked=${enabled} ?disabled=${app.state !== 'active'}>
            ${this.f('appEnabledLabel', { app: this.appTitle(app) })}</label>
          <label for="${id}-from">${this.t('appStartsOn')}</label>
          <input id="${id}-from" type="date" name="startsOn" .value=${app.setting?.startsOn ?? ''}>
          <label for="${id}-to">${this.t('appEndsOn')}</label>
          <input id="${id}-to" type="date" name="endsOn" .value=${app.setting?.endsOn ?? ''}>
          <button ?disabled=${app.state !== 'active'}>${this.t('appSave')}</button>
        </form>
      </td>
    </tr>`;
  }

  override render() {
    return html`
      <h2>${this.t('tabApps')}</h2>
      <p>${this.t('appsIntro')}</p>
      ${this.error || this.resource.error ? html`<p class="error" role="alert">${this.error || this.resource.error}</p>` : ''}
      <p role="status">${this.status}</p>
      ${this.apps
        ? html`<div class="table-wrap"><table>
            <caption>${this.t('appsCaption')}</caption>
            <thead><tr><th scope="col">${this.t('appName')}</th><th scope="col">${this.t('appToday')}</th><th scope="col"></th></tr></thead>
            <tbody>${this.apps.map((app) => this.renderRow(app))}</tbody>
          </table></div>`
        : html`<p>${this.t('loading')}</p>`}
    `;
  }
}
customElements.define('preau-school-apps', PreauSchoolApps);

declare global {
  interface HTMLElementTagNameMap {
    'preau-school-apps': PreauSchoolApps;
  }
}
