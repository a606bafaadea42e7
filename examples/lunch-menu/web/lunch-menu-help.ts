import { LitElement, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { languageContext } from '@preau/sdk/web';

const TEXT = {
  fr: {
    title: 'Comment lire et publier le menu',
    read: "Choisissez la semaine avec les flèches : les menus du lundi au vendredi s'affichent, avec l'entrée, le plat, l'accompagnement et le dessert.",
    publish: "Les enseignants et le personnel publient le menu de la semaine ; une nouvelle publication remplace la précédente.",
  },
  en: {
    title: 'How to read and publish the menu',
    read: 'Pick the week with the arrows: the menus from Monday to Friday are shown, with starter, main course, side and dessert.',
    publish: 'Teachers and staff publish the week’s menu; publishing again replaces it.',
  },
};

/** The lunch menu's help page, shown by the header's "Aide" while the app is open. */
export class LunchMenuHelp extends LitElement {
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });

  override render() {
    const t = TEXT[this.language.value ?? 'fr'];
    return html`<h2>${t.title}</h2><p>${t.read}</p><p>${t.publish}</p>`;
  }
}
customElements.define('lunch-menu-help', LunchMenuHelp);

declare global {
  interface HTMLElementTagNameMap {
    'lunch-menu-help': LunchMenuHelp;
  }
}
