import { css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { fileNameSlug } from '@preau/sdk/web';
import { formStyles, tableStyles } from '../styles.js';
import { errorMessage, shellApiContext } from '../api.js';
import { formatDateTime } from '../format.js';
import { ShellElement } from '../shell-element.js';

/** Saves a Blob under a file name through a temporary link. */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A batch of codes issued once, kept in the page only, so that it prints as a page and as a PDF alike. */
interface SlipBatch {
  only: 'pending' | 'all';
  issuedAt: string;
  slips: { userId: number; code: string }[];
}

/**
 * The activation slips of a class. Printing issues one batch of codes (the page warns that earlier slips of the
 * same people stop working); that batch then prints as a page and downloads as a PDF as often as needed, with
 * the same codes. A new batch is an explicit, confirmed choice. Dispatches `slips-issued` when codes change.
 */
export class PreauClassSlips extends ShellElement {
  static override properties = {
    schoolId: { type: Number },
    classId: { type: Number },
    classLabel: {},
    administers: { type: Boolean },
    batch: { state: true },
    error: { state: true },
    notice: { state: true },
    link: { state: true },
    busy: { state: true },
  };
  static override styles = [
    formStyles,
    tableStyles,
    css`
      fieldset { border: 1px solid var(--preau-border-subtle, #d5d9e2); border-radius: var(--preau-radius-control, 8px); padding: 0.5rem 1rem; margin: 0 0 1rem; }
      legend { font-weight: 600; padding: 0 0.25rem; }
    `,
  ];
  schoolId = 0;
  classId = 0;
  classLabel = '';
  administers = false;
  batch: SlipBatch | null = null;
  error = '';
  notice = '';
  link = '';
  busy = false;
  private api = new ContextConsumer(this, { context: shellApiContext });

  private only(): 'pending' | 'all' {
    return (this.renderRoot.querySelector<HTMLInputElement>('input[name="only"]:checked')?.value ?? 'pending') as 'pending' | 'all';
  }

  private path(): string {
    return `/api/core/schools/${this.schoolId}/classes/${this.classId}/activation-slips`;
  }

  /** The batch for the chosen people: the current one, or a new one issued now. */
  private async currentBatch(): Promise<SlipBatch | null> {
    const only = this.only();
    if (this.batch?.only === only) return this.batch;
    const issued = await this.api.value!.post<{ slips: { userId: number; code: string }[] }>(this.path(), { only, format: 'json' });
    this.dispatchEvent(new CustomEvent('slips-issued', { bubbles: true, composed: true }));
    if (issued.slips.length === 0) {
      this.batch = null;
      this.notice = this.t('slipsNone');
      return null;
    }
    this.batch = { only, issuedAt: new Date().toISOString(), slips: issued.slips.map(({ userId, code }) => ({ userId, code })) };
    return this.batch;
  }

  private async printed(format: 'html' | 'pdf', batch: SlipBatch): Promise<Blob> {
    return this.api.value!.postForBlob(`${this.path()}/print`, { format, slips: batch.slips });
  }

  /**
   * The window is opened during the click, before the requests: opened after them, a browser would block it. The
   * server's page is written into it (it keeps the shell's Content-Security-Policy, which allows its style), and
   * its print button gets its listener from here, inline handlers being refused.
   */
  private async print(): Promise<void> {
    const target = window.open('', '_blank');
    await this.run(async () => {
      const batch = await this.currentBatch();
      if (!batch) {
        target?.close();
        return;
      }
      const blob = await this.printed('html', batch);
      if (target) {
        target.document.open();
        target.document.write(await blob.text());
        target.document.close();
        for (const button of target.document.querySelectorAll('[data-print]')) button.addEventListener('click', () => target.print());
      } else {
        this.link = URL.createObjectURL(blob);
      }
    }, () => target?.close());
  }

  private async pdf(): Promise<void> {
    await this.run(async () => {
      const batch = await this.currentBatch();
      if (batch) download(await this.printed('pdf', batch), `fiches-activation-${fileNameSlug(this.classLabel || String(this.classId))}.pdf`);
    });
  }

  private async newBatch(): Promise<void> {
    if (!confirm(this.t('confirmNewBatch'))) return;
    this.batch = null;
    await this.run(async () => {
      await this.currentBatch();
    });
  }

  private async run(step: () => Promise<void>, onError?: () => void): Promise<void> {
    this.busy = true;
    this.error = '';
    this.notice = '';
    this.link = '';
    try {
      await step();
    } catch (error) {
      onError?.();
      this.error = errorMessage(error);
      // The batch's codes were replaced elsewhere (a new code for someone): the next print issues a fresh batch.
      this.batch = null;
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`
      <section aria-labelledby="slips" class="panel">
        <h2 id="slips">${this.t('slipsTitle')}</h2>
        <p class="notice">${this.t('slipsWarning')}</p>
        ${this.administers
          ? html`<fieldset>
              <legend>${this.t('slipsFor')}</legend>
              <label class="check"><input type="radio" name="only" value="pending" checked>${this.t('slipsPending')}</label>
              <label class="check"><input type="radio" name="only" value="all">${this.t('slipsAll')}</label>
            </fieldset>`
          : html`<p class="hint">${this.t('slipsPendingOnly')}</p>`}
        <div class="actions">
          <button ?disabled=${this.busy} @click=${() => void this.print()}>${this.t('printSlips')}</button>
          <button class="secondary" ?disabled=${this.busy} @click=${() => void this.pdf()}>${this.t('slipsPdf')}</button>
        </div>
        <div role="status">
          ${this.batch
            ? html`<p>${this.f('slipsBatch', { count: this.batch.slips.length, time: formatDateTime(this.batch.issuedAt, this.language) })}</p>
                <p><button class="secondary" ?disabled=${this.busy} @click=${() => void this.newBatch()}>${this.t('slipsNewBatch')}</button></p>`
            : ''}
          ${this.notice ? html`<p>${this.notice}</p>` : ''}
          ${this.link ? html`<p><a href=${this.link} target="_blank">${this.t('openSlips')}</a></p>` : ''}
        </div>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      </section>
    `;
  }
}
customElements.define('preau-class-slips', PreauClassSlips);

declare global {
  interface HTMLElementTagNameMap {
    'preau-class-slips': PreauClassSlips;
  }
}
