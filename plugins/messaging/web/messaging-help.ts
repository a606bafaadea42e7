import { LitElement, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { languageContext, preauStyles } from '@preau/sdk/web';

/** The messaging help, shown by the header's "Aide" while the mailbox is open. */
export class MessagingHelp extends LitElement {
  static override styles = preauStyles;
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });

  override render() {
    if (this.language.value === 'en') {
      return html`
        <p>Messaging is for writing to one person or a few: a teacher, a parent, a colleague. To write to the whole class, teachers use the notebook.</p>
        <ul>
          <li><strong>New message</strong>: choose the recipients among the people you may write to, a subject and the text; a draft is kept as soon as it has a subject or a text.</li>
          <li>Unread messages are in bold with a coloured edge; the number beside a folder says how many are unread.</li>
          <li>An open message can be answered, forwarded, printed or deleted (it goes to the trash). Teachers and staff can recall a message they sent.</li>
          <li>Pupils' messages may wait for their teacher's approval: teachers find them under "To approve".</li>
        </ul>`;
    }
    return html`
      <p>La messagerie sert à écrire à une personne ou à quelques-unes : un enseignant, un parent, un collègue. Pour écrire à toute la classe, les enseignants utilisent le carnet de liaison.</p>
      <ul>
        <li><strong>Nouveau message</strong> : choisissez les destinataires parmi les personnes à qui vous pouvez écrire, un objet et le texte ; un brouillon est gardé dès qu'il a un objet ou un texte.</li>
        <li>Les messages non lus sont en gras avec un bord de couleur ; le nombre à côté d'un dossier indique combien sont non lus.</li>
        <li>Un message ouvert peut recevoir une réponse, être transféré, imprimé ou supprimé (il passe dans la corbeille). Les enseignants et le personnel peuvent rappeler un message qu'ils ont envoyé.</li>
        <li>Les messages des élèves peuvent attendre la validation de leur enseignant : les enseignants les trouvent dans « À valider ».</li>
      </ul>`;
  }
}
customElements.define('messaging-help', MessagingHelp);

declare global {
  interface HTMLElementTagNameMap {
    'messaging-help': MessagingHelp;
  }
}
