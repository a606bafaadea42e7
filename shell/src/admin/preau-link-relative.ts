import { css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { formStyles } from '../styles.js';
import { errorMessage, shellApiContext } from '../api.js';
import type { ClassMembers } from '../api-types.js';
import { ShellElement } from '../shell-element.js';

/** A parent of the school, as its administrators may link one to a pupil. */
export interface SchoolRelative {
  id: number;
  displayName: string;
  login: string;
}

/**
 * For a school's administrators, on the class page: links one of the school's parents to a pupil by hand (a
 * parent missing from the ONDE file). Reports `relatives-changed` once the server has the link.
 */
export class PreauLinkRelative extends ShellElement {
  static override properties = { schoolId: { type: Number }, pupil: { attribute: false }, candidates: { attribute: false }, busy: { state: true }, error: { state: true } };
  static override styles = [formStyles, css`
    form { display: flex; flex-wrap: wrap; gap: var(--preau-space-2, 0.5rem); align-items: center; margin-top: var(--preau-space-2, 0.5rem); }
    label { flex-basis: 100%; font-weight: 600; }
  `];
  schoolId = 0;
  pupil?: ClassMembers['pupils'][number];
  /** The school's parents; those already linked to the pupil are left out. */
  candidates: SchoolRelative[] = [];
  busy = false;
  error = '';
  private api = new ContextConsumer(this, { context: shellApiContext });

  private async link(relativeId: number): Promise<void> {
    if (!this.pupil) return;
    this.busy = true;
    this.error = '';
    try {
      await this.api.value!.put(`/api/core/schools/${this.schoolId}/pupils/${this.pupil.id}/relatives/${relativeId}`, {});
      this.dispatchEvent(new Event('relatives-changed', { bubbles: true, composed: true }));
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const pupil = this.pupil;
    const others = this.candidates.filter((r) => !pupil?.relatives.some((x) => x.id === r.id));
    if (!pupil || others.length === 0) return html``;
    const id = `link-${pupil.id}`;
    return html`<form @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      const chosen = Number(new FormData(event.target as HTMLFormElement).get('relative'));
      if (chosen) void this.link(chosen);
    }}>
      <label for=${id}>${this.f('linkRelativeTo', { pupil: pupil.displayName })}</label>
      <select id=${id} name="relative">${others.map((r) => html`<option value=${r.id}>${r.displayName} (${r.login})</option>`)}</select>
      <button type="submit" class="secondary" ?disabled=${this.busy}>${this.t('linkRelative')}</button>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
    </form>`;
  }
}
customElements.define('preau-link-relative', PreauLinkRelative);

declare global {
  interface HTMLElementTagNameMap {
    'preau-link-relative': PreauLinkRelative;
  }
}
