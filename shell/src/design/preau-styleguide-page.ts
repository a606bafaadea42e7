import { LitElement, css, html } from 'lit';
import { APP_ICON_NAMES, preauStyles, showToast } from '@preau/sdk/web';
import type { PreauDialog } from './preau-dialog.js';
import './index.js';

// The tokens shown, by family (their values are read from the page, so the guide never goes stale).
const COLOURS = ['bg', 'fg', 'muted', 'surface', 'surface-alt', 'border', 'border-subtle', 'accent', 'accent-strong', 'accent-soft', 'link',
  'danger', 'danger-soft', 'success', 'success-soft', 'warning', 'warning-soft', 'warning-border'];
const SPACES = ['space-1', 'space-2', 'space-3', 'space-4', 'space-5', 'space-6'];
const RADII = ['radius-sm', 'radius-control', 'radius'];
const TYPE = ['text-h1', 'text-h2', 'text-h3', 'text-small'];

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/**
 * `/styleguide`: the living style guide for plugin authors, every token and shared element of the design system
 * as the shell draws it, with the code to write. In French, as plugin authors for French schools write their UI.
 */
export class PreauStyleguidePage extends LitElement {
  static override properties = { tab: { state: true } };
  static override styles = [
    preauStyles,
    css`
      section { margin: 0 0 var(--preau-space-6, 2rem); }
      pre { background: var(--preau-surface-alt, #eef1f7); padding: var(--preau-space-3, 0.75rem); border-radius: var(--preau-radius-control, 8px); overflow-x: auto; font-size: 0.85rem; white-space: pre-wrap; overflow-wrap: anywhere; }
      .swatches { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(min(10rem, 100%), 1fr)); gap: var(--preau-space-2, 0.5rem); }
      .swatches li { display: grid; gap: 0.15rem; font-size: var(--preau-text-small, 0.9rem); }
      .swatch { height: 2.5rem; border-radius: var(--preau-radius-sm, 6px); border: 1px solid var(--preau-border-subtle, #d5d9e2); }
      code { font-family: ui-monospace, monospace; font-size: 0.85em; overflow-wrap: anywhere; }
      .row { display: flex; flex-wrap: wrap; gap: var(--preau-space-3, 0.75rem); align-items: center; }
      .space { background: var(--preau-accent, #1f5fbf); height: 1rem; }
      .icons { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: var(--preau-space-4, 1rem); }
      .icons li { display: grid; justify-items: center; gap: 0.25rem; font-size: var(--preau-text-small, 0.9rem); }
    `,
  ];
  tab = 'week';

  private token(name: string): string {
    return getComputedStyle(document.documentElement).getPropertyValue(`--preau-${name}`).trim();
  }

  override render() {
    const surface = this.token('surface') || '#ffffff';
    return html`
      <h1>Guide de style</h1>
      <p>Le système de conception de Préau : ses valeurs (propriétés CSS <code>--preau-*</code>) et ses éléments partagés, tels que le shell les dessine.
        Une application les utilise au lieu de son propre CSS : <code>static styles = [preauStyles, css\`…\`]</code> (de <code>@preau/sdk/web</code>) et les éléments
        <code>&lt;preau-…&gt;</code> par leur balise. Voir <code>docs/design-system.md</code>.</p>

      <section aria-labelledby="colours"><h2 id="colours">Couleurs</h2>
        <p class="hint">Contraste avec la surface blanche indiqué pour chaque couleur ; le texte demande au moins 4,5:1 (AA), les bordures et icônes 3:1.</p>
        <ul class="swatches">${COLOURS.map((name) => {
          const value = this.token(name);
          return html`<li><span class="swatch" style="background: var(--preau-${name})"></span><code>--preau-${name}</code><span>${value}${/^#[0-9a-f]{6}$/i.test(value) ? ` · ${contrast(value, surface).toFixed(1)}:1` : ''}</span></li>`;
        })}</ul>
      </section>

      <section aria-labelledby="type"><h2 id="type">Typographie et espacements</h2>
        <ul class="plain">${TYPE.map((name) => html`<li style="font-size: var(--preau-${name})">Le <code>--preau-${name}</code> (${this.token(name)})</li>`)}</ul>
        <ul class="plain">${SPACES.map((name) => html`<li class="row"><span class="space" style="width: var(--preau-${name})"></span><code>--preau-${name}</code> ${this.token(name)}</li>`)}</ul>
        <p>Rayons : ${RADII.map((name) => html`<code>--preau-${name}</code> ${this.token(name)} · `)} cible tactile minimale <code>--preau-target</code> ${this.token('target')}.</p>
      </section>

      <section aria-labelledby="buttons"><h2 id="buttons">Boutons</h2>
        <div class="actions"><button type="button">Enregistrer</button><button type="button" class="secondary">Annuler</button>
          <button type="button" class="quiet">Plus d'options</button><button type="button" class="danger">Supprimer</button><button type="button" disabled>Indisponible</button></div>
        <pre><code>&lt;button&gt;Enregistrer&lt;/button&gt; &lt;button class="secondary"&gt;…&lt;/button&gt; &lt;button class="quiet"&gt;…&lt;/button&gt; &lt;button class="danger"&gt;…&lt;/button&gt;</code></pre>
      </section>

      <section aria-labelledby="fields"><h2 id="fields">Champs</h2>
        <form @submit=${(event: Event) => event.preventDefault()}>
          <label>Titre<input name="title" value="Sortie au musée"></label>
          <label>Classe<select name="class"><option>CP - M. ROUX</option><option>CM2 - Mme DURAND</option></select></label>
          <label>Message<textarea name="body">Les enfants partiront à 9 h.</textarea></label>
          <div class="field"><label for="deadline">Date limite de réponse</label><input id="deadline" type="date" aria-invalid="true" aria-describedby="deadline-error">
            <span id="deadline-error" class="error">La date limite doit être après aujourd'hui.</span></div>
          <label class="check"><input type="checkbox" checked>Demander une réponse Oui / Non</label>
          <p class="hint">Une aide sous un champ, en <code>.hint</code>.</p>
        </form>
        <pre><code>&lt;label&gt;Titre&lt;input name="title"&gt;&lt;/label&gt;  &lt;label class="check"&gt;&lt;input type="checkbox"&gt;…&lt;/label&gt;  .hint  .error  aria-invalid="true"</code></pre>
      </section>

      <section aria-labelledby="cards"><h2 id="cards">Cartes et listes</h2>
        <ul class="cards"><li class="card"><strong>CP - M. ROUX</strong><p class="muted">24 élèves</p></li><li class="card"><strong>CM2 - Mme DURAND</strong><p class="muted">27 élèves</p></li></ul>
        <ul class="list" style="margin-top: 1rem"><li>Réunion de rentrée jeudi à 18 h</li><li>Photo de classe le 12 octobre</li></ul>
        <pre><code>&lt;ul class="cards"&gt;&lt;li class="card"&gt;…&lt;/li&gt;&lt;/ul&gt;  &lt;ul class="list"&gt;&lt;li&gt;…&lt;/li&gt;&lt;/ul&gt;</code></pre>
      </section>

      <section aria-labelledby="tables"><h2 id="tables">Tableaux</h2>
        <div class="table-wrap" tabindex="0" role="region" aria-label="Exemple de tableau"><table>
          <caption>Réponses au mot « Sortie au musée »</caption>
          <thead><tr><th scope="col">Élève</th><th scope="col">Réponse</th><th scope="col" class="number">Relances</th></tr></thead>
          <tbody><tr><th scope="row">BÉRANGER Léa</th><td class="success">Oui</td><td class="number">0</td></tr><tr><th scope="row">BOYER Émilie</th><td>—</td><td class="number">2</td></tr></tbody>
        </table></div>
        <pre><code>&lt;div class="table-wrap" tabindex="0" role="region" aria-label="…"&gt;&lt;table&gt;…&lt;/table&gt;&lt;/div&gt;  (la zone défile sur un téléphone, pas la page)</code></pre>
      </section>

      <section aria-labelledby="tabs"><h2 id="tabs">Onglets</h2>
        <preau-tabs label="Vue du menu" .tabs=${[{ id: 'week', label: 'Cette semaine' }, { id: 'next', label: 'Semaine prochaine' }, { id: 'all', label: 'Tout' }]}
          .selected=${this.tab} @preau-tab-change=${(event: CustomEvent<string>) => (this.tab = event.detail)}></preau-tabs>
        <p role="tabpanel" aria-label=${this.tab}>Onglet choisi : <strong>${this.tab}</strong>.</p>
        <pre><code>&lt;preau-tabs label="Vue" .tabs=\${[{ id, label }]} selected="week" @preau-tab-change=\${…}&gt;  (avec href : des liens de pages)</code></pre>
      </section>

      <section aria-labelledby="menu"><h2 id="menu">Menu d'actions</h2>
        <div class="row">Sortie au musée <preau-menu label="Actions : Sortie au musée"><button type="button" @click=${() => showToast('Mot archivé')}>Archiver</button><button type="button">Imprimer</button></preau-menu></div>
        <pre><code>&lt;preau-menu label="Actions : …"&gt;&lt;button&gt;Archiver&lt;/button&gt;&lt;/preau-menu&gt;</code></pre>
      </section>

      <section aria-labelledby="dialog"><h2 id="dialog">Boîte de dialogue</h2>
        <button type="button" class="secondary" @click=${() => void this.renderRoot.querySelector<PreauDialog>('preau-dialog')?.show()}>Ouvrir la boîte de dialogue</button>
        <preau-dialog heading="Supprimer le fil « Sorties » ?">Les actualités du fil seront supprimées.
          <div slot="actions" class="actions"><button type="button" class="secondary" @click=${() => this.renderRoot.querySelector<PreauDialog>('preau-dialog')?.close()}>Annuler</button>
            <button type="button" class="danger" @click=${() => this.renderRoot.querySelector<PreauDialog>('preau-dialog')?.close()}>Supprimer</button></div></preau-dialog>
        <pre><code>&lt;preau-dialog heading="…"&gt;texte&lt;div slot="actions"&gt;…&lt;/div&gt;&lt;/preau-dialog&gt;  dialog.show() / dialog.close()</code></pre>
      </section>

      <section aria-labelledby="empty"><h2 id="empty">État vide</h2>
        <preau-empty-state heading="Aucun mot pour l'instant">Les mots de l'enseignant apparaîtront ici.</preau-empty-state>
        <pre><code>&lt;preau-empty-state heading="…"&gt;texte&lt;button slot="action"&gt;…&lt;/button&gt;&lt;/preau-empty-state&gt;</code></pre>
      </section>

      <section aria-labelledby="toasts"><h2 id="toasts">Notifications passagères (toasts)</h2>
        <div class="actions"><button type="button" class="secondary" @click=${() => showToast('Message envoyé', 'success')}>Montrer un succès</button>
          <button type="button" class="secondary" @click=${() => showToast("L'envoi a échoué : réessayez.", 'error')}>Montrer une erreur</button></div>
        <pre><code>import { showToast } from '@preau/sdk/web';  showToast('Message envoyé', 'success');</code></pre>
      </section>

      <section aria-labelledby="icons"><h2 id="icons">Icônes des applications</h2>
        <ul class="icons">${APP_ICON_NAMES.map((name) => html`<li><preau-app-icon icon=${name}></preau-app-icon><code>${name}</code></li>`)}</ul>
        <pre><code>definePlugin({ icon: 'documents', … })  (un nom de la série, un SVG « &lt;svg …&gt; » ou un émoji)</code></pre>
      </section>
    `;
  }
}
customElements.define('preau-styleguide-page', PreauStyleguidePage);

declare global {
  interface HTMLElementTagNameMap {
    'preau-styleguide-page': PreauStyleguidePage;
  }
}
