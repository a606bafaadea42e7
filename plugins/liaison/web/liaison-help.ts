import { html } from 'lit';
import { LiaisonElement } from './liaison-element.js';

/** The notebook's help page, shown by the shell from the header's « Aide ». */
export class LiaisonHelp extends LiaisonElement {
  override render() {
    if (this.language === 'en') {
      return html`
        <h2>${this.t('helpTitle')}</h2>
        <p>The notebook replaces the paper notebook: the teacher writes a word to the class, each family acknowledges it.</p>
        <ul>
          <li><strong>Teachers</strong>: "Write a word", choose the class or some pupils, optionally ask a question; follow who read it in "Tracking", send a reminder, print slips for families without internet.</li>
          <li><strong>Parents</strong>: choose your child at the top, open each word, press "Acknowledge"; one parent is enough. You may reply to the teacher (other families never see your reply).</li>
          <li><strong>Pupils</strong> read the words of their class.</li>
        </ul>
        <p>To write to one person, use messaging.</p>`;
    }
    return html`
      <h2>${this.t('helpTitle')}</h2>
      <p>Le carnet remplace le cahier de liaison papier : l'enseignant écrit un mot à la classe, chaque famille confirme sa lecture.</p>
      <ul>
        <li><strong>Enseignants</strong> : « Écrire un mot », choisissez la classe ou quelques élèves, posez éventuellement une question ; suivez qui l'a lu dans « Suivi du mot », envoyez un rappel, imprimez les coupons pour les familles sans internet.</li>
        <li><strong>Parents</strong> : choisissez votre enfant en haut de la page, ouvrez chaque mot et appuyez sur « Confirmer la lecture » ; un seul parent suffit. Vous pouvez répondre à l'enseignant (les autres familles ne voient jamais votre réponse).</li>
        <li><strong>Élèves</strong> : vous lisez les mots de votre classe.</li>
      </ul>
      <p>Pour écrire à une seule personne, utilisez la messagerie.</p>`;
  }
}
customElements.define('liaison-help', LiaisonHelp);

declare global {
  interface HTMLElementTagNameMap {
    'liaison-help': LiaisonHelp;
  }
}
