import { LitElement, css, html } from 'lit';
import type { Language } from '../i18n.js';

/**
 * The shell's general help: what the header, the home page and the common pages are for. Shown by the header's
 * "Aide" on the shell's own pages and in an app that has no help of its own.
 */
export class PreauShellHelp extends LitElement {
  static override properties = { language: {} };
  static override styles = css`
    :host { display: block; }
    h3 { font-size: var(--preau-text-h3, 1.1rem); margin: var(--preau-space-4, 1rem) 0 var(--preau-space-1, 0.25rem); }
    h3:first-child { margin-top: 0; }
    p, ul { margin: 0 0 var(--preau-space-2, 0.5rem); }
    ul { padding-left: 1.25rem; }
  `;
  language: Language = 'fr';

  override render() {
    if (this.language === 'en') {
      return html`
        <h3>The home page</h3>
        <p>The school's flash messages come first, then your apps, then what happened recently in them (the timeline).</p>
        <h3>The header</h3>
        <ul>
          <li>The bell lists your notifications; a number on it says how many are unread.</li>
          <li><strong>Directory</strong>: find the people you may write to.</li>
          <li><strong>My account</strong>: password, email, language, which notifications you receive and how.</li>
          <li><strong>Child</strong> (parents of several children): the apps then show what concerns the chosen child.</li>
          <li><strong>Administration</strong> (directors and administrators): classes, accounts, imports, apps of the school.</li>
          <li><strong>Help</strong>: in an app, its own help; elsewhere, this page.</li>
        </ul>
        <p>On a phone, these entries are behind the <strong>Menu</strong> button.</p>
        <h3>With the keyboard</h3>
        <p>Tab moves from one element to the next, Enter or Space activates it, Escape closes a menu or a dialog. The first Tab of a page offers to skip to its content.</p>
        <h3>Your first sign-in</h3>
        <p>Use the login and the code of the slip the school gave you. If you have lost your password, "Forgotten password?" on the sign-in page sends a link to your email; otherwise ask the school for a new code.</p>`;
    }
    return html`
      <h3>La page d'accueil</h3>
      <p>Les messages flash de l'école viennent d'abord, puis vos applications, puis ce qui s'y est passé récemment (le fil d'actualité).</p>
      <h3>L'en-tête</h3>
      <ul>
        <li>La cloche liste vos notifications ; le nombre affiché dessus indique combien sont non lues.</li>
        <li><strong>Annuaire</strong> : retrouver les personnes à qui vous pouvez écrire.</li>
        <li><strong>Mon compte</strong> : mot de passe, courriel, langue, notifications reçues et leur fréquence.</li>
        <li><strong>Enfant</strong> (parents de plusieurs enfants) : les applications montrent alors ce qui concerne l'enfant choisi.</li>
        <li><strong>Administration</strong> (directeurs et administrateurs) : classes, comptes, imports, applications de l'école.</li>
        <li><strong>Aide</strong> : dans une application, son aide ; ailleurs, cette page.</li>
      </ul>
      <p>Sur un téléphone, ces entrées sont derrière le bouton <strong>Menu</strong>.</p>
      <h3>Au clavier</h3>
      <p>Tab passe d'un élément au suivant, Entrée ou Espace l'active, Échap ferme un menu ou une fenêtre. La première tabulation d'une page propose d'aller directement au contenu.</p>
      <h3>Votre première connexion</h3>
      <p>Utilisez l'identifiant et le code de la fiche remise par l'école. Mot de passe perdu : « Mot de passe oublié ? » sur la page de connexion envoie un lien à votre courriel ; sinon, demandez un nouveau code à l'école.</p>`;
  }
}
customElements.define('preau-shell-help', PreauShellHelp);

declare global {
  interface HTMLElementTagNameMap {
    'preau-shell-help': PreauShellHelp;
  }
}
