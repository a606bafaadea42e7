import { css, html, type TemplateResult } from 'lit';
import { formStyles, tableStyles } from '../styles.js';
import { type TextKey } from '../i18n.js';
import type { ImportPreview, ImportSummary } from '../api-types.js';
import { ShellElement } from '../shell-element.js';

const ACTIONS: Record<string, TextKey> = { create: 'actionCreate', update: 'actionUpdate', move: 'actionMove', unchanged: 'actionUnchanged' };
const FILES: Record<string, TextKey> = { pupils: 'thePupilsFile', guardians: 'theGuardiansFile' };

/** What an ONDE import will change (status `previewed`) or changed (`applied`): counts, problems, and the lists. */
export class PreauImportPreview extends ShellElement {
  static override properties = { preview: { attribute: false } };
  static override styles = [
    formStyles,
    tableStyles,
    css`
      :host { margin: 1.5rem 0; }
      h3:focus { outline: none; }
      details { margin: 0.5rem 0; }
      summary { cursor: pointer; font-weight: 600; padding: 0.7rem 0; }
      .problems li { margin: 0.3rem 0; }
    `,
  ];
  preview?: ImportPreview;

  /** The heading, to move focus to after a step. */
  heading(): HTMLElement | null {
    return this.renderRoot.querySelector('h3');
  }

  private action(action: string): string {
    return ACTIONS[action] ? this.t(ACTIONS[action]!) : action;
  }

  private renderCounts(summary: ImportSummary, applied: boolean) {
    const columns: TextKey[] = applied
      ? ['countCreated', 'countUpdated', 'countMoved', 'countRemoved', 'countUnchanged']
      : ['countToCreate', 'countToUpdate', 'countToMove', 'countToRemove', 'countUnchanged'];
    const rows: [TextKey, (number | null)[]][] = [
      ['rowClasses', [summary.classes.created, summary.classes.updated, null, null, summary.classes.unchanged]],
      ['rowPupils', [summary.pupils.created, summary.pupils.updated, summary.pupils.moved, summary.pupils.detached, summary.pupils.unchanged]],
      ['rowRelatives', [summary.relatives.created, summary.relatives.updated, null, null, summary.relatives.unchanged]],
      ['rowLinks', [summary.links.created, null, null, summary.links.removed, summary.links.unchanged]],
    ];
    return html`<div class="table-wrap"><table>
      <caption>${this.t('countsCaption')}</caption>
      <thead><tr><td></td>${columns.map((c) => html`<th scope="col" class="number">${this.t(c)}</th>`)}</tr></thead>
      <tbody>
        ${rows.map(([label, values]) => html`<tr>
          <th scope="row">${this.t(label)}</th>
          ${values.map((v) => (v === null ? html`<td class="number"><span aria-label=${this.t('notApplicable')}>—</span></td>` : html`<td class="number">${v}</td>`))}
        </tr>`)}
      </tbody>
    </table></div>`;
  }

  private renderProblems(problems: ImportSummary['problems']) {
    if (problems.length === 0) return '';
    return html`
      <h4>${this.f('problemsTitle', { count: problems.length })}</h4>
      <ul class="problems">
        ${problems.map((p) => html`<li>${this.f('problemLine', {
          line: p.line,
          file: FILES[p.file] ? this.t(FILES[p.file]!) : p.file,
        })} ${p.message}</li>`)}
      </ul>
    `;
  }

  /** One list of changes, folded: a whole school is long to read. */
  private list<T>(title: TextKey, items: T[], headers: TextKey[], row: (item: T) => TemplateResult) {
    if (items.length === 0) return '';
    return html`<details>
      <summary>${this.t(title)} (${items.length})</summary>
      <div class="table-wrap"><table>
        <thead><tr>${headers.map((h) => html`<th scope="col">${this.t(h)}</th>`)}</tr></thead>
        <tbody>${items.map(row)}</tbody>
      </table></div>
    </details>`;
  }

  private renderLists(preview: ImportPreview) {
    const changes = (list: string[]) => list.join(', ') || '—';
    return html`
      <h4>${this.t('changesTitle')}</h4>
      ${this.list('listClasses', preview.classes.filter((c) => c.action !== 'unchanged'), ['classLabel', 'levels', 'pupilCount', 'change'],
        (c) => html`<tr><th scope="row">${c.label}</th><td>${c.levels.join(', ')}</td><td>${c.pupils}</td><td>${this.action(c.action)}</td></tr>`)}
      ${this.list('listPupils', preview.pupils, ['pupil', 'classLabel', 'change', 'details', 'line'],
        (p) => html`<tr><th scope="row">${p.name}</th><td>${p.classLabel}</td><td>${this.action(p.action)}</td>
          <td>${p.fromClass ? this.f('fromClass', { label: p.fromClass }) : changes(p.changes)}</td><td>${p.line}</td></tr>`)}
      ${this.list('listDetachedPupils', preview.detachedPupils, ['pupil', 'classLabel'],
        (p) => html`<tr><th scope="row">${p.name}</th><td>${p.classLabel ?? '—'}</td></tr>`)}
      ${this.list('listRelatives', preview.relatives, ['personName', 'change', 'details', 'lines'],
        (r) => html`<tr><th scope="row">${r.name}</th><td>${this.action(r.action)}</td><td>${changes(r.changes)}</td><td>${r.lines.join(', ')}</td></tr>`)}
      ${this.list('listDetachedRelatives', preview.detachedRelatives, ['personName'], (r) => html`<tr><th scope="row">${r.name}</th></tr>`)}
    `;
  }

  override render() {
    const preview = this.preview;
    if (!preview) return html``;
    const applied = preview.status === 'applied';
    return html`
      <section class="panel" aria-labelledby="preview-title">
        <h3 id="preview-title" tabindex="-1">${this.t(applied ? 'importDone' : 'previewTitle')}</h3>
        ${preview.unchanged
          ? html`<p class="success">${this.t('importUnchanged')}</p>`
          : html`<p>${this.t(applied ? 'importDoneIntro' : 'previewIntro')}</p>`}
        ${this.renderCounts(preview.summary, applied)}
        ${this.renderProblems(preview.summary.problems)}
        ${preview.unchanged ? '' : this.renderLists(preview)}
      </section>
    `;
  }
}
customElements.define('preau-import-preview', PreauImportPreview);

declare global {
  interface HTMLElementTagNameMap {
    'preau-import-preview': PreauImportPreview;
  }
}
